/// Writes `MathNode`s as one line of plain Unicode for the terminal (`∂L/∂w`, `σ′(x) ≤ 1/4`, `xᵢ²`), or
/// several lines for `aligned`. Scripts use Unicode's superscript and subscript letters when every character
/// has one, else `^(…)` and `_(…)`.
struct UnicodeRenderer {
    /// Renders a row; `compact` (inside scripts) leaves out the spaces around operators.
    func row(_ nodes: [MathNode], compact: Bool = false) -> String {
        var output = ""
        var previous: MathNode?
        var previousText = ""
        for (index, node) in nodes.enumerated() {
            let next = index + 1 < nodes.count ? nodes[index + 1] : nil
            switch node {
            case .op(let symbol, let kind) where !compact:
                switch kind {
                case .binary where !isUnaryPosition(after: previous):
                    spaced(symbol, into: &output)
                case .relation:
                    spaced(symbol, into: &output)
                case .punctuation:
                    output += symbol + " "
                default:
                    output += symbol
                }
            default:
                if !compact, let previous, !output.hasSuffix(" "), endsWithPlainScript(previous, previousText) {
                    output += " "
                }
                previousText = render(node)
                // A fraction that a factor follows is bracketed: `(1/2)gt²`, since `1/2gt²` reads as 1/(2gt²).
                if case .fraction = node, let next, !isOperator(next) {
                    previousText = "(" + previousText + ")"
                }
                output += previousText
                if !compact, next != nil, takesArgument(node), !startsWithFence(next) { output += " " }
            }
            if case .op = node { previousText = "" }
            previous = node
        }
        while output.hasSuffix(" ") { output.removeLast() }
        return output
    }

    func render(_ node: MathNode) -> String {
        switch node {
        case .identifier(let text, _), .number(let text), .text(let text), .function(let text),
             .largeOperator(let text):
            return text
        case .op(let symbol, _):
            return symbol
        case .space(let width):
            return width >= 2 ? "    " : width >= 1 ? "  " : width > 0 ? " " : ""
        case .row(let items):
            return row(items)
        case .sizedDelimiter(let symbol, _, _):
            return symbol
        case .fraction(let numerator, let denominator, _):
            return parenthesized(render(numerator)) + "/" + parenthesized(render(denominator))
        case .root(let radicand, let index):
            let prefix = index.map { script(render($0, compact: true), superscript: true) } ?? ""
            return prefix + "√" + parenthesized(render(radicand))
        case .scripts(let base, let sub, let sup, _):
            var text = render(base)
            if case .row(let items) = base, items.count > 1 { text = "(" + text + ")" }
            if case .fraction = base { text = "(" + text + ")" }
            if let sub { text += script(render(sub, compact: true), superscript: false) }
            if let sup {
                var rest = sup
                if case .op(let primes, .ordinary) = sup, isPrimes(primes) { return text + primes }
                if case .row(let items) = sup, case .op(let primes, .ordinary)? = items.first, isPrimes(primes) {
                    text += primes
                    rest = .row(Array(items.dropFirst()))
                }
                text += script(render(rest, compact: true), superscript: true)
            }
            return text
        case .fenced(let open, let body, let close):
            return open + row(body) + close
        case .accent(let base, let accent):
            let text = render(base)
            if let combining = accent.combining, text.unicodeScalars.count == 1 {
                return text + String(Character(combining))
            }
            return "\(accent.name)(\(text))"
        case .table(let kind, let rows):
            return table(kind, rows)
        }
    }

    // MARK: - Helpers

    private func isOperator(_ node: MathNode) -> Bool {
        switch node {
        case .op: return true
        default: return false
        }
    }

    private func isPrimes(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { "′″‴⁗".unicodeScalars.contains($0) }
    }

    /// Whether a rendered script fell back to `^x` or `_x`, so that a following letter needs a space
    /// (`∇_W L`, not `∇_WL`).
    private func endsWithPlainScript(_ node: MathNode, _ text: String) -> Bool {
        guard case .scripts = node else { return false }
        return text.contains("_") || text.contains("^")
    }

    private func render(_ node: MathNode, compact: Bool) -> String {
        if case .row(let items) = node { return row(items, compact: compact) }
        return render(node)
    }

    private func table(_ kind: TableKind, _ rows: [[MathNode]]) -> String {
        let cells = rows.map { $0.map { render($0) } }
        switch kind {
        case .matrix(let open, let close):
            return open + cells.map { $0.joined(separator: ", ") }.joined(separator: "; ") + close
        case .cases:
            return "{" + cells.map { $0.joined(separator: ", ") }.joined(separator: "; ") + "}"
        case .aligned:
            // Columns alternate right- and left-aligned, as at `&=`; widths count scalars that take space.
            let columns = cells.map(\.count).max() ?? 0
            var widths = [Int](repeating: 0, count: columns)
            for row in cells {
                for (column, cell) in row.enumerated() { widths[column] = max(widths[column], width(cell)) }
            }
            return cells.map { row in
                var line = ""
                for (column, cell) in row.enumerated() {
                    let padding = String(repeating: " ", count: widths[column] - width(cell))
                    if column > 0 { line += " " }
                    line += column % 2 == 0 ? padding + cell : cell + (column + 1 < row.count ? padding : "")
                }
                return line
            }.joined(separator: "\n")
        }
    }

    /// The number of scalars that take a column: combining marks take none.
    private func width(_ text: String) -> Int {
        text.unicodeScalars.filter { $0.properties.canonicalCombiningClass == .notReordered }.count
    }

    private func spaced(_ symbol: String, into output: inout String) {
        if !output.isEmpty && !output.hasSuffix(" ") { output += " " }
        output += symbol + " "
    }

    /// A `+` or `−` is unary at the start, after another operator, or after an opening fence.
    private func isUnaryPosition(after previous: MathNode?) -> Bool {
        guard let previous else { return true }
        if case .op(_, let kind) = previous { return kind != .close && kind != .ordinary }
        return false
    }

    /// Function names and big operators are followed by a space before an argument that is not fenced.
    private func takesArgument(_ node: MathNode) -> Bool {
        switch node {
        case .function, .largeOperator: return true
        case .scripts(let base, _, _, _): return takesArgument(base)
        default: return false
        }
    }

    private func startsWithFence(_ node: MathNode?) -> Bool {
        switch node {
        case .op(_, .open)?, .fenced?, .op(_, .punctuation)?, .op(_, .close)?: return true
        case .table(.matrix, _)?: return true
        default: return false
        }
    }

    private func parenthesized(_ text: String) -> String {
        text.contains(" ") || text.contains("/") ? "(" + text + ")" : text
    }

    /// `text` in superscript or subscript letters when each has one, else `^x`, `^(…)`, `_x`, `_(…)`.
    private func script(_ text: String, superscript: Bool) -> String {
        guard !text.isEmpty else { return "" }
        let table = superscript ? UnicodeRenderer.superscripts : UnicodeRenderer.subscripts
        var mapped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard let small = table[scalar] else {
                let marker = superscript ? "^" : "_"
                return text.unicodeScalars.count == 1 ? marker + text : marker + "(" + text + ")"
            }
            mapped.append(small)
        }
        return String(mapped)
    }

    private static let superscripts: [Unicode.Scalar: Unicode.Scalar] = table(
        from: "0123456789+−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW⊤βγδθφχ",
        to: "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵀᵝᵞᵟᶿᵠᵡ")

    private static let subscripts: [Unicode.Scalar: Unicode.Scalar] = table(
        from: "0123456789+−=()aehijklmnoprstuvxβγρφχ",
        to: "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ")

    private static func table(from: String, to: String) -> [Unicode.Scalar: Unicode.Scalar] {
        precondition(from.unicodeScalars.count == to.unicodeScalars.count, "script tables are aligned")
        return Dictionary(uniqueKeysWithValues: zip(from.unicodeScalars, to.unicodeScalars))
    }
}
