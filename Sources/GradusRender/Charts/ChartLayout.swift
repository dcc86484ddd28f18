import Foundation
import GradusSimulation

/// The two layouts of a chart: columns (the x column along the bottom: lines, or bars standing on it) and rows
/// (bars lying down, each category's name above its bars). Vertical positions are pixels, horizontal ones
/// percentages of the plot's width.
struct Plot {
    var chart: ChartRenderer
    var xIndex: Int
    var series: [Int]
    var logarithmic: Bool
    var categorical: Bool
    /// The scale of the series' values.
    var valueScale: AxisScale

    private var table: Table { chart.table }
    private func n(_ value: Double) -> String { svgNumber(value) }
    private func p(_ fraction: Double) -> String { svgPercent(fraction) }

    // MARK: - Columns

    func columns(labels: [String]) -> String {
        let rows = table.rows.count
        let xValues = table.rows.map { chart.number($0[xIndex]) }
        // An x column of positive values spread over decades (learning rates) gets a log axis too.
        let xLogarithmic = !categorical && xValues.allSatisfy { $0 > 0 } && AxisScale.spansDecades(xValues)
        let xScale = AxisScale(covering: xValues, logarithmic: xLogarithmic)
        let yTicks = valueScale.ticks.map { ($0, chart.label($0, logarithmic)) }
        let xTicks: [(fraction: Double, text: String)] = categorical
            ? stride(from: 0, to: rows, by: max(1, rows / 12)).map { ((Double($0) + 0.5) / Double(rows), labels[$0]) }
            : xScale.ticks.map { (xScale.fraction($0) ?? 0, chart.label($0, xLogarithmic)) }
        // Category names that do not fit side by side on a phone are set at a slant; the chart grows to hold them.
        let longest = labels.map(ChartRenderer.width).max() ?? 0
        let slanted = categorical && longest > ChartRenderer.narrowPlot / Double(max(1, xTicks.count)) * 0.9
        let extra = slanted ? min(150, longest * 0.65) : 0
        let top = logarithmic ? 26.0 : 12.0
        let plotHeight = ChartRenderer.plotHeight
        let bottom = top + plotHeight
        let height = bottom + 42 + extra
        let left = max(24, (yTicks.map { ChartRenderer.width($0.1) }.max() ?? 0) + 10)
        let right = categorical || slanted ? 12 : max(12, ChartRenderer.width(xTicks.last?.text ?? "") / 2 + 2)

        func x(_ row: Int) -> Double {
            categorical ? (Double(row) + 0.5) / Double(rows) : (xScale.fraction(xValues[row]) ?? 0)
        }
        func y(_ value: Double) -> Double? {
            valueScale.fraction(value).map { top + plotHeight * (1 - min(max($0, -0.02), 1.02)) }
        }

        var svg = chart.open(height: height, left: left, right: right)
        // Grid and y axis.
        for (tick, text) in yTicks {
            guard let ty = y(tick) else { continue }
            svg += "<line class=\"grid\" x1=\"0\" x2=\"100%\" y1=\"\(n(ty))\" y2=\"\(n(ty))\"/>"
            svg += "<text class=\"tick\" x=\"-6\" y=\"\(n(ty + 4))\" text-anchor=\"end\">\(escapeXML(text))</text>\n"
        }
        svg += "<line class=\"axis\" x1=\"0\" x2=\"0\" y1=\"\(n(top))\" y2=\"\(n(bottom))\"/>"
        svg += "<line class=\"axis\" x1=\"0\" x2=\"100%\" y1=\"\(n(bottom))\" y2=\"\(n(bottom))\"/>\n"
        for tick in xTicks {
            let placement = slanted ? "class=\"tick slant\" text-anchor=\"end\"" : "class=\"tick\" text-anchor=\"middle\""
            svg += "<text \(placement) x=\"\(p(tick.fraction))\" y=\"\(n(bottom + 18))\">\(escapeXML(tick.text))</text>"
        }
        svg += "\n<text class=\"axis-label\" x=\"50%\" y=\"\(n(height - 6))\" text-anchor=\"middle\">"
            + "\(escapeXML(table.columns[xIndex].label.text(chart.language)))</text>\n"
        if logarithmic {
            svg += "<text class=\"axis-label\" x=\"0\" y=\"\(n(top - 10))\" text-anchor=\"start\">\(escapeXML(chart.logNote))</text>\n"
        }
        if chart.spec.kind == .bar {
            let groupWidth = 0.8 / Double(rows)
            let barWidth = groupWidth / Double(series.count)
            let baseline = y(logarithmic ? valueScale.low : max(valueScale.low, 0)) ?? bottom
            for (order, column) in series.enumerated() {
                for row in table.rows.indices {
                    let value = chart.number(table.rows[row][column])
                    let left = x(row) - groupWidth / 2 + barWidth * Double(order)
                    guard let vy = y(value) else {
                        svg += mark(value, x: p(left + barWidth / 2), y: chart.nonFinite(value).low ? bottom - 4 : top + 4, order: order)
                        continue
                    }
                    svg += "<rect class=\"s\(order)\" x=\"\(p(left))\" y=\"\(n(min(vy, baseline)))\" width=\"\(p(barWidth * 0.92))\" "
                        + "height=\"\(n(abs(baseline - vy)))\">\(tooltip(row, value))</rect>"
                }
                svg += "\n"
            }
        } else {
            // Lines in a nested SVG stretched over the plot (x in thousandths), strokes unstretched.
            svg += "<svg x=\"0\" y=\"\(n(top))\" width=\"100%\" height=\"\(n(plotHeight))\" viewBox=\"0 0 1000 \(n(plotHeight))\" "
                + "preserveAspectRatio=\"none\" overflow=\"visible\">\n"
            var marks = ""
            for (order, column) in series.enumerated() {
                var path = ""
                var pen = false
                for row in table.rows.indices {
                    let value = chart.number(table.rows[row][column])
                    guard let vy = y(value) else {
                        marks += mark(value, x: p(x(row)), y: chart.nonFinite(value).low ? bottom - 4 : top + 4, order: order)
                        pen = false
                        continue
                    }
                    path += (pen ? "L" : "M") + "\(n(x(row) * 1000)) \(n(vy - top))"
                    pen = true
                    if rows <= 40 {
                        marks += "<circle class=\"s\(order)\" cx=\"\(p(x(row)))\" cy=\"\(n(vy))\" r=\"2.5\"/>"
                    }
                }
                svg += "<path class=\"s\(order)\" d=\"\(path)\" fill=\"none\" vector-effect=\"non-scaling-stroke\"/>\n"
                marks += "\n"
            }
            svg += "</svg>\n" + marks
        }
        return svg + "</svg>\n"
    }

    // MARK: - Rows

    /// Horizontal bars: per category its name, then one bar per series; the value axis along the bottom.
    func rows(labels: [String]) -> String {
        let top = logarithmic ? 26.0 : 6.0
        let barHeight = series.count <= 2 ? 10.0 : max(5, 24 / Double(series.count))
        let nameHeight = 18.0
        let groupHeight = nameHeight + Double(series.count) * (barHeight + 2) + 10
        let plotHeight = groupHeight * Double(table.rows.count)
        let bottom = top + plotHeight
        let height = bottom + 26
        let ticks = valueScale.ticks.map { (valueScale.fraction($0) ?? 0, chart.label($0, logarithmic)) }
        let left = max(4, ChartRenderer.width(ticks.first?.1 ?? "") / 2 + 2)
        let right = max(12, ChartRenderer.width(ticks.last?.1 ?? "") / 2 + 2)
        func x(_ value: Double) -> Double? { valueScale.fraction(value).map { min(max($0, -0.02), 1.02) } }

        var svg = chart.open(height: height, left: left, right: right)
        for (fraction, text) in ticks {
            svg += "<line class=\"grid\" x1=\"\(p(fraction))\" x2=\"\(p(fraction))\" y1=\"\(n(top))\" y2=\"\(n(bottom))\"/>"
            svg += "<text class=\"tick\" x=\"\(p(fraction))\" y=\"\(n(bottom + 18))\" text-anchor=\"middle\">\(escapeXML(text))</text>\n"
        }
        svg += "<line class=\"axis\" x1=\"0\" x2=\"100%\" y1=\"\(n(bottom))\" y2=\"\(n(bottom))\"/>\n"
        if logarithmic {
            svg += "<text class=\"axis-label\" x=\"0\" y=\"\(n(top - 10))\" text-anchor=\"start\">\(escapeXML(chart.logNote))</text>\n"
        }
        let base = x(logarithmic ? valueScale.low : max(valueScale.low, 0)) ?? 0
        for row in table.rows.indices {
            let groupTop = top + groupHeight * Double(row)
            svg += "<text class=\"category\" x=\"0\" y=\"\(n(groupTop + 14))\">\(escapeXML(labels[row]))</text>"
            for (order, column) in series.enumerated() {
                let value = chart.number(table.rows[row][column])
                let barTop = groupTop + nameHeight + Double(order) * (barHeight + 2)
                guard let end = x(value) else {
                    svg += mark(value, x: chart.nonFinite(value).low ? "0" : "100%", y: barTop + barHeight / 2, order: order)
                    continue
                }
                svg += "<rect class=\"s\(order)\" x=\"\(p(min(base, end)))\" y=\"\(n(barTop))\" width=\"\(p(abs(end - base)))\" "
                    + "height=\"\(n(barHeight))\">\(tooltip(row, value))</rect>"
            }
            svg += "\n"
        }
        return svg + "</svg>\n"
    }

    // MARK: - Marks

    private func tooltip(_ row: Int, _ value: Double) -> String {
        "<title>\(escapeXML(chart.cellText(table.rows[row][xIndex]) + ": " + chart.label(value, false)))</title>"
    }

    /// A mark where the numbers broke down (NaN, ±∞, or a value a log axis cannot show), labelled in a tooltip.
    private func mark(_ value: Double, x: String, y: Double, order: Int) -> String {
        "<text class=\"nonfinite s\(order)\" x=\"\(x)\" y=\"\(n(y + 4))\" text-anchor=\"middle\">×<title>"
            + "\(escapeXML(chart.nonFinite(value).text))</title></text>"
    }
}
