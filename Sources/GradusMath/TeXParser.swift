/// Parses the TeX math subset into `MathNode`s by recursive descent, one token of lookahead.
///
/// Recursion is bounded: every atom (group, command argument, `\left`, environment) counts one level, and
/// more than `maximumDepth` levels is a located error, so hostile input such as 100 000 nested braces fails
/// fast instead of overflowing the stack. Every token is read once: O(n).
struct TeXParser {
    static let maximumDepth = 100

    private var lexer: TeXLexer
    private var peeked: TeXToken?
    private var depth = 0
    /// The alphabet of an enclosing `\mathbf{…}`-like command.
    private var font: MathFont?

    init(_ source: String) {
        lexer = TeXLexer(source)
    }

    mutating func parse() throws(TeXError) -> [MathNode] {
        try parseRow(.top)
    }

    // MARK: - Rows and scripts

    /// What ends a row; each context stops at its own terminator and refuses the others.
    private enum Context {
        case top
        case group(open: TeXToken)
        case leftRight(left: TeXToken)
        case cell
        case optionalArgument(open: TeXToken)
    }

    /// An atom with the scripts attached to it so far.
    private struct Pending {
        var node: MathNode
        var limits: Bool
        var sub: MathNode?
        var sup: MathNode?
        var primes = 0
    }

    private mutating func parseRow(_ context: Context) throws(TeXError) -> [MathNode] {
        var items: [Pending] = []
        while true {
            let token = peek()
            switch token.kind {
            case .end:
                switch context {
                case .top, .cell: return materialize(items)
                case .group(let open): throw error("'{' is never closed; add '}'", at: open)
                case .leftRight(let left): throw error("\\left is never closed; add \\right)", at: left)
                case .optionalArgument(let open): throw error("'[' is never closed; add ']'", at: open)
                }
            case .close:
                if case .group = context { return materialize(items) }
                throw error("unexpected '}' without an opening '{'", at: token)
            case .alignment:
                if case .cell = context { return materialize(items) }
                throw error("'&' only works inside aligned, matrix or cases environments", at: token)
            case .command("\\"):
                if case .cell = context { return materialize(items) }
                throw error("'\\\\' (line break) only works inside aligned, matrix or cases environments",
                            at: token)
            case .command("end"):
                if case .cell = context { return materialize(items) }
                throw error("\\end without a matching \\begin", at: token)
            case .command("right"):
                if case .leftRight = context { return materialize(items) }
                throw error("\\right without a matching \\left", at: token)
            case .character("]"):
                if case .optionalArgument = context { return materialize(items) }
                items.append(Pending(node: try parseAtom().node, limits: false))
            case .superscript, .subscript:
                _ = next()
                let isSuper = token.kind == .superscript
                let argument = try parseArgument(for: isSuper ? "'^'" : "'_'", example: isSuper ? "x^{2}" : "x_{i}",
                                                 at: token)
                if items.isEmpty { items.append(Pending(node: .row([]), limits: false)) }
                if isSuper {
                    guard items[items.count - 1].sup == nil else {
                        throw error("double superscript; use braces, as in {x^a}^b or x^{ab}", at: token)
                    }
                    items[items.count - 1].sup = argument
                } else {
                    guard items[items.count - 1].sub == nil else {
                        throw error("double subscript; use braces, as in {x_a}_b or x_{ab}", at: token)
                    }
                    items[items.count - 1].sub = argument
                }
            case .character("'"):
                _ = next()
                if items.isEmpty { items.append(Pending(node: .row([]), limits: false)) }
                guard items[items.count - 1].sup == nil else {
                    throw error("prime after a superscript; write the prime first, as in x'^2", at: token)
                }
                items[items.count - 1].primes += 1
            case .command("limits"), .command("nolimits"):
                _ = next()
                guard !items.isEmpty else { throw error("\\limits must follow an operator such as \\sum", at: token) }
                items[items.count - 1].limits = token.kind == .command("limits")
            case .command(let name) where TeXSymbols.ignored.contains(name):
                _ = next()
            default:
                let (node, limits) = try parseAtom()
                items.append(Pending(node: node, limits: limits))
            }
        }
    }

    private func materialize(_ items: [Pending]) -> [MathNode] {
        items.map { item in
            guard item.sub != nil || item.sup != nil || item.primes > 0 else { return item.node }
            var sup = item.sup
            if item.primes > 0 {
                let primes = item.primes <= 4 ? ["′", "″", "‴", "⁗"][item.primes - 1]
                    : String(repeating: "′", count: item.primes)
                let prime = MathNode.op(primes, .ordinary)
                sup = sup.map { .row([prime, $0]) } ?? prime
            }
            return .scripts(base: item.node, sub: item.sub, sup: sup, limits: item.limits)
        }
    }

    // MARK: - Atoms

    /// One argument of a command or script: a braced group, one character, or one command with its own
    /// arguments (`x^\top`, `\frac12`).
    private mutating func parseArgument(for what: String, example: String, at owner: TeXToken)
        throws(TeXError) -> MathNode {
        let token = peek()
        switch token.kind {
        case .open, .character, .command:
            if case .command(let name) = token.kind, ["\\", "end", "right"].contains(name) || name.isEmpty {
                break
            }
            if case .character(let scalar) = token.kind, scalar >= "0" && scalar <= "9" {
                _ = next()
                return .number(mapped(String(scalar)))
            }
            return try parseAtom().node
        default:
            break
        }
        throw error("\(what) needs an argument, as in \(example)", at: owner)
    }

    private mutating func parseAtom() throws(TeXError) -> (node: MathNode, limits: Bool) {
        let token = next()
        depth += 1
        defer { depth -= 1 }
        guard depth <= TeXParser.maximumDepth else {
            throw error("the formula nests deeper than \(TeXParser.maximumDepth) levels; simplify it", at: token)
        }
        switch token.kind {
        case .open:
            let items = try parseRow(.group(open: token))
            _ = next()
            return (.row(items), false)
        case .character(let scalar):
            return (try parseCharacter(scalar, token), false)
        case .command(let name):
            return try parseCommand(name, token)
        case .close:
            throw error("unexpected '}' without an opening '{'", at: token)
        case .superscript, .subscript, .alignment, .end:
            throw error("unexpected \(describe(token))", at: token)
        }
    }

    private mutating func parseCharacter(_ scalar: Unicode.Scalar, _ token: TeXToken) throws(TeXError) -> MathNode {
        if scalar >= "0" && scalar <= "9" || (scalar == "." && lexer.nextCharacterIsDigit) {
            var digits = String(scalar)
            var seenPoint = scalar == "."
            while case .character(let next) = peek().kind {
                if next >= "0" && next <= "9" {
                    digits.unicodeScalars.append(next)
                } else if next == ".", !seenPoint, lexer.nextCharacterIsDigit {
                    seenPoint = true
                    digits.unicodeScalars.append(next)
                } else {
                    break
                }
                _ = self.next()
            }
            return .number(mapped(digits))
        }
        if (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") {
            return .identifier(mapped(String(scalar)), upright: font == .roman)
        }
        if let (symbol, kind) = TeXSymbols.characterOperator(scalar) { return .op(symbol, kind) }
        switch scalar {
        case "'": return .op("′", .ordinary)
        case "~": return .space(1.0 / 3)
        case "$": throw error("'$' cannot appear inside math; close the formula first", at: token)
        case "#": throw error("'#' has no meaning in math; write \\# for the sign", at: token)
        default: break
        }
        if let kind = TeXSymbols.operatorsByCharacter[scalar] { return .op(String(scalar), kind) }
        if scalar.properties.numericType != nil { return .number(String(scalar)) }
        if scalar.properties.isAlphabetic { return .identifier(mapped(String(scalar)), upright: font == .roman) }
        return .op(String(scalar), .ordinary)
    }

    private mutating func parseCommand(_ name: String, _ token: TeXToken) throws(TeXError) -> (node: MathNode, limits: Bool) {
        if let (symbol, upright) = TeXSymbols.identifiers[name] {
            return (.identifier(mapped(symbol), upright: upright || font == .roman), false)
        }
        if let (symbol, kind) = TeXSymbols.operators[name] { return (.op(symbol, kind), false) }
        if let limits = TeXSymbols.functions[name] { return (.function(name), limits) }
        if let (symbol, limits) = TeXSymbols.largeOperators[name] { return (.largeOperator(symbol), limits) }
        if let width = TeXSymbols.spaces[name] { return (.space(width), false) }
        if let accent = TeXSymbols.accents[name] {
            let base = try parseArgument(for: "\\\(name)", example: "\\\(name){x}", at: token)
            return (.accent(base, accent), false)
        }
        if let newFont = TeXSymbols.fonts[name] {
            let saved = font
            font = newFont
            defer { font = saved }
            let argument = try parseArgument(for: "\\\(name)", example: "\\\(name){W}", at: token)
            return (newFont == .roman ? mergeLetters(argument) : argument, false)
        }
        if TeXSymbols.ignored.contains(name) { return (.row([]), false) }
        switch name {
        case "frac", "dfrac", "tfrac":
            let example = "\\\(name){a}{b}"
            let numerator = try parseArgument(for: "\\\(name)", example: example, at: token)
            let denominator = try parseArgument(for: "\\\(name)", example: example, at: token)
            let style: Bool? = name == "dfrac" ? true : name == "tfrac" ? false : nil
            return (.fraction(numerator, denominator, displayStyle: style), false)
        case "sqrt":
            var index: MathNode?
            if lexer.skip("[") {
                index = .row(try parseRow(.optionalArgument(open: token)))
                _ = next()
            }
            let radicand = try parseArgument(for: "\\sqrt", example: "\\sqrt{x}", at: token)
            return (.root(radicand, index: index), false)
        case "text", "textrm", "mbox":
            return (.text(try rawGroup(for: name, example: "\\\(name){if}", at: token)), false)
        case "operatorname":
            let limits = lexer.skip("*")
            let text = try rawGroup(for: name, example: "\\operatorname{ReLU}", at: token)
            return (.function(text), limits)
        case "left":
            let open = try delimiter(after: token)
            let body = try parseRow(.leftRight(left: token))
            let right = next()
            return (.fenced(open: open, body: body, close: try delimiter(after: right)), false)
        case "begin":
            return (try parseEnvironment(token), false)
        case _ where TeXSymbols.delimiterSizes[name] != nil:
            let (height, side) = TeXSymbols.delimiterSizes[name]!
            let symbol = try delimiter(after: token)
            let kind: OperatorKind = side == "l" ? .open : side == "r" ? .close
                : "([{⟨⌊⌈".contains(symbol) ? .open : ")]}⟩⌋⌉".contains(symbol) ? .close : .ordinary
            return (.sizedDelimiter(symbol, kind, height: height), false)
        default:
            throw unknownCommand(name, at: token)
        }
    }

    /// `\mathrm{ReLU}`: consecutive roman letters form one upright identifier, as a function name would.
    private func mergeLetters(_ node: MathNode) -> MathNode {
        guard case .row(let items) = node else { return node }
        var merged: [MathNode] = []
        for item in items {
            if case .identifier(let text, true) = item, case .identifier(let previous, true)? = merged.last {
                merged[merged.count - 1] = .identifier(previous + text, upright: true)
            } else {
                merged.append(item)
            }
        }
        return .row(merged)
    }

    /// The delimiter after `\left` or `\right`: `( ) [ ] | / .` or `\{ \} \| \langle \rangle \lVert …`.
    private mutating func delimiter(after command: TeXToken) throws(TeXError) -> String {
        let token = next()
        switch token.kind {
        case .character(let scalar) where "()[]|/".unicodeScalars.contains(scalar):
            return String(scalar)
        case .character("."):
            return ""
        case .character("<"):
            return "⟨"
        case .character(">"):
            return "⟩"
        case .command(let name):
            if let symbol = TeXSymbols.openingDelimiters[name] ?? TeXSymbols.closingDelimiters[name] { return symbol }
            if name == "|" || name == "Vert" { return "‖" }
            if name == "vert" { return "|" }
        default:
            break
        }
        guard case .command(let which) = command.kind else { preconditionFailure("delimiters follow a command") }
        throw error("\\\(which) needs a delimiter such as ( [ \\{ | \\| or . (none)", at: token)
    }

    private mutating func parseEnvironment(_ begin: TeXToken) throws(TeXError) -> MathNode {
        let name = try rawGroup(for: "begin", example: "\\begin{pmatrix}", at: begin)
        guard let kind = TeXSymbols.environments[name] else {
            let known = TeXSymbols.environments.keys.sorted().joined(separator: ", ")
            throw error("unknown environment '\(name)'; use one of \(known)", at: begin)
        }
        var rows: [[MathNode]] = []
        var cells: [MathNode] = []
        while true {
            cells.append(.row(try parseRow(.cell)))
            let token = next()
            switch token.kind {
            case .alignment:
                continue
            case .command("\\"):
                rows.append(cells)
                cells = []
                if lexer.skip("[") { try skipLength(after: token) }
            case .command("end"):
                let endName = try rawGroup(for: "end", example: "\\end{\(name)}", at: token)
                guard endName == name else {
                    throw error("\\end{\(endName)} does not match \\begin{\(name)} at \(begin.line):\(begin.column)",
                                at: token)
                }
                if !(cells.count == 1 && cells[0] == .row([])) || rows.isEmpty { rows.append(cells) }
                return .table(kind, rows: rows)
            default:
                throw error("\\begin{\(name)} is never closed; add \\end{\(name)}", at: begin)
            }
        }
    }

    /// Skips the `2pt]` of `\\[2pt]`: extra space between rows, which MathML leaves to its own spacing.
    private mutating func skipLength(after token: TeXToken) throws(TeXError) {
        while true {
            let next = self.next()
            switch next.kind {
            case .character("]"): return
            case .character, .command: continue
            default: throw error("'\\\\[' needs a length and ']', as in \\\\[2pt]", at: token)
            }
        }
    }

    /// The raw text of the braced argument of `\text`, `\operatorname`, `\begin` or `\end`.
    private mutating func rawGroup(for command: String, example: String, at token: TeXToken) throws(TeXError) -> String {
        precondition(peeked == nil, "raw text is read straight from the lexer")
        guard let group = lexer.readRawGroup() else {
            throw error("\\\(command) needs a braced argument, as in \(example)", at: token)
        }
        if let (line, column) = group.unclosedAt {
            throw TeXError(line: line, column: column, message: "'{' is never closed; add '}'")
        }
        if let inner = group.command {
            throw TeXError(line: inner.line, column: inner.column,
                           message: "commands such as \(inner.name) do not work inside \\\(command){…}; "
                               + "close the braces first")
        }
        return group.text
    }

    // MARK: - Helpers

    private func mapped(_ text: String) -> String {
        guard let font, font != .roman else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(font.map(scalar)) }
        return String(result)
    }

    private mutating func peek() -> TeXToken {
        if let peeked { return peeked }
        let token = lexer.next()
        peeked = token
        return token
    }

    private mutating func next() -> TeXToken {
        if let token = peeked {
            peeked = nil
            return token
        }
        return lexer.next()
    }

    private func describe(_ token: TeXToken) -> String {
        switch token.kind {
        case .superscript: return "'^'"
        case .subscript: return "'_'"
        case .alignment: return "'&'"
        case .end: return "end of the formula"
        case .open: return "'{'"
        case .close: return "'}'"
        case .character(let scalar): return "'\(scalar)'"
        case .command(let name): return "\\\(name)"
        }
    }

    private func unknownCommand(_ name: String, at token: TeXToken) -> TeXError {
        if name.isEmpty { return error("a lone '\\' ends the formula; write \\backslash for the sign", at: token) }
        if let suggestion = TeXSymbols.suggestion(for: name) {
            return error("unknown command \\\(name); did you mean \\\(suggestion)?", at: token)
        }
        return error("unknown command \\\(name)", at: token)
    }

    private func error(_ message: String, at token: TeXToken) -> TeXError {
        TeXError(line: token.line, column: token.column, message: message)
    }
}
