/// libFuzzer target: the TeX-to-MathML converter and the TeX-to-Unicode renderer on any text.
///
/// The first byte picks inline or display math. Errors (`TeXError`) are fine; crashes and hangs are not.
/// A successful MathML rendering must be one `<math …>…</math>` element.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTeX(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let tex = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    if let mathML = try? MathML.render(tex: tex, display: data[0] & 1 == 1) {
        precondition(mathML.hasPrefix("<math") && mathML.hasSuffix("</math>"), "not one math element: \(mathML)")
    }
    _ = try? UnicodeMath.render(tex: tex)
    return 0
}
