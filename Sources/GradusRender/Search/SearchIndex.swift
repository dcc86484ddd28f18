import Foundation
import GradusContent
import GradusMarkdown
import GradusMath
import GradusQuiz

/// The per-language search index: one entry per section of each lesson (its title, the section's heading, a link
/// and the section's words), written as a script that registers itself, so search works from `file://` too.
/// Math is written as Unicode text (`∂L/∂w`, `σ′(z)`), as a reader sees it, never as TeX.
struct SearchIndex {
    struct Entry {
        var title: String
        var heading: String
        /// From the site's root: `pt/backpropagation/index.html#chain-rule`.
        var url: String
        var text: String
    }

    var entries: [Entry] = []

    /// Adds the sections of one lesson page; quizzes and simulation tables are left out.
    mutating func add(lesson slug: String, title: String, language: String, document: MarkdownDocument) {
        let page = "\(language)/\(slug)/index.html"
        var current = Entry(title: title, heading: "", url: page, text: "")
        for block in document.children {
            switch block.kind {
            case .heading where (block.headingLevel ?? 0) <= 3:
                if !current.text.isEmpty || !current.heading.isEmpty { entries.append(current) }
                current = Entry(title: title, heading: Self.text(of: block), url: page + "#" + (block.headingID ?? ""), text: "")
            case .directive, .htmlBlock, .thematicBreak:
                continue
            default:
                let words = Self.text(of: block)
                if !words.isEmpty { current.text += (current.text.isEmpty ? "" : " ") + words }
            }
        }
        if !current.text.isEmpty || !current.heading.isEmpty { entries.append(current) }
    }

    /// The text of a block as a reader sees it: its inlines' text, math in Unicode (`\\frac{a}{b}` → `a/b`),
    /// breaks as spaces and a line feed between leaf blocks; raw HTML left out. Walks without recursion.
    static func text(of block: MarkdownNode) -> String {
        var out = ""
        var node = block
        var entering = true
        while true {
            if entering {
                switch node.kind {
                case .text, .code, .codeBlock:
                    out += node.literal ?? ""
                case .inlineMath, .mathBlock:
                    let tex = node.tex ?? ""
                    let math = (try? UnicodeMath.render(tex: tex)) ?? tex
                    out += math.split(whereSeparator: \.isNewline).joined(separator: " ")
                case .softBreak, .hardBreak:
                    out += " "
                default:
                    break
                }
                if node.kind != .htmlBlock, node.kind != .inlineHTML, let first = node.firstChild {
                    node = first
                    continue
                }
            }
            if node.kind.isBlock, node != block, !out.isEmpty, out.last != "\n" { out += "\n" }
            if node == block { break }
            if let next = node.nextSibling {
                node = next
                entering = true
            } else if let parent = node.parent {
                node = parent
                entering = false
            } else {
                break
            }
        }
        while out.last == "\n" { out.removeLast() }
        return out
    }

    /// `window.GRADUS_SEARCH["pt"] = [[title, heading, url, text], …];`
    func script(language: String) -> String {
        String(decoding: Self.script(language: language, rows: [rows()]), as: UTF8.self)
    }

    /// The script around rows made by `rows()` (of one lesson each, in the lessons' order), written straight into
    /// the file's bytes.
    static func script(language: String, rows: [[UInt8]]) -> Data {
        var head: [UInt8] = []
        head += "window.GRADUS_SEARCH = window.GRADUS_SEARCH || {};\nwindow.GRADUS_SEARCH[".utf8
        appendJSString(language, to: &head)
        head += "] = [\n".utf8
        let tail = Array("];\n".utf8)
        var data = Data(capacity: rows.reduce(head.count + tail.count) { $0 + $1.count })
        data.append(contentsOf: head)
        for row in rows { data.append(contentsOf: row) }
        data.append(contentsOf: tail)
        return data
    }

    /// The entries as lines of the script: `[title,heading,url,text],`.
    func rows() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.reduce(0) { $0 + $1.title.utf8.count + $1.heading.utf8.count + $1.url.utf8.count + $1.text.utf8.count + 16 })
        for entry in entries {
            out.append(UInt8(ascii: "["))
            Self.appendJSString(entry.title, to: &out)
            out.append(UInt8(ascii: ","))
            Self.appendJSString(entry.heading, to: &out)
            out.append(UInt8(ascii: ","))
            Self.appendJSString(entry.url, to: &out)
            out.append(UInt8(ascii: ","))
            Self.appendJSString(entry.text, to: &out)
            out += "],\n".utf8
        }
        return out
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends a JavaScript string literal that is also safe inside HTML (no `</script>` can close anything): a
    /// JSON string (quotes, backslashes and control characters escaped, as `JSONText.string`) with `<`, `>`, `&`
    /// and the two JavaScript line separators escaped as well. One pass over the UTF-8 bytes: runs that need no
    /// escape are copied whole.
    static func appendJSString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0, i = 0
            let n = bytes.count
            while i < n {
                let byte = bytes[i]
                let escape: StaticString
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case UInt8(ascii: "<"): escape = "\\u003c"
                case UInt8(ascii: ">"): escape = "\\u003e"
                case UInt8(ascii: "&"): escape = "\\u0026"
                case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                case 0..<0x20:
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                    out += "\\u00".utf8
                    out.append(Self.hexDigits[Int(byte >> 4)])
                    out.append(Self.hexDigits[Int(byte & 15)])
                    i += 1
                    start = i
                    continue
                default:
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                escape.withUTF8Buffer { out.append(contentsOf: $0) }
                i += width
                start = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<n]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
