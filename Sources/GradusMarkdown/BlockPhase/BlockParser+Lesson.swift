/// The lesson dialect's blocks: `:::` directives (pandoc fenced divs), `$$` math blocks and GFM tables.
extension BlockParser {
    // MARK: - Directives

    /// A `:::` line: opens a directive when a name follows, else closes the innermost open one that this line
    /// reached (0 when it does neither: the line is then ordinary text).
    mutating func directiveFence(_ container: Int) -> Int {
        let p = nextNonspace
        var e = p
        while e < lineEnd && src[e] == UInt8(ascii: ":") { e += 1 }
        guard e - p >= 3 else { return 0 }
        var s = e
        while s < lineEnd && isSpaceOrTab(src[s]) { s += 1 }
        if s == lineEnd {
            var d = container
            while d > 0 && kind(d) != .directive { d -= 1 }
            guard d > 0 else { return 0 }
            closedDirectives.insert(stack[d].node)
            closeUnmatchedBlocks()
            while stack.count - 1 > d { finalizeTop() }
            finalizeTop()
            return 3
        }
        var nameEnd = s
        while nameEnd < lineEnd && !isSpaceOrTab(src[nameEnd]) { nameEnd += 1 }
        var argStart = nameEnd
        while argStart < lineEnd && isSpaceOrTab(src[argStart]) { argStart += 1 }
        var argEnd = lineEnd
        while argEnd > argStart && isSpaceOrTab(src[argEnd - 1]) { argEnd -= 1 }
        // pandoc allows a closing run of colons after the attributes: `::: note :::`.
        var colons = argEnd
        while colons > argStart && src[colons - 1] == UInt8(ascii: ":") { colons -= 1 }
        if argEnd - colons >= 3 && (colons == argStart || isSpaceOrTab(src[colons - 1])) {
            argEnd = colons
            while argEnd > argStart && isSpaceOrTab(src[argEnd - 1]) { argEnd -= 1 }
        }
        closeUnmatchedBlocks()
        let id = Int(addChild(.directive, at: p))
        // Name and arguments sit side by side in the text: name = s1..<flags, arguments = flags..<e1.
        (nodes[detail: id].s1, nodes[detail: id].value) = store(UnsafeBufferPointer(rebasing: src[s..<nameEnd]))
        (_, nodes[detail: id].e1) = store(UnsafeBufferPointer(rebasing: src[argStart..<argEnd]))
        nodes[id].s0 = Int32(parameters.count)
        nodes[id].e0 = Int32(parameters.count)
        stack[stack.count - 1].a = 1
        offset = lineEnd
        return 2
    }

    /// A `key: value` line at the top of the innermost directive's body; false ends the parameters.
    mutating func directiveParameter() -> Bool {
        guard !blank, !indented else { return false }
        let p = nextNonspace
        guard isASCIILetter(src[p]) else { return false }
        var e = p
        while e < lineEnd && (isASCIIAlphanumeric(src[e]) || src[e] == UInt8(ascii: "-") || src[e] == UInt8(ascii: "_")) {
            e += 1
        }
        guard e < lineEnd, src[e] == UInt8(ascii: ":"), e + 1 == lineEnd || isSpaceOrTab(src[e + 1]) else { return false }
        var v = e + 1
        while v < lineEnd && isSpaceOrTab(src[v]) { v += 1 }
        var ve = lineEnd
        while ve > v && isSpaceOrTab(src[ve - 1]) { ve -= 1 }
        let key = store(UnsafeBufferPointer(rebasing: src[p..<e]))
        let value = store(UnsafeBufferPointer(rebasing: src[v..<ve]))
        parameters.append(RawParameter(keyStart: key.0, keyEnd: key.1, valueStart: value.0, valueEnd: value.1,
                                       line: Int32(lineNumber), column: scalarColumn(p)))
        nodes[Int(stack[stack.count - 1].node)].e0 = Int32(parameters.count)
        return true
    }

    // MARK: - Math blocks

    /// `$$` at the start of a line: a one-line `$$…$$` block, or the opening of one that ends at a line
    /// ending in `$$`. A line with `$$…$$` followed by more text stays a paragraph.
    mutating func mathBlockStart() -> Bool {
        let p = nextNonspace
        guard at(p + 1) == UInt8(ascii: "$") else { return false }
        let s = p + 2
        var t = lineEnd
        while t > s && isSpaceOrTab(src[t - 1]) { t -= 1 }
        if let k = HTMLScanner.find(src, s, t, "$$") {
            guard k == t - 2 else { return false }
            closeUnmatchedBlocks()
            addChild(.mathBlock, at: p)
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: src[s..<k]))
            finalizeTop()
            offset = lineEnd
            return true
        }
        closeUnmatchedBlocks()
        addChild(.mathBlock, at: p)
        offset = s
        column = nextNonspaceColumn + 2
        partiallyConsumedTab = false
        return true
    }

    /// Continues a math block; a line ending in `$$` closes it.
    mutating func continueMath() -> Int {
        var t = lineEnd
        while t > offset && isSpaceOrTab(src[t - 1]) { t -= 1 }
        guard t - offset >= 2, src[t - 1] == UInt8(ascii: "$"), src[t - 2] == UInt8(ascii: "$") else { return 0 }
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: src[offset..<(t - 2)]))
        finalizeTop()
        return 2
    }

    // MARK: - GFM tables

    /// A delimiter row under a paragraph whose last line has as many cells turns that line into a table header.
    mutating func tableStart(_ container: Int) -> Bool {
        guard !paragraphLines.isEmpty, let alignments = delimiterRow() else { return false }
        // The header is the paragraph's last line: its first entry (more when it starts inside a tab or is long).
        var entry = paragraphLines.count - 1
        let line = paragraphLines[entry].line
        while entry > 0 && paragraphLines[entry - 1].line == line { entry -= 1 }
        let headerStart = Int(paragraphLines[entry].offset)
        let header = Array(scratch[headerStart..<(scratch.count - 1)])
        let headerCells = header.withUnsafeBufferPointer { BlockParser.cells($0, 0, $0.count) }
        guard headerCells.count == alignments.count else { return false }
        let p = nextNonspace
        var firstByte = headerStart
        while firstByte < scratch.count - 1 && isSpaceOrTab(scratch[firstByte]) { firstByte += 1 }
        let column = paragraphColumn(at: firstByte)
        // The cells' columns are counted from the first byte after the header's leading whitespace.
        let origin = (firstByte - headerStart, column)
        let paragraph = Int(stack[stack.count - 1].node)
        if entry > 0 {
            scratch.removeSubrange(headerStart...)
            paragraphLines.removeSubrange(entry...)
            finalizeTop()
        } else {
            stack.removeLast()
            detach(Int32(paragraph))
            relinkBlankRuns()
        }
        let table = Int(addChild(.table, at: p))
        nodes[detail: table].line = line
        nodes[table].column = column
        (nodes[detail: table].s1, nodes[detail: table].e1) = store(alignments.map { $0.rawValue })
        header.withUnsafeBufferPointer { buf in
            addRow(to: Int32(table), buf, headerCells, header: true, line: line, column: column, origin: origin)
        }
        offset = lineEnd
        return true
    }

    /// Adds the current line (from `offset`) as a body row of `table`.
    mutating func addTableRow(to table: Int32, header: Bool) {
        let cells = BlockParser.cells(src, offset, lineEnd)
        let column = scalarColumn(offset)
        addRow(to: table, src, cells, header: header, line: Int32(lineNumber), column: column, origin: (offset, column))
        offset = lineEnd
    }

    /// Adds a row of `cells` (ranges of `buf`) to `table`. `origin` is a byte of `buf` at or before the first
    /// cell and its source column: each cell's line entry is counted from it.
    private mutating func addRow(to table: Int32, _ buf: UnsafeBufferPointer<UInt8>, _ cells: [(Int, Int)],
                                 header: Bool, line: Int32, column: Int32, origin: (Int, Int32)) {
        let row = Int(appendNode(.tableRow, to: table))
        nodes[detail: row].line = line
        nodes[row].column = column
        nodes[row].flags = header ? 0x100 : 0
        let t = nodes[detail: Int(table)]
        let columns = Int(t.e1 - t.s1)
        var (counted, countedColumn) = origin
        for i in 0..<columns {
            let cell = Int(appendNode(.tableCell, to: Int32(row)))
            nodes[detail: cell].line = line
            nodes[cell].column = column
            nodes[cell].flags = UInt16(text[Int(t.s1) + i]) | (header ? 0x100 : 0)
            let start = Int32(text.count)
            if i < cells.count {
                var j = cells[i].0
                let e = cells[i].1
                while j < e {
                    // A run up to the next `\|`, a literal pipe: the content drops the backslash, so the pipe
                    // starts the next run.
                    var k = j
                    while k < e && !(buf[k] == UInt8(ascii: "\\") && k + 1 < e && buf[k + 1] == UInt8(ascii: "|")) { k += 1 }
                    countedColumn += Int32(LineTable.scalars(buf, counted, j))
                    counted = j
                    BlockParser.appendRun(to: &lineTable, offset: Int32(text.count), line: line, column: countedColumn,
                                          buf, from: j, to: k)
                    text.append(contentsOf: UnsafeBufferPointer(rebasing: buf[j..<k]))
                    j = k < e ? k + 1 : k
                }
            }
            nodes[cell].s0 = start
            nodes[cell].e0 = Int32(text.count)
        }
    }

    /// The column alignments of a delimiter row at the next non-space byte, or nil when it is not one.
    private func delimiterRow() -> [TableAlignment]? {
        guard !indented else { return nil }
        var hasPipe = false
        for i in nextNonspace..<lineEnd where src[i] == UInt8(ascii: "|") { hasPipe = true; break }
        guard hasPipe else { return nil }
        var result: [TableAlignment] = []
        for (s, e) in BlockParser.cells(src, nextNonspace, lineEnd) {
            guard e > s else { return nil }
            var a = s, b = e
            let left = src[a] == UInt8(ascii: ":")
            if left { a += 1 }
            let right = b > a && src[b - 1] == UInt8(ascii: ":")
            if right { b -= 1 }
            guard b > a else { return nil }
            for i in a..<b where src[i] != UInt8(ascii: "-") { return nil }
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return result.isEmpty ? nil : result
    }

    /// The trimmed cell ranges of a table row: split at unescaped pipes, without the optional outer pipes.
    static func cells(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [(Int, Int)] {
        var p = start, e = end
        while p < e && isSpaceOrTab(s[p]) { p += 1 }
        while e > p && isSpaceOrTab(s[e - 1]) { e -= 1 }
        if p < e && s[p] == UInt8(ascii: "|") { p += 1 }
        if e > p && s[e - 1] == UInt8(ascii: "|") && (e - 2 < p || s[e - 2] != UInt8(ascii: "\\")) { e -= 1 }
        var result: [(Int, Int)] = []
        var cellStart = p
        var i = p
        while i <= e {
            if i == e || s[i] == UInt8(ascii: "|") {
                var a = cellStart, b = i
                while a < b && isSpaceOrTab(s[a]) { a += 1 }
                while b > a && isSpaceOrTab(s[b - 1]) { b -= 1 }
                result.append((a, b))
                cellStart = i + 1
            } else if s[i] == UInt8(ascii: "\\") {
                i += 1
            }
            i += 1
        }
        return result
    }
}
