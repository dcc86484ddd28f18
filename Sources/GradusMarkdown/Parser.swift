/// Runs the phases: blocks, then inlines, then (lesson dialect) heading ids.
enum Parser {
    static func parse(_ source: [UInt8], options: MarkdownOptions) -> MarkdownTree {
        // §2.3: U+0000 is replaced by U+FFFD.
        var input = source
        if input.contains(0) {
            input = []
            input.reserveCapacity(source.count + 16)
            for b in source { if b == 0 { input.append(contentsOf: [0xEF, 0xBF, 0xBD]) } else { input.append(b) } }
        }
        var blocks = input.withUnsafeBufferPointer { src -> BlockParser in
            var parser = BlockParser(src: src, lesson: options.lesson)
            parser.run()
            return parser
        }
        let text = blocks.text
        let nodes = blocks.nodes
        blocks.nodes = []
        var (finalNodes, extra) = text.withUnsafeBufferPointer { buffer -> ([RawNode], [UInt8]) in
            var inline = InlineParser(s: buffer, nodes: nodes, references: blocks.references, lesson: options.lesson)
            inline.run()
            return (inline.nodes, inline.extra)
        }
        var bytes = text
        bytes.append(contentsOf: extra)
        extra = []
        if options.lesson { HeadingIDs.assign(&finalNodes, &bytes) }
        return MarkdownTree(nodes: finalNodes, bytes: bytes, parameters: blocks.parameters, options: options)
    }
}
