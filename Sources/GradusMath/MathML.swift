/// TeX math to MathML, generated at build time so pages need no JavaScript.
///
/// Public API:
/// - `MathML.render(tex: String, display: Bool) throws(TeXError) -> String` — a complete
///   `<math xmlns="http://www.w3.org/1998/Math/MathML" display="block|inline">…</math>` element.
/// - `UnicodeMath.render(tex: String) throws(TeXError) -> String` — plain Unicode text for the terminal
///   (`\sigma'(x) \le \frac{1}{4}` → `σ′(x) ≤ 1/4`).
/// - `TeXError` — 1-based `line` and `column` (Unicode scalars) within the TeX source, and a message that says
///   what to do (`unknown command \fracc; did you mean \frac?`).
///
/// The subset: letters, digits, operators; `^`, `_` and primes; Greek letters; `\frac`, `\sqrt[n]{…}`;
/// `\sum`, `\prod`, `\int` with limits; relations (`\le`, `\approx`, `\in`, `\to`, …) and binary operators
/// (`\cdot`, `\times`, `\odot`, …); function names (`\tanh`, `\log`, `\max`, …) and `\operatorname{…}`;
/// fonts (`\mathbf`, `\mathrm`, `\mathbb`, `\mathcal`, `\boldsymbol`, …), written as Unicode mathematical
/// letters; `\text{…}`; accents (`\hat`, `\bar`, `\tilde`, `\vec`, `\dot`, …); norms (`\|`, `\lVert…\rVert`);
/// `\left…\right`; spaces (`\,`, `\quad`, …); environments `matrix`, `pmatrix`, `bmatrix`, `Bmatrix`,
/// `vmatrix`, `Vmatrix`, `cases`, `aligned`, `align`, `align*`. Anything else is a located error, never raw
/// TeX on the page. Linear in the source; nesting deeper than 100 levels is an error, not a stack overflow.
public enum MathML {
    /// The MathML for `tex`, as a block (`display: true`, for `$$…$$`) or inline. All text is escaped.
    public static func render(tex: String, display: Bool) throws(TeXError) -> String {
        var parser = TeXParser(tex)
        let nodes = try parser.parse()
        var renderer = MathMLRenderer(display: display)
        renderer.render(nodes)
        return renderer.output
    }
}
