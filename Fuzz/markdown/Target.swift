/// libFuzzer target: the Markdown parser and HTML renderer on any bytes.
///
/// The first byte picks the dialect (lesson or strict CommonMark) and safe or unsafe mode; the rest is the
/// document. Besides crashes and hangs (caught by libFuzzer's timeout), safe mode must never let a `<script`
/// tag through, since raw HTML is dropped and text is escaped, and every node must have a position.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let mode = data[0]
    let source = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let options = MarkdownOptions(dialect: mode & 1 == 0 ? .lesson : .commonmark, unsafe: mode & 2 != 0)
    let document = Markdown.parse(source, options: options)
    for node in document.allNodes {
        precondition(node.position.map { $0.line >= 1 && $0.column >= 1 } == true, "\(node.kind) has no position")
    }
    let html = Markdown.html(source, options: options)
    if !options.unsafe {
        let lowered = String(decoding: html, as: UTF8.self).lowercased()
        precondition(!lowered.contains("<script"), "safe mode let a <script> tag through")
    }
    return 0
}
