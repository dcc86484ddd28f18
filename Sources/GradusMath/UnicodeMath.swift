/// TeX math as plain Unicode text, for the terminal quiz and other places without MathML.
public enum UnicodeMath {
    /// One line of text (several for `aligned`): `\sigma'(x) \le \frac{1}{4}` → `σ′(x) ≤ 1/4`,
    /// `\frac{\partial L}{\partial w}` → `∂L/∂w`, `x_i^2` → `xᵢ²`, `\mathbb{R}` → `ℝ`.
    /// Throws the same located `TeXError`s as `MathML.render(tex:display:)`.
    public static func render(tex: String) throws(TeXError) -> String {
        var parser = TeXParser(tex)
        return UnicodeRenderer().row(try parser.parse())
    }
}
