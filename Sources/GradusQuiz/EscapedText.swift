extension String {
    /// The text with control characters written as `\u{1B}` (hexadecimal, upper case), so that echoing what a user
    /// typed can neither move the cursor, recolour or clear the terminal, nor hide text behind bidirectional
    /// overrides. Escaped: C0 and C1 controls and DEL, the bidirectional marks, embeddings, overrides and
    /// isolates, and the line and paragraph separators. Everything else, a backslash too, is shown as it is.
    public var escapingControls: String {
        var out = ""
        for scalar in unicodeScalars {
            if Self.isEscaped(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
