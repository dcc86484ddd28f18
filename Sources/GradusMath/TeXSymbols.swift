/// The commands GradusMath knows, by kind. Symbols follow the Unicode characters that TeX's fonts and
/// MathJax's tables give them (e.g. `\epsilon` is ϵ U+03F5 and `\varepsilon` is ε U+03B5, as in TeX).
enum TeXSymbols {
    /// Symbols set as identifiers: Greek letters and ordinary symbols. The flag asks for upright type.
    static let identifiers: [String: (String, upright: Bool)] = {
        var table: [String: (String, upright: Bool)] = [:]
        let lowercase: [(String, String)] = [
            ("alpha", "α"), ("beta", "β"), ("gamma", "γ"), ("delta", "δ"), ("epsilon", "ϵ"), ("varepsilon", "ε"),
            ("zeta", "ζ"), ("eta", "η"), ("theta", "θ"), ("vartheta", "ϑ"), ("iota", "ι"), ("kappa", "κ"),
            ("lambda", "λ"), ("mu", "μ"), ("nu", "ν"), ("xi", "ξ"), ("pi", "π"), ("varpi", "ϖ"), ("rho", "ρ"),
            ("varrho", "ϱ"), ("sigma", "σ"), ("varsigma", "ς"), ("tau", "τ"), ("upsilon", "υ"), ("phi", "ϕ"),
            ("varphi", "φ"), ("chi", "χ"), ("psi", "ψ"), ("omega", "ω"),
            ("partial", "∂"), ("ell", "ℓ"), ("imath", "ı"), ("jmath", "ȷ"),
        ]
        let upright: [(String, String)] = [
            ("Gamma", "Γ"), ("Delta", "Δ"), ("Theta", "Θ"), ("Lambda", "Λ"), ("Xi", "Ξ"), ("Pi", "Π"),
            ("Sigma", "Σ"), ("Upsilon", "Υ"), ("Phi", "Φ"), ("Psi", "Ψ"), ("Omega", "Ω"),
            ("infty", "∞"), ("nabla", "∇"), ("top", "⊤"), ("bot", "⊥"), ("emptyset", "∅"), ("varnothing", "∅"),
            ("hbar", "ℏ"), ("aleph", "ℵ"), ("Re", "ℜ"), ("Im", "ℑ"), ("forall", "∀"), ("exists", "∃"),
            ("neg", "¬"), ("lnot", "¬"), ("angle", "∠"), ("triangle", "△"), ("dagger", "†"),
        ]
        for (name, symbol) in lowercase { table[name] = (symbol, false) }
        for (name, symbol) in upright { table[name] = (symbol, true) }
        return table
    }()

    /// Symbols set as operators, with how they space.
    static let operators: [String: (String, OperatorKind)] = {
        var table: [String: (String, OperatorKind)] = [:]
        let relations: [(String, String)] = [
            ("le", "≤"), ("leq", "≤"), ("ge", "≥"), ("geq", "≥"), ("ne", "≠"), ("neq", "≠"), ("approx", "≈"),
            ("sim", "∼"), ("simeq", "≃"), ("cong", "≅"), ("equiv", "≡"), ("propto", "∝"), ("in", "∈"),
            ("notin", "∉"), ("ni", "∋"), ("subset", "⊂"), ("subseteq", "⊆"), ("supset", "⊃"), ("supseteq", "⊇"),
            ("to", "→"), ("rightarrow", "→"), ("leftarrow", "←"), ("gets", "←"), ("Rightarrow", "⇒"),
            ("Leftarrow", "⇐"), ("implies", "⟹"), ("iff", "⟺"), ("leftrightarrow", "↔"),
            ("Leftrightarrow", "⇔"), ("longrightarrow", "⟶"), ("longleftarrow", "⟵"), ("mapsto", "↦"),
            ("uparrow", "↑"), ("downarrow", "↓"), ("ll", "≪"), ("gg", "≫"), ("coloneqq", "≔"), ("mid", "∣"),
            ("parallel", "∥"), ("perp", "⟂"), ("prec", "≺"), ("succ", "≻"), ("doteq", "≐"),
        ]
        let binaries: [(String, String)] = [
            ("cdot", "⋅"), ("times", "×"), ("odot", "⊙"), ("otimes", "⊗"), ("oplus", "⊕"), ("pm", "±"),
            ("mp", "∓"), ("circ", "∘"), ("ast", "∗"), ("star", "⋆"), ("div", "÷"), ("setminus", "∖"),
            ("cup", "∪"), ("cap", "∩"), ("wedge", "∧"), ("land", "∧"), ("vee", "∨"), ("lor", "∨"),
            ("bullet", "∙"),
        ]
        let ordinaries: [(String, String)] = [
            ("ldots", "…"), ("dots", "…"), ("cdots", "⋯"), ("vdots", "⋮"), ("ddots", "⋱"), ("|", "‖"),
            ("Vert", "‖"), ("vert", "|"), ("prime", "′"), ("colon", ":"), ("#", "#"), ("%", "%"), ("&", "&"),
            ("$", "$"), ("_", "_"), ("backslash", "∖"),
        ]
        for (name, symbol) in relations { table[name] = (symbol, .relation) }
        for (name, symbol) in binaries { table[name] = (symbol, .binary) }
        for (name, symbol) in ordinaries { table[name] = (symbol, .ordinary) }
        for (name, symbol) in openingDelimiters { table[name] = (symbol, .open) }
        for (name, symbol) in closingDelimiters { table[name] = (symbol, .close) }
        return table
    }()

    static let openingDelimiters: [String: String] = [
        "{": "{", "lbrace": "{", "langle": "⟨", "lvert": "|", "lVert": "‖", "lfloor": "⌊", "lceil": "⌈",
        "lbrack": "[",
    ]
    static let closingDelimiters: [String: String] = [
        "}": "}", "rbrace": "}", "rangle": "⟩", "rvert": "|", "rVert": "‖", "rfloor": "⌋", "rceil": "⌉",
        "rbrack": "]",
    ]

    /// Operators typed as Unicode characters (`≤`, `→`), by their character.
    static let operatorsByCharacter: [Unicode.Scalar: OperatorKind] = {
        var table: [Unicode.Scalar: OperatorKind] = [:]
        for (symbol, kind) in operators.values where symbol.unicodeScalars.count == 1 {
            table[symbol.unicodeScalars.first!] = kind
        }
        for (symbol, _) in largeOperators.values { table[symbol.unicodeScalars.first!] = .ordinary }
        return table
    }()

    /// The operator for a plain character: `-` becomes the minus sign U+2212, `*` the asterisk operator.
    static func characterOperator(_ scalar: Unicode.Scalar) -> (String, OperatorKind)? {
        switch scalar {
        case "+": return ("+", .binary)
        case "-": return ("−", .binary)
        case "*": return ("∗", .binary)
        case "=", "<", ">": return (String(scalar), .relation)
        case ":": return (":", .relation)
        case "(", "[": return (String(scalar), .open)
        case ")", "]": return (String(scalar), .close)
        case ",", ";": return (String(scalar), .punctuation)
        case "/", "|", "!", ".", "?", "@", "\"", "`": return (String(scalar), .ordinary)
        default: return nil
        }
    }

    /// Function names set upright. `limits` marks those whose scripts go under them in display style.
    static let functions: [String: Bool] = {
        var table: [String: Bool] = [:]
        for name in ["sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh",
                     "tanh", "coth", "log", "ln", "lg", "exp", "det", "dim", "ker", "deg", "arg", "hom"] {
            table[name] = false
        }
        for name in ["max", "min", "sup", "inf", "lim", "liminf", "limsup", "gcd", "Pr"] { table[name] = true }
        return table
    }()

    /// Big operators; `limits` as for functions.
    static let largeOperators: [String: (String, limits: Bool)] = [
        "sum": ("∑", true), "prod": ("∏", true), "coprod": ("∐", true), "bigcup": ("⋃", true),
        "bigcap": ("⋂", true), "bigoplus": ("⨁", true), "bigotimes": ("⨂", true),
        "int": ("∫", false), "iint": ("∬", false), "iiint": ("∭", false), "oint": ("∮", false),
    ]

    static let accents: [String: Accent] = [
        "hat": Accent(mathML: "^", combining: "\u{0302}", name: "hat", stretchy: false),
        "widehat": Accent(mathML: "^", combining: "\u{0302}", name: "hat", stretchy: true),
        "bar": Accent(mathML: "¯", combining: "\u{0304}", name: "bar", stretchy: false),
        "overline": Accent(mathML: "‾", combining: "\u{0305}", name: "overline", stretchy: true),
        "tilde": Accent(mathML: "~", combining: "\u{0303}", name: "tilde", stretchy: false),
        "widetilde": Accent(mathML: "~", combining: "\u{0303}", name: "tilde", stretchy: true),
        "vec": Accent(mathML: "→", combining: "\u{20D7}", name: "vec", stretchy: false),
        "dot": Accent(mathML: "˙", combining: "\u{0307}", name: "dot", stretchy: false),
        "ddot": Accent(mathML: "¨", combining: "\u{0308}", name: "ddot", stretchy: false),
        "check": Accent(mathML: "ˇ", combining: "\u{030C}", name: "check", stretchy: false),
        "breve": Accent(mathML: "˘", combining: "\u{0306}", name: "breve", stretchy: false),
        "acute": Accent(mathML: "´", combining: "\u{0301}", name: "acute", stretchy: false),
        "grave": Accent(mathML: "`", combining: "\u{0300}", name: "grave", stretchy: false),
    ]

    /// Spacing commands, in em (TeX: `\,` 3/18, `\:` 4/18, `\;` 5/18, `\!` −3/18, `\quad` 1, `\qquad` 2).
    static let spaces: [String: Double] = [
        ",": 3.0 / 18, "thinspace": 3.0 / 18, ":": 4.0 / 18, ">": 4.0 / 18, "medspace": 4.0 / 18,
        ";": 5.0 / 18, "thickspace": 5.0 / 18, "!": -3.0 / 18, "negthinspace": -3.0 / 18, " ": 1.0 / 3,
        "\n": 1.0 / 3, "\t": 1.0 / 3, "enspace": 0.5, "quad": 1, "qquad": 2,
    ]

    /// `\big(` and its kin: the delimiter's height in em (MathJax's sizes) and its side (`l`, `r` or none).
    static let delimiterSizes: [String: (Double, String)] = {
        var table: [String: (Double, String)] = [:]
        for (name, height) in [("big", 1.2), ("Big", 1.623), ("bigg", 2.047), ("Bigg", 2.470)] {
            table[name] = (height, "")
            table[name + "l"] = (height, "l")
            table[name + "r"] = (height, "r")
            table[name + "m"] = (height, "")
        }
        return table
    }()

    /// Commands that only change the style of what follows; accepted and ignored.
    static let ignored: Set<String> = ["displaystyle", "textstyle", "scriptstyle", "limits", "nolimits", "nonumber",
                                       "notag"]

    /// The font commands and the alphabets they select.
    static let fonts: [String: MathFont] = [
        "mathbf": .bold, "mathrm": .roman, "mathbb": .doubleStruck, "mathcal": .script, "mathit": .italic,
        "boldsymbol": .boldItalic, "bm": .boldItalic, "mathsf": .sansSerif, "mathtt": .monospace,
    ]

    /// The environments of `\begin{…}`.
    static let environments: [String: TableKind] = [
        "matrix": .matrix(open: "", close: ""), "pmatrix": .matrix(open: "(", close: ")"),
        "bmatrix": .matrix(open: "[", close: "]"), "Bmatrix": .matrix(open: "{", close: "}"),
        "vmatrix": .matrix(open: "|", close: "|"), "Vmatrix": .matrix(open: "‖", close: "‖"),
        "aligned": .aligned, "align": .aligned, "align*": .aligned, "cases": .cases,
    ]

    /// Commands with their own parsing in `TeXParser`.
    static let structural: Set<String> = ["frac", "dfrac", "tfrac", "sqrt", "text", "textrm", "mathrm", "mbox",
                                          "operatorname", "left", "right", "begin", "end", "\\"]

    /// Every command name, for "did you mean" suggestions.
    static let allCommands: [String] = {
        var names = Set(identifiers.keys).union(operators.keys).union(functions.keys).union(largeOperators.keys)
        names.formUnion(accents.keys)
        names.formUnion(fonts.keys)
        names.formUnion(structural)
        names.formUnion(ignored)
        names.formUnion(spaces.keys.filter { $0.count > 1 })
        names.formUnion(delimiterSizes.keys)
        return names.filter { $0.first?.isLetter == true }.sorted()
    }()

    /// The closest known command to an unknown `name` (edit distance at most 1 for names of up to four
    /// letters, else 2; the first in alphabetical order on a tie), or nil. Only names of up to 24 characters are compared, so a hostile name costs nothing.
    static func suggestion(for name: String) -> String? {
        guard name.count <= 24, name.count >= 2 else { return nil }
        let target = Array(name.unicodeScalars)
        var best: (name: String, distance: Int)?
        for candidate in allCommands {
            let distance = editDistance(target, Array(candidate.unicodeScalars))
            if distance <= (target.count <= 4 ? 1 : 2), distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
