import Foundation
import GradusContent
import GradusSimulation

/// Draws a simulation table as an inline SVG chart: lines or bars, axes with ticks and labels, a legend, a log
/// scale when the values span decades, and non-finite values marked at the plot's edge instead of dropped.
/// Colours come from the stylesheet (classes `s0`…`s5`), so the chart follows dark mode and print.
struct ChartRenderer {
    var table: Table
    var spec: ChartSpec
    var language: String
    /// How the page's language writes numbers on the axes and in marks.
    var separators: NumberFormat.Separators
    /// The note shown above a logarithmic axis, in the page's language.
    var logNote: String

    static let width = 640.0, height = 340.0
    static let left = 70.0, right = 16.0, top = 40.0, bottom = 46.0
    static let maxSeries = 6

    /// The SVG, or nil when the table has nothing to plot (no numeric series) or the chart is turned off.
    func render() -> String? {
        guard spec.kind != .none else { return nil }
        let numeric = table.columns.indices.filter { i in
            table.rows.allSatisfy { if case .number = $0[i] { return true } else { return false } }
        }
        let xIndex = spec.x.flatMap { key in table.columns.firstIndex { $0.key == key } } ?? numeric.first ?? 0
        let seriesIndices = (spec.series?.compactMap { key in table.columns.firstIndex { $0.key == key } }
            ?? numeric.filter { $0 != xIndex }).filter { numeric.contains($0) }.prefix(Self.maxSeries)
        guard !seriesIndices.isEmpty, !table.rows.isEmpty else { return nil }
        let values = seriesIndices.flatMap { i in table.rows.map { number($0[i]) } }
        let logarithmic = spec.scale == .log || (spec.scale == .auto && AxisScale.spansDecades(values))
        let yScale = AxisScale(covering: values + (logarithmic ? [] : [0]).filter { _ in spec.kind == .bar }, logarithmic: logarithmic)
        let categorical = spec.kind == .bar || !numeric.contains(xIndex)
        let xValues = table.rows.map { number($0[xIndex]) }
        // An x column of positive values spread over decades (learning rates) gets a log axis too.
        let xLogarithmic = !categorical && xValues.allSatisfy { $0 > 0 } && AxisScale.spansDecades(xValues)
        let xScale = AxisScale(covering: xValues, logarithmic: xLogarithmic)
        // The legend wraps onto as many rows as its entries need; the plot starts below it (and the log note).
        var legend: [(x: Double, row: Int, name: String)] = []
        var cursor = Self.left, rows = 1
        for column in seriesIndices {
            let name = table.columns[column].label.text(language)
            let width = 34 + Double(name.unicodeScalars.count) * 7
            if cursor + width > Self.width - Self.right, cursor > Self.left {
                cursor = Self.left
                rows += 1
            }
            legend.append((cursor, rows - 1, name))
            cursor += width
        }
        let top = Double(rows) * 18 + (logarithmic ? 30 : 16)
        // Long category names are set at a slant below the axis; the chart grows to make room for them.
        let labels = categorical ? table.rows.map { cellText($0[xIndex]) } : []
        let longest = Double(labels.map(\.unicodeScalars.count).max() ?? 0)
        let slanted = categorical && longest * 6.5 > (Self.width - Self.left - Self.right) / Double(max(1, table.rows.count))
        let extra = slanted ? min(140, longest * 6.5 * 0.5) : 0
        let height = Self.height + extra + top - top, bottom = Self.bottom + extra
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = height - top - bottom

        func px(_ row: Int) -> Double {
            if categorical { return Self.left + plotWidth * (Double(row) + 0.5) / Double(table.rows.count) }
            return Self.left + plotWidth * ((xScale.fraction(xValues[row]) ?? 0))
        }
        func py(_ value: Double) -> Double? {
            yScale.fraction(value).map { top + plotHeight * (1 - min(max($0, -0.02), 1.02)) }
        }

        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" role=\"img\" aria-label=\"\(escapeXML(table.title.text(language)))\">\n"
        svg += "<title>\(escapeXML(table.title.text(language)))</title>\n"
        // Grid and y axis.
        for tick in yScale.ticks {
            guard let y = py(tick) else { continue }
            svg += "<line class=\"grid\" x1=\"\(f(Self.left))\" x2=\"\(f(Self.width - Self.right))\" y1=\"\(f(y))\" y2=\"\(f(y))\"/>"
            svg += "<text class=\"tick\" x=\"\(f(Self.left - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(escapeXML(label(tick, logarithmic)))</text>\n"
        }
        svg += "<line class=\"axis\" x1=\"\(f(Self.left))\" x2=\"\(f(Self.left))\" y1=\"\(f(top))\" y2=\"\(f(top + plotHeight))\"/>"
        svg += "<line class=\"axis\" x1=\"\(f(Self.left))\" x2=\"\(f(Self.width - Self.right))\" y1=\"\(f(top + plotHeight))\" y2=\"\(f(top + plotHeight))\"/>\n"
        // X ticks: every category (thinned), or nice numbers.
        if categorical {
            let every = max(1, table.rows.count / 12)
            for row in stride(from: 0, to: table.rows.count, by: every) {
                let x = px(row), y = top + plotHeight + 16
                let placement = slanted ? "text-anchor=\"end\" transform=\"rotate(-30 \(f(x)) \(f(y)))\"" : "text-anchor=\"middle\""
                svg += "<text class=\"tick\" x=\"\(f(x))\" y=\"\(f(y))\" \(placement)>\(escapeXML(labels[row]))</text>"
            }
        } else {
            for tick in xScale.ticks {
                let x = Self.left + plotWidth * (xScale.fraction(tick) ?? 0)
                svg += "<text class=\"tick\" x=\"\(f(x))\" y=\"\(f(top + plotHeight + 16))\" text-anchor=\"middle\">\(escapeXML(label(tick, xLogarithmic)))</text>"
            }
        }
        svg += "\n<text class=\"axis-label\" x=\"\(f(Self.left + plotWidth / 2))\" y=\"\(f(height - 8))\" text-anchor=\"middle\">\(escapeXML(table.columns[xIndex].label.text(language)))</text>\n"
        if logarithmic {
            svg += "<text class=\"axis-label\" x=\"\(f(Self.left))\" y=\"\(f(top - 8))\" text-anchor=\"start\">\(escapeXML(logNote))</text>\n"
        }
        // Series.
        for (order, column) in seriesIndices.enumerated() {
            let seriesClass = "s\(order)"
            if spec.kind == .bar {
                let groupWidth = plotWidth / Double(table.rows.count) * 0.8
                let barWidth = groupWidth / Double(seriesIndices.count)
                let baseline = py(logarithmic ? yScale.low : max(yScale.low, 0)) ?? (top + plotHeight)
                for row in table.rows.indices {
                    let value = number(table.rows[row][column])
                    let x = px(row) - groupWidth / 2 + barWidth * Double(order)
                    guard let y = py(value) else {
                        svg += nonFinite(value, x: x + barWidth / 2, seriesClass: seriesClass, topEdge: top, bottomEdge: top + plotHeight)
                        continue
                    }
                    svg += "<rect class=\"\(seriesClass)\" x=\"\(f(x))\" y=\"\(f(min(y, baseline)))\" width=\"\(f(barWidth * 0.92))\" height=\"\(f(abs(baseline - y)))\"><title>\(escapeXML(cellText(table.rows[row][xIndex]) + ": " + label(value, false)))</title></rect>"
                }
            } else {
                var path = ""
                var pen = false
                for row in table.rows.indices {
                    let value = number(table.rows[row][column])
                    guard let y = py(value) else {
                        svg += nonFinite(value, x: px(row), seriesClass: seriesClass, topEdge: top, bottomEdge: top + plotHeight)
                        pen = false
                        continue
                    }
                    path += (pen ? "L" : "M") + "\(f(px(row))) \(f(y))"
                    pen = true
                }
                svg += "<path class=\"\(seriesClass)\" d=\"\(path)\" fill=\"none\"/>"
                if table.rows.count <= 40 {
                    for row in table.rows.indices {
                        let value = number(table.rows[row][column])
                        if let y = py(value) {
                            svg += "<circle class=\"\(seriesClass)\" cx=\"\(f(px(row)))\" cy=\"\(f(y))\" r=\"2.5\"/>"
                        }
                    }
                }
            }
            svg += "\n"
        }
        // Legend, above the plot.
        for (order, entry) in legend.enumerated() {
            let y = 12 + Double(entry.row) * 18
            svg += spec.kind == .bar
                ? "<rect class=\"s\(order)\" x=\"\(f(entry.x + 3))\" y=\"\(f(y - 6))\" width=\"12\" height=\"12\"/>"
                : "<line class=\"s\(order)\" x1=\"\(f(entry.x))\" x2=\"\(f(entry.x + 18))\" y1=\"\(f(y))\" y2=\"\(f(y))\"/>"
            svg += "<text class=\"legend\" x=\"\(f(entry.x + 22))\" y=\"\(f(y + 4))\">\(escapeXML(entry.name))</text>"
        }
        return svg + "\n</svg>\n"
    }

    // MARK: - Helpers

    private func number(_ cell: Table.Cell) -> Double {
        if case .number(let x) = cell { return x }
        return .nan
    }

    private func cellText(_ cell: Table.Cell) -> String {
        switch cell {
        case .number(let x): return NumberFormat.display(x, separators: separators)
        case .text(let t): return t.text(language)
        }
    }

    private func label(_ value: Double, _ logarithmic: Bool) -> String {
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

    /// A mark at the top edge (NaN, +∞, or a value a log axis cannot show) or the bottom edge (−∞, ≤ 0 on a log
    /// axis), labelled, so the reader sees where the numbers broke down.
    private func nonFinite(_ value: Double, x: Double, seriesClass: String, topEdge: Double, bottomEdge: Double) -> String {
        let atBottom = value == -.infinity || (value.isFinite && value <= 0)
        let y = atBottom ? bottomEdge - 4 : topEdge + 4
        let text = value.isNaN ? "NaN" : value == .infinity ? "∞" : value == -.infinity ? "−∞" : label(value, false)
        return "<text class=\"nonfinite \(seriesClass)\" x=\"\(f(x))\" y=\"\(f(y + 4))\" text-anchor=\"middle\">×<title>\(escapeXML(text))</title></text>"
    }

    private func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
