/// Runs the phases: blocks, then inlines, then (lesson dialect) heading ids.
enum Parser {
    static func parse(_ source: UnsafeBufferPointer<UInt8>, options: MarkdownOptions) -> MarkdownTree {
        // §2.3: U+0000 is replaced by U+FFFD.
        if firstIndex(of: 0, in: source, 0, source.count) < source.count {
            var input: [UInt8] = []
            input.reserveCapacity(source.count + 16)
            for b in source { if b == 0 { input.append(contentsOf: [0xEF, 0xBF, 0xBD]) } else { input.append(b) } }
            return input.withUnsafeBufferPointer { parseWithoutNUL($0, options: options) }
        }
        return parseWithoutNUL(source, options: options)
    }

    private static func parseWithoutNUL(_ src: UnsafeBufferPointer<UInt8>, options: MarkdownOptions) -> MarkdownTree {
        var blocks = BlockParser(src: src, lesson: options.lesson)
        blocks.run()
        let blockCount = blocks.nodes.count
        var text: [UInt8] = []
        swap(&text, &blocks.text)
        var (finalNodes, extra) = text.withUnsafeBufferPointer { buffer -> ([RawNode], [UInt8]) in
            var inline = InlineParser(s: buffer, references: blocks.references, lesson: options.lesson)
            // Hand the arena over without a second reference, so appending does not copy it.
            swap(&inline.nodes, &blocks.nodes)
            inline.run()
            var nodes: [RawNode] = []
            swap(&nodes, &inline.nodes)
            return (nodes, inline.extra)
        }
        let contentEnd = Int32(text.count)
        text.append(contentsOf: extra)
        var bytes: [UInt8] = []
        swap(&bytes, &text)
        extra = []
        if options.lesson { HeadingIDs.assign(&finalNodes, &bytes, blockCount: blockCount) }
        return MarkdownTree(nodes: finalNodes, bytes: bytes, parameters: blocks.parameters,
                            lines: blocks.lineTable, contentEnd: contentEnd, options: options)
    }
}
