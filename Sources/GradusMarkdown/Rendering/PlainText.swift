/// The plain text of a node: its inlines' text (text, code, math TeX, autolinks), breaks as spaces, and a
/// line feed between leaf blocks. Raw HTML is left out. For search indexes and terminal output.
enum PlainText {
    static func of(_ nodes: NodeArena, _ bytes: [UInt8], _ root: Int) -> String {
        var out: [UInt8] = []
        append(nodes, bytes, root, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the plain text of `root` to `out` (which it may end without its trailing line feeds).
    static func append(_ nodes: NodeArena, _ bytes: [UInt8], _ root: Int, into out: inout [UInt8]) {
        let start = out.count
        var cur = root
        var entering = true
        while true {
            let n = nodes[cur]
            if entering {
                switch n.kind {
                case .text, .code, .inlineMath, .codeBlock, .mathBlock:
                    bytes.withUnsafeBufferPointer {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[Int(n.s0)..<Int(n.e0)]))
                    }
                case .softBreak, .hardBreak:
                    out.append(0x20)
                default: break
                }
                if n.firstChild >= 0 && n.kind != .htmlBlock && n.kind != .inlineHTML {
                    cur = Int(n.firstChild)
                    continue
                }
            }
            if n.kind.isBlock && n.kind != .document && cur != root && out.count > start && out.last != 0x0A {
                out.append(0x0A)
            }
            if cur == root { break }
            if n.next >= 0 {
                cur = Int(n.next)
                entering = true
            } else {
                cur = Int(n.parent)
                entering = false
            }
        }
        while out.count > start && out.last == 0x0A { out.removeLast() }
    }
}

extension MarkdownNode {
    /// The concatenated text of this node's inlines (see `PlainText`), e.g. a heading's or quiz option's text.
    public var plainText: String { PlainText.of(tree.nodes, tree.bytes, index) }
}
