/// Heading ids of the lesson dialect: the explicit `{#id}` when given, else a GitHub-style slug of the
/// heading's text (lowercased; letters, digits, marks, `-` and `_` kept; spaces to `-`), made unique in the
/// document with `-1`, `-2`… suffixes in document order. Explicit ids are reserved first.
enum HeadingIDs {
    /// Headings are blocks, all among the first `blockCount` nodes (the block phase's): the inlines after them
    /// are not scanned.
    static func assign(_ nodes: NodeArena, _ bytes: inout [UInt8], blockCount: Int) {
        var used = Set<String>()
        var nextSuffix: [String: Int] = [:]
        var headings: [Int] = []
        for i in 0..<min(blockCount, nodes.count)
        where nodes[i].kind == .heading && nodes[i].bits & RawNode.detached == 0 {
            headings.append(i)
            let d = nodes[detail: i]
            if d.e1 > d.s1 { used.insert(string(bytes, d.s1, d.e1)) }
        }
        var text: [UInt8] = []
        for i in headings {
            let id: String
            let d = nodes[detail: i]
            if d.e1 > d.s1 {
                id = string(bytes, d.s1, d.e1)
            } else {
                text.removeAll(keepingCapacity: true)
                PlainText.append(nodes, bytes, i, into: &text)
                var base = slug(text)
                if base.isEmpty { base = "section" }
                // Suffixes continue from the last one given to this slug, so many equal headings stay linear.
                var candidate = base
                var n = nextSuffix[base] ?? 0
                if used.contains(candidate) {
                    repeat {
                        n += 1
                        candidate = "\(base)-\(n)"
                    } while used.contains(candidate)
                    nextSuffix[base] = n
                }
                used.insert(candidate)
                id = candidate
            }
            // The raw content range is no longer needed after the inline phase: it now holds the id.
            nodes[i].s0 = Int32(bytes.count)
            bytes.append(contentsOf: id.utf8)
            nodes[i].e0 = Int32(bytes.count)
        }
    }

    /// GitHub's slug of a heading's text (UTF-8).
    static func slug(_ utf8: [UInt8]) -> String {
        if utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: the same rule without Unicode property lookups.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count)
            for c in utf8 {
                if isASCIIAlphanumeric(c) || c == UInt8(ascii: "_") { bytes.append(asciiLower(c)) }
                else if c == 0x20 || c == UInt8(ascii: "-") { bytes.append(UInt8(ascii: "-")) }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        // Scalar by scalar, as `lowercased()` maps them: ASCII by the rule above, the rest by their lowercase
        // mapping's general categories (invalid UTF-8 decodes to U+FFFD first, which is dropped).
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars {
            if scalar.isASCII {
                let c = UInt8(scalar.value)
                if isASCIIAlphanumeric(c) || c == UInt8(ascii: "_") { out.append(asciiLower(c)) }
                else if c == 0x20 || c == UInt8(ascii: "-") { out.append(UInt8(ascii: "-")) }
                continue
            }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                switch lower.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark,
                     .connectorPunctuation:
                    HTMLEntities.appendUTF8(lower, to: &out)
                default:
                    if lower == " " || lower == "-" { out.append(UInt8(ascii: "-")) }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func string(_ bytes: [UInt8], _ a: Int32, _ b: Int32) -> String {
        String(decoding: bytes[Int(a)..<Int(b)], as: UTF8.self)
    }
}
