/// Writes `MathNode`s as MathML Core elements into one growing string. Recursion follows the tree, whose
/// depth the parser bounds.
struct MathMLRenderer {
    let display: Bool
    private(set) var output = ""

    init(display: Bool) {
        self.display = display
    }

    mutating func render(_ nodes: [MathNode]) {
        output += "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"\(display ? "block" : "inline")\">"
        row(nodes)
        output += "</math>"
    }

    // MARK: - Nodes

    /// A sequence of nodes, inserting function application (U+2061) after function names, as MathJax does.
    private mutating func row(_ nodes: [MathNode]) {
        let nodes = MathMLRenderer.joinDecimals(nodes)
        for (index, node) in nodes.enumerated() {
            self.node(node)
            if isFunction(node), index + 1 < nodes.count { output += "<mo>&#x2061;</mo>" }
        }
    }

    /// `0{,}25` is how TeX writes a decimal comma (a comma in braces is ordinary, not punctuation): the digits and
    /// the comma become one number, `<mn>0,25</mn>`, instead of a list with a separator's spacing.
    static func joinDecimals(_ nodes: [MathNode]) -> [MathNode] {
        var out: [MathNode] = []
        var index = 0
        while index < nodes.count {
            if case .number(let whole)? = out.last, index + 1 < nodes.count,
               case .row(let inner) = nodes[index], inner.count == 1, case .op(let mark, _) = inner[0],
               mark == "," || mark == ".", case .number(let fraction) = nodes[index + 1] {
                out[out.count - 1] = .number(whole + mark + fraction)
                index += 2
                continue
            }
            out.append(nodes[index])
            index += 1
        }
        return out
    }

    /// Exactly one element: a single node as it is, several in an `<mrow>`.
    private mutating func element(_ node: MathNode) {
        if case .row(let items) = node, items.count != 1 {
            output += "<mrow>"
            row(items)
            output += "</mrow>"
        } else if case .row(let items) = node {
            element(items[0])
        } else {
            self.node(node)
        }
    }

    private mutating func node(_ node: MathNode) {
        switch node {
        case .identifier(let text, let upright):
            let variant = upright && text.unicodeScalars.count == 1 ? " mathvariant=\"normal\"" : ""
            tag("mi\(variant)", "mi", text)
        case .number(let text):
            tag("mn", "mn", text)
        case .op(let text, let kind):
            switch kind {
            case .open, .close:
                tag("mo stretchy=\"false\"", "mo", text)
            case .ordinary where text == "|" || text == "‖":
                tag("mo stretchy=\"false\"", "mo", text)
            default:
                tag("mo", "mo", text)
            }
        case .text(let text):
            tag("mtext", "mtext", nonBreakingEdges(text))
        case .space(let width):
            output += "<mspace width=\"\(em(width))\"/>"
        case .row(let items):
            element(.row(items))
        case .fraction(let numerator, let denominator, let displayStyle):
            output += displayStyle.map { "<mfrac displaystyle=\"\($0)\">" } ?? "<mfrac>"
            element(numerator)
            element(denominator)
            output += "</mfrac>"
        case .root(let radicand, let index):
            if let index {
                output += "<mroot>"
                element(radicand)
                element(index)
                output += "</mroot>"
            } else {
                output += "<msqrt>"
                element(radicand)
                output += "</msqrt>"
            }
        case .scripts(let base, let sub, let sup, let limits):
            let under = limits && display
            let name = switch (sub != nil, sup != nil) {
            case (true, true): under ? "munderover" : "msubsup"
            case (true, false): under ? "munder" : "msub"
            default: under ? "mover" : "msup"
            }
            output += "<\(name)>"
            element(base)
            if let sub { element(sub) }
            if let sup { element(sup) }
            output += "</\(name)>"
        case .fenced(let open, let body, let close):
            output += "<mrow>"
            if !open.isEmpty { tag("mo fence=\"true\" form=\"prefix\" stretchy=\"true\"", "mo", open) }
            row(body)
            if !close.isEmpty { tag("mo fence=\"true\" form=\"postfix\" stretchy=\"true\"", "mo", close) }
            output += "</mrow>"
        case .accent(let base, let accent):
            output += "<mover accent=\"true\">"
            element(base)
            tag("mo stretchy=\"\(accent.stretchy)\"", "mo", accent.mathML)
            output += "</mover>"
        case .function(let name):
            tag("mi", "mi", name)
        case .largeOperator(let symbol):
            tag("mo", "mo", symbol)
        case .sizedDelimiter(let symbol, _, let height):
            let size = em(height)
            tag("mo fence=\"false\" stretchy=\"true\" symmetric=\"true\" minsize=\"\(size)\" maxsize=\"\(size)\"",
                "mo", symbol)
        case .table(let kind, let rows):
            table(kind, rows)
        }
    }

    private mutating func table(_ kind: TableKind, _ rows: [[MathNode]]) {
        let (open, close): (String, String)
        switch kind {
        case .matrix(let o, let c): (open, close) = (o, c)
        case .aligned: (open, close) = ("", "")
        case .cases: (open, close) = ("{", "")
        }
        let fenced = !open.isEmpty || !close.isEmpty
        if fenced {
            output += "<mrow>"
            if !open.isEmpty { tag("mo fence=\"true\" form=\"prefix\" stretchy=\"true\"", "mo", open) }
        }
        output += kind == .aligned ? "<mtable displaystyle=\"true\">" : "<mtable>"
        for cells in rows {
            output += "<mtr>"
            for (column, cell) in cells.enumerated() {
                switch kind {
                case .aligned: output += column % 2 == 0 ? "<mtd columnalign=\"right\">" : "<mtd columnalign=\"left\">"
                case .cases: output += "<mtd columnalign=\"left\">"
                case .matrix: output += "<mtd>"
                }
                guard case .row(let items) = cell else { preconditionFailure("table cells are rows") }
                // `&=`: TeX keeps the relation's spacing in the right-hand column; an empty mrow before it
                // makes MathML treat it as infix too.
                if kind == .aligned, column % 2 == 1, case .op(_, let opKind)? = items.first,
                   opKind == .relation || opKind == .binary {
                    output += "<mrow></mrow>"
                }
                row(items)
                output += "</mtd>"
            }
            output += "</mtr>"
        }
        output += "</mtable>"
        if fenced {
            if !close.isEmpty { tag("mo fence=\"true\" form=\"postfix\" stretchy=\"true\"", "mo", close) }
            output += "</mrow>"
        }
    }

    // MARK: - Helpers

    private func isFunction(_ node: MathNode) -> Bool {
        switch node {
        case .function: return true
        case .scripts(let base, _, _, _): return isFunction(base)
        default: return false
        }
    }

    /// `<open>escaped text</close>`.
    private mutating func tag(_ open: String, _ close: String, _ text: String) {
        output += "<\(open)>"
        escape(text)
        output += "</\(close)>"
    }

    private mutating func escape(_ text: String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }

    /// Spaces at the edges of `\text{ if }` would collapse in HTML; no-break spaces keep them.
    private func nonBreakingEdges(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count, scalars[i] == " " { scalars[i] = "\u{A0}"; i += 1 }
        var j = scalars.count - 1
        while j >= i, scalars[j] == " " { scalars[j] = "\u{A0}"; j -= 1 }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// A width in em with at most four decimals and no trailing zeros: `0.1667em`, `1em`, `-0.1667em`.
    private func em(_ width: Double) -> String {
        let tenThousandths = Int((width * 10_000).rounded())
        let sign = tenThousandths < 0 ? "-" : ""
        let magnitude = abs(tenThousandths)
        var fraction = String(magnitude % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + String(magnitude / 10_000) + (fraction.isEmpty ? "" : "." + fraction) + "em"
    }
}
