/// The parsed formula, a tree independent of the output format. Its depth is bounded by
/// `TeXParser.maximumDepth`, so the renderers may recurse over it.
indirect enum MathNode: Equatable, Sendable {
    /// A variable or symbol, already in its font (`x`, `σ`, `𝐖`, `ℝ`); `upright` asks for a roman single
    /// letter (`\mathrm{d}`, capital Greek, `\infty`).
    case identifier(String, upright: Bool)
    /// Digits with an optional decimal point.
    case number(String)
    /// An operator, relation, fence or punctuation mark.
    case op(String, OperatorKind)
    /// `\text{…}`.
    case text(String)
    /// Horizontal space in em (`\,` is 3/18 em); may be negative (`\!`).
    case space(Double)
    /// A braced group.
    case row([MathNode])
    /// `\frac`; `displayStyle` is true for `\dfrac`, false for `\tfrac`, nil to follow the context.
    case fraction(MathNode, MathNode, displayStyle: Bool?)
    case root(MathNode, index: MathNode?)
    /// Sub- and superscripts; `limits` sets them under and over the base in display style (`\sum`, `\max`).
    case scripts(base: MathNode, sub: MathNode?, sup: MathNode?, limits: Bool)
    /// `\left… \right…`; an empty delimiter is `\left.` or `\right.`.
    case fenced(open: String, body: [MathNode], close: String)
    case accent(MathNode, Accent)
    /// A function name set upright and followed by function application: `\tanh`, `\max`, `\operatorname{…}`.
    case function(String)
    /// A big operator: `\sum`, `\prod`, `\int`.
    case largeOperator(String)
    /// A delimiter of fixed size from `\big(`, `\Bigr]`, …: its height in em.
    case sizedDelimiter(String, OperatorKind, height: Double)
    /// A matrix, `aligned` or `cases` environment: rows of cells.
    case table(TableKind, rows: [[MathNode]])
}

/// How an operator behaves, for spacing in plain text and stretching in MathML.
enum OperatorKind: Equatable, Sendable {
    /// `+`, `−`, `\cdot`, `\times`, `\odot`: spaced on both sides unless unary.
    case binary
    /// `=`, `\le`, `\approx`, `\in`, `\to`: spaced on both sides.
    case relation
    /// `(`, `[`, `\{`, `\langle`.
    case open
    /// `)`, `]`, `\}`, `\rangle`.
    case close
    /// `,` and `;`: followed by a space.
    case punctuation
    /// `/`, `|`, `‖`, `\ldots`, `!`: no spacing.
    case ordinary
}

/// An accent over a base.
struct Accent: Equatable, Sendable {
    /// The spacing character MathML puts over the base (`^`, `¯`, `→`).
    var mathML: String
    /// The combining character for plain text (U+0302 for a hat), or nil to write `name(base)`.
    var combining: Unicode.Scalar?
    /// The command's name, for the plain-text fallback.
    var name: String
    /// Whether MathML should stretch it over a wide base (`\widehat`, `\overline`).
    var stretchy: Bool
}

/// The environments of `\begin{…}`.
enum TableKind: Equatable, Sendable {
    /// `matrix`, `pmatrix`, `bmatrix`, `Bmatrix`, `vmatrix`, `Vmatrix`: cells centred between delimiters.
    case matrix(open: String, close: String)
    /// `aligned`, `align`, `align*`: columns alternately right- and left-aligned, as at `&=`.
    case aligned
    /// `cases`: left-aligned columns after a `{`.
    case cases
}
