/// Wraps text for a terminal of a given width, on spaces, measuring with `CharacterWidth` (escape codes take no
/// columns). Existing line breaks stay; a word longer than the width gets a line of its own.
public enum TextWrap {
    /// `text` wrapped to `width` columns; lines after the first of each paragraph start with `indent` spaces.
    public static func wrap(_ text: String, width: Int, indent: Int = 0) -> String {
        guard width > indent + 8 else { return text }
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            var used = 0
            for word in line.split(separator: " ", omittingEmptySubsequences: false) {
                let w = CharacterWidth.of(String(word))
                if current.isEmpty && used == 0 {
                    current = String(word)
                    used = w
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
