import Foundation
import GradusContent
import GradusSimulation

/// Draws a simulation table as an inline SVG chart: lines or bars, axes with ticks and labels, a legend, a log
/// scale when the values span decades, and non-finite values marked at the plot's edge instead of dropped.
/// Colours come from the stylesheet (classes `s0`…`s5`), so the chart follows dark mode and print.
///
/// The chart has no `viewBox`, so nothing in it scales with the page: its text keeps the stylesheet's size (as
/// readable on a phone as on a desktop), its height is fixed in pixels, and horizontal positions are percentages
/// of the plot's width (the SVG's content box; its padding holds the tick labels). Lines are drawn in a nested
/// SVG stretched to the plot, with strokes that do not stretch. The legend is HTML above the chart, so it wraps
/// like text. Bars with long category names are laid out in rows, each name above its bars, which fits any width.
struct ChartRenderer {
    var table: Table
    var spec: ChartSpec
    var language: String
    /// How the page's language writes numbers on the axes and in marks.
    var separators: NumberFormat.Separators
    /// The note shown above a logarithmic axis, in the page's language.
    var logNote: String
    /// The id of the element that names the chart (the figure's caption); nil names it by the table's title.
    var labelledBy: String? = nil
    /// The id of the table that holds the chart's numbers, linked with `aria-details`.
    var details: String? = nil

    static let maxSeries = 6
    /// The plot's height in CSS pixels (columns layout).
    static let plotHeight = 220.0
    /// An estimate of a character's width at the chart's font size (13 px), for margins.
    static let charWidth = 7.4
    /// The narrowest plot the layout plans for (a 320 px phone), for deciding how category names fit.
    static let narrowPlot = 220.0

    /// The legend and the SVG, or nil when the table has nothing to plot (no numeric series) or the chart is off.
    func render() -> String? {
        guard spec.kind != .none else { return nil }
        let numeric = table.columns.indices.filter { i in
            table.rows.allSatisfy { if case .number = $0[i] { return true } else { return false } }
        }
        let xIndex = spec.x.flatMap { key in table.columns.firstIndex { $0.key == key } } ?? numeric.first ?? 0
        let seriesIndices = Array((spec.series?.compactMap { key in table.columns.firstIndex { $0.key == key } }
            ?? numeric.filter { $0 != xIndex }).filter { numeric.contains($0) }.prefix(Self.maxSeries))
        guard !seriesIndices.isEmpty, !table.rows.isEmpty else { return nil }
        let values = seriesIndices.flatMap { i in table.rows.map { number($0[i]) } }
        let logarithmic = spec.scale == .log || (spec.scale == .auto && AxisScale.spansDecades(values))
        let categorical = spec.kind == .bar || !numeric.contains(xIndex)
        let plot = Plot(chart: self, xIndex: xIndex, series: seriesIndices, logarithmic: logarithmic,
                        categorical: categorical,
                        valueScale: AxisScale(covering: values + (spec.kind == .bar && !logarithmic ? [0] : []),
                                              logarithmic: logarithmic))
        let labels = categorical ? table.rows.map { cellText($0[xIndex]) } : []
        let longest = Double(labels.map(\.count).max() ?? 0) * Self.charWidth
        // Bars whose names do not fit side by side on a phone go in rows, each name above its bars.
        let rows = spec.kind == .bar && longest > Self.narrowPlot / Double(table.rows.count) * 0.9
        return legend(seriesIndices) + (rows ? plot.rows(labels: labels) : plot.columns(labels: labels))
    }

    /// The legend: one entry per series, its line or swatch drawn with the series' class.
    private func legend(_ series: [Int]) -> String {
        var html = "<p class=\"chart-legend\" aria-hidden=\"true\">"
        for (order, column) in series.enumerated() {
            let mark = spec.kind == .bar
                ? "<rect class=\"s\(order)\" x=\"6\" y=\"0\" width=\"12\" height=\"12\"/>"
                : "<line class=\"s\(order)\" x1=\"1\" x2=\"23\" y1=\"6\" y2=\"6\"/>"
            html += "<span><svg class=\"key\" width=\"24\" height=\"12\">\(mark)</svg>"
                + "\(escapeXML(table.columns[column].label.text(language)))</span>"
        }
        return html + "</p>\n"
    }

    /// The opening tag: the chart's height in pixels, its padding for the tick labels, and its accessible name.
    func open(height: Double, left: Double, right: Double) -> String {
        let name = labelledBy.map { "aria-labelledby=\"\(escapeXML($0))\"" }
            ?? "aria-label=\"\(escapeXML(table.title.text(language)))\""
        let more = details.map { " aria-details=\"\(escapeXML($0))\"" } ?? ""
        return "<svg class=\"chart\" height=\"\(svgNumber(height))\" style=\"padding-left:\(svgNumber(left))px;padding-right:\(svgNumber(right))px\" "
            + "role=\"img\" \(name)\(more)>\n"
    }

    // MARK: - Helpers

    func number(_ cell: Table.Cell) -> Double {
        if case .number(let x) = cell { return x }
        return .nan
    }

    func cellText(_ cell: Table.Cell) -> String {
        switch cell {
        case .number(let x): return NumberFormat.display(x, separators: separators)
        case .text(let t): return t.text(language)
        }
    }

    func label(_ value: Double, _ logarithmic: Bool) -> String {
        if logarithmic {
            let exponent = Int(log10(value).rounded())
            if exponent >= -2 && exponent <= 3 { return NumberFormat.display(value, separators: separators) }
            return "10" + superscript(exponent)
        }
        return NumberFormat.display(value, separators: separators)
    }

    private func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return (n < 0 ? "⁻" : "") + String(abs(n)).map { digits[Int(String($0))!] }
    }

    /// The text of a non-finite mark's tooltip, and whether it belongs at the low edge (−∞, ≤ 0 on a log axis).
    func nonFinite(_ value: Double) -> (text: String, low: Bool) {
        let low = value == -.infinity || (value.isFinite && value <= 0)
        return (value.isNaN ? "NaN" : value == .infinity ? "∞" : value == -.infinity ? "−∞" : label(value, false), low)
    }

    /// A width in pixels for `text` at the chart's font size.
    static func width(_ text: String) -> Double { Double(text.count) * charWidth }
}

/// A number written short for SVG: one decimal at most, no trailing `.0`.
func svgNumber(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}

/// A fraction of the plot's width as a percentage (`37.5%`), two decimals at most.
func svgPercent(_ fraction: Double) -> String {
    let value = ((fraction * 100) * 100).rounded() / 100
    return (value == value.rounded() ? String(Int(value)) : String(value)) + "%"
}
