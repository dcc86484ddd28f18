import GradusSimulation

/// A simulation's table as an accessible HTML table inside a figure, in the page's language.
enum TableHTML {
    static func render(_ table: Table, caption: String, language: String, chart: String?) -> String {
        var html = "<figure class=\"simulation\" data-simulation=\"\(escapeXML(table.simulation))\">\n"
        if let chart { html += chart }
        html += "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(escapeXML(table.title.text(language)))\">\n"
        html += "<table>\n<caption>\(escapeXML(caption.isEmpty ? table.title.text(language) : caption))</caption>\n"
        html += "<thead><tr>" + table.columns.map { "<th scope=\"col\">\(escapeXML($0.label.text(language)))</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>" + row.map { cell -> String in
                switch cell {
                case .number(let x): return "<td>\(escapeXML(NumberFormat.display(x, language: language)))</td>"
                case .text(let t): return "<td>\(escapeXML(t.text(language)))</td>"
                }
            }.joined() + "</tr>\n"
        }
        html += "</tbody>\n</table>\n</div>\n</figure>\n"
        return html
    }
}
