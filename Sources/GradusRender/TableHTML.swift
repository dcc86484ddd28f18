import GradusSimulation

/// A simulation's table as an accessible HTML table inside a figure, in the page's language.
///
/// The figure's caption is its `<figcaption>`, outside the table's horizontal scroller so that it wraps to the
/// page and is never cut off; it names the chart, the scroller and the table (`aria-labelledby`), and the chart
/// points at the table that holds its numbers (`aria-details`).
enum TableHTML {
    /// Tables longer than this fold under their chart (the chart already shows them); without a chart they stay open.
    static let foldAfterRows = 24

    /// `id` is unique in the page; the caption's id is `id`, the table's `id-table`. `name` is the caption's text
    /// (already unique in the page). `chart` renders the chart given the caption's and the table's ids.
    static func render(_ table: Table, name: String, id: String, language: String, separators: NumberFormat.Separators,
                       chart: ((_ caption: String, _ table: String) -> String?)?, showTable: String) -> String {
        let captionID = id, tableID = id + "-table"
        var html = "<figure class=\"simulation\" data-simulation=\"\(escapeXML(table.simulation))\">\n"
        html += "<figcaption id=\"\(escapeXML(captionID))\">\(escapeXML(name))</figcaption>\n"
        let drawn = chart?(captionID, tableID)
        if let drawn { html += drawn }
        let folded = drawn != nil && table.rows.count > foldAfterRows
        if folded {
            html += "<details class=\"table-details\">\n<summary>\(escapeXML(showTable)) (\(table.rows.count))</summary>\n"
        }
        html += "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"\(escapeXML(captionID))\">\n"
        html += "<table id=\"\(escapeXML(tableID))\" aria-labelledby=\"\(escapeXML(captionID))\">\n"
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
