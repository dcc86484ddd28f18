/// Heading ids of the lesson dialect: the explicit `{#id}` when given, else a GitHub-style slug of the
/// heading's text (lowercased; letters, digits, marks, `-` and `_` kept; spaces to `-`), made unique in the
/// document with `-1`, `-2`… suffixes in document order. Explicit ids are reserved first.
enum HeadingIDs {
    static func assign(_ nodes: inout [RawNode], _ bytes: inout [UInt8]) {
        var used = Set<String>()
        var nextSuffix: [String: Int] = [:]
        var headings: [Int] = []
        for i in nodes.indices where nodes[i].kind == .heading && nodes[i].bits & RawNode.detached == 0 {
            headings.append(i)
            if nodes[i].e1 > nodes[i].s1 { used.insert(string(bytes, nodes[i].s1, nodes[i].e1)) }
        }
        for i in headings {
            let id: String
            if nodes[i].e1 > nodes[i].s1 {
                id = string(bytes, nodes[i].s1, nodes[i].e1)
            } else {
                var base = slug(PlainText.of(nodes, bytes, i))
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

    /// GitHub's slug of a heading's text.
    static func slug(_ text: String) -> String {
        let utf8 = text.utf8
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
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark,
                 .connectorPunctuation:
                out.append(scalar)
            default:
                if scalar == " " || scalar == "-" { out.append("-") }
            }
        }
        return String(out)
    }

    private static func string(_ bytes: [UInt8], _ a: Int32, _ b: Int32) -> String {
        String(decoding: bytes[Int(a)..<Int(b)], as: UTF8.self)
    }
}
