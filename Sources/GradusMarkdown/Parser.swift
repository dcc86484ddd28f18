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
        let (finalNodes, extraBytes) = text.withUnsafeBufferPointer { buffer -> (NodeArena, [UInt8]) in
            // The arena moves on to the inline phase; the block parser's copy of it is not used again.
            var inline = InlineParser(s: buffer, nodes: blocks.nodes, references: blocks.references,
                                      lesson: options.lesson)
            inline.run()
            return (inline.nodes, inline.extra)
        }
        let contentEnd = Int32(text.count)
        text.append(contentsOf: extraBytes)
        var bytes: [UInt8] = []
        swap(&bytes, &text)
        if options.lesson { HeadingIDs.assign(finalNodes, &bytes, blockCount: blockCount) }
        return MarkdownTree(nodes: finalNodes, bytes: bytes, parameters: blocks.parameters,
                            lines: blocks.lineTable, contentEnd: contentEnd, options: options,
                            closedDirectives: blocks.closedDirectives)
    }
}
