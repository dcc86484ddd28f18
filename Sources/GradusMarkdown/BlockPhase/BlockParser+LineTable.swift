/// Where the content of paragraphs, headings and table cells came from, for the positions of inline nodes.
///
/// `lineTable` gets one `LineEntry` per run of content copied one for one from the source: a paragraph line
/// after its container prefixes and stripped leading whitespace (a lazy continuation line keeps its leading
/// whitespace, as its content does), an ATX heading's text, a table cell (split where `\|` drops a byte). A
/// byte's column is its entry's column plus the Unicode scalars before it. Offsets are into `text`, which only
/// grows, so the table is sorted across blocks and one binary search finds any content byte's entry; a run
/// longer than `LineTable.checkpoint` bytes gets a checkpoint entry every so many bytes, which bounds the
/// counting. Entries are written only for content that the inline phase parses.
///
/// Approximations: the spaces that stand for the rest of a partially consumed tab (§2.2, e.g. a lazy line
/// that starts inside a tab) count from that tab's column; the bytes after them are exact.
extension BlockParser {
    /// Appends the entries of a run of content that copies `buffer[from..<to]` from source line `line`, the
    /// first byte at content offset `offset` and source column `column`: one entry, plus a checkpoint every
    /// `LineTable.checkpoint` bytes. The first replaces the last entry of `entries` when both have the same
    /// offset (that one's content was empty).
    static func appendRun(to entries: inout [LineEntry], offset: Int32, line: Int32, column: Int32,
                          _ buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
        let entry = LineEntry(offset: offset, line: line, column: column)
        if let last = entries.last, last.offset == offset {
            entries[entries.count - 1] = entry
        } else {
            entries.append(entry)
        }
        guard to - from > LineTable.checkpoint else { return }
        var at = from, atColumn = Int(column)
        while at + LineTable.checkpoint < to {
            let next = at + LineTable.checkpoint
            atColumn += LineTable.scalars(buffer, at, next)
            at = next
            entries.append(LineEntry(offset: offset + Int32(at - from), line: line, column: Int32(atColumn)))
        }
    }

    /// Records where the line that `addLine` is about to append to the open paragraph comes from.
    mutating func noteParagraphLine() {
        var start = Int32(scratch.count)
        var first = offset
        var column = scalarColumn(offset)
        if partiallyConsumedTab {
            // The tab at `offset` becomes spaces; what follows it is one column (one scalar) further.
            paragraphLines.append(LineEntry(offset: start, line: Int32(lineNumber), column: column))
            start += Int32(4 - self.column % 4)
            first += 1
            column += 1
        }
        BlockParser.appendRun(to: &paragraphLines, offset: start, line: Int32(lineNumber), column: column,
                              src, from: first, to: lineEnd)
    }

    /// Stores `scratch[pos...]` as the content of paragraph or heading `id`, with its entries: those of lines
    /// cut before `pos` (reference definitions, a task marker) are dropped, and the one holding `pos` moves to it.
    mutating func storeParagraphContent(_ id: Int, from pos: Int) {
        var first = 0
        while first + 1 < paragraphLines.count && Int(paragraphLines[first + 1].offset) <= pos { first += 1 }
        if first < paragraphLines.count {
            var entry = paragraphLines[first]
            let entryStart = Int(entry.offset)
            if entryStart < pos {
                entry.column += Int32(scratch.withUnsafeBufferPointer { LineTable.scalars($0, entryStart, pos) })
            }
            entry.offset = Int32(text.count)
            if let last = lineTable.last, last.offset == entry.offset { lineTable.removeLast() }
            lineTable.append(entry)
            let shift = Int32(text.count) - Int32(pos)
            for k in (first + 1)..<paragraphLines.count {
                var e = paragraphLines[k]
                e.offset += shift
                lineTable.append(e)
            }
        }
        (nodes[id].s0, nodes[id].e0) = store(scratch[pos...])
    }

    /// The source column of byte `p` of the open paragraph's `scratch`, from its line entries.
    func paragraphColumn(at p: Int) -> Int32 {
        var k = paragraphLines.count - 1
        while k > 0 && Int(paragraphLines[k].offset) > p { k -= 1 }
        let entry = paragraphLines[k]
        let start = Int(entry.offset)
        return entry.column + Int32(start < p ? scratch.withUnsafeBufferPointer { LineTable.scalars($0, start, p) } : 0)
    }
}
