import GradusSimulation

/// A simulation's table as an accessible HTML table inside a figure, in the page's language.
enum TableHTML {
    /// Tables longer than this fold under their chart (the chart already shows them); without a chart they stay open.
    static let foldAfterRows = 24

    static func render(_ table: Table, caption: String, language: String, separators: NumberFormat.Separators,
                       chart: String?, showTable: String) -> String {
        var html = "<figure class=\"simulation\" data-simulation=\"\(escapeXML(table.simulation))\">\n"
        if let chart { html += chart }
        let folded = chart != nil && table.rows.count > foldAfterRows
        if folded {
            html += "<details class=\"table-details\">\n<summary>\(escapeXML(showTable)) (\(table.rows.count))</summary>\n"
        }
        html += "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(escapeXML(table.title.text(language)))\">\n"
        html += "<table>\n<caption>\(escapeXML(caption.isEmpty ? table.title.text(language) : caption))</caption>\n"
        html += "<thead><tr>" + table.columns.map { "<th scope=\"col\">\(escapeXML($0.label.text(language)))</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>" + row.map { cell -> String in
                switch cell {
                case .number(let x): return "<td>\(escapeXML(NumberFormat.display(x, separators: separators)))</td>"
                case .text(let t): return "<td>\(escapeXML(t.text(language)))</td>"
                }
            }.joined() + "</tr>\n"
        }
        html += "</tbody>\n</table>\n</div>\n" + (folded ? "</details>\n" : "") + "</figure>\n"
        return html
    }
}
