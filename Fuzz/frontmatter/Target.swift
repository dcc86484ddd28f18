/// libFuzzer target: the front matter reader (`SourceFile.read`, which runs `FrontMatterParser`) on any text.
///
/// Every diagnostic must be located inside the file: line ≥ 1 and column ≥ 1, and the body's first line
/// must not lie before the front matter's end.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var diagnostics: [Diagnostic] = []
    let file = SourceFile.read(text, path: "fuzz.md", diagnostics: &diagnostics)
    for diagnostic in diagnostics {
        precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1,
                     "diagnostic outside the file: \(diagnostic)")
    }
    precondition(file.bodyFirstLine >= 1)
    return 0
}
