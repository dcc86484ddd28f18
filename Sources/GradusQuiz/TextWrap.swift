/// Wraps text for a terminal of a given width, on spaces, measuring with `CharacterWidth` (escape codes take no
/// columns). Existing line breaks stay; a word longer than the width gets a line of its own.
public enum TextWrap {
    /// `text` wrapped to `width` columns; lines after the first of each paragraph start with `indent` spaces.
    public static func wrap(_ text: String, width: Int, indent: Int = 0) -> String {
        guard width >= indent + 4 else { return text }
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let lead = line.prefix { $0 == " " }
            var current = String(lead)
            var used = lead.count
            var first = true
            for word in line.dropFirst(lead.count).split(separator: " ", omittingEmptySubsequences: false) {
                let w = CharacterWidth.of(String(word))
                if first {
                    current += word
                    used += w
                    first = false
                } else if used + 1 + w <= width {
                    current += " " + word
                    used += 1 + w
                } else {
                    out.append(current)
                    current = String(repeating: " ", count: indent) + word
                    used = indent + w
                }
            }
            out.append(current)
        }
        return out.joined(separator: "\n")
    }
}
