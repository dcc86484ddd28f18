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
        var out = "window.GRADUS_SEARCH = window.GRADUS_SEARCH || {};\nwindow.GRADUS_SEARCH[\(jsString(language))] = [\n"
        for entry in entries {
            out += "[\(jsString(entry.title)),\(jsString(entry.heading)),\(jsString(entry.url)),\(jsString(entry.text))],\n"
        }
        return out + "];\n"
    }

    /// A JavaScript string literal that is also safe inside HTML (no `</script>` can close anything): a JSON
    /// string with `<`, `>`, `&` and the two JavaScript line separators escaped as well.
    private func jsString(_ text: String) -> String {
        var out = ""
        for scalar in JSONText.string(text).unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
