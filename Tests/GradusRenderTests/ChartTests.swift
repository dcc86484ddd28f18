import Testing
import GradusContent
import GradusSimulation
import GradusTestSupport
@testable import GradusRender

@Suite("Charts")
struct ChartTests {
    func table(_ values: [Double], second: [Double]? = nil) -> Table {
        Table(simulation: "demo", title: Localized(pt: "Normas", de: "Normen", en: "Norms"), seed: 1, parameters: [],
              columns: [.init("step", Localized(pt: "passo", de: "Schritt", en: "step")),
                        .init("norm", Localized(pt: "norma", de: "Norm", en: "norm")),
                        .init("other", "v")],
              rows: values.enumerated().map { i, v in
                  [.number(Double(i + 1)), .number(v), .number(second?[i] ?? 1)]
              })
    }

    func svg(_ table: Table, _ spec: ChartSpec = ChartSpec(), language: String = "en") -> String {
        // The number marks of the page's language, as the default theme's words give them.
        let separators = try! ThemeWords.builtIn(languages: [Language(language)]).separators(language)
        return ChartRenderer(table: table, spec: spec, language: language, separators: separators,
                             logNote: "log scale").render() ?? ""
    }

    @Test("Values spanning decades get a log axis with powers of ten; non-finite values are marked, not dropped")
    func logAndNonFinite() {
        let chart = svg(table([1e-6, 1e-3, 1, .nan, .infinity, 1e3]), ChartSpec(series: ["norm"]))
        #expect(chart.contains(">log scale</text>"))
        #expect(chart.contains(">10⁻⁶</text>"))
        #expect(chart.contains(">100</text>"))
        #expect(chart.contains("<title>NaN</title>"))
        #expect(chart.contains("<title>∞</title>"))
        // The line breaks at the gap: two subpaths.
        #expect(chart.components(separatedBy: "M").count - 1 == 2)
        if let problem = Golden.mismatch(chart, named: "chart-log.svg") { Issue.record("\(problem)") }
    }

    @Test("Values within a decade or two keep a linear axis with round ticks, in the page's number style")
    func linear() {
        let chart = svg(table([0.1, 0.25, 0.2]), ChartSpec(series: ["norm"]), language: "de")
        #expect(!chart.contains("log scale"))
        #expect(chart.contains(">0,25</text>") || chart.contains(">0,2</text>"))
        #expect(chart.contains(">Schritt</text>"))
    }

    @Test("Bar charts draw one bar per row and series, with a tooltip")
    func bars() {
        let chart = svg(table([1, 2, 3], second: [3, 2, 1]), ChartSpec(kind: .bar))
        #expect(chart.components(separatedBy: "<rect").count - 1 == 6 + 2, "six bars and two legend swatches")
        #expect(chart.contains("<title>1: 1</title>"))
    }

    @Test("No chart when turned off or when nothing is numeric")
    func none() {
        #expect(ChartRenderer(table: table([1]), spec: ChartSpec(kind: .none), language: "en", separators: .plain, logNote: "").render() == nil)
        let texts = Table(simulation: "t", title: "t", seed: nil, parameters: [], columns: [.init("a", "a")],
                          rows: [[.text("x")]])
        #expect(ChartRenderer(table: texts, spec: ChartSpec(), language: "en", separators: .plain, logNote: "").render() == nil)
    }

    @Test("Axis ticks are round numbers that cover the data")
    func ticks() {
        let scale = AxisScale(covering: [0.13, 0.87], logarithmic: false)
        #expect(scale.ticks == (1...9).map { Double($0) * 0.1 })
        #expect(AxisScale.niceStep(0.37) == 0.5)
        #expect(AxisScale(covering: [3e-5, 20], logarithmic: true).ticks.count <= 9)
    }
}

@Suite("Charts on every screen")
struct ChartLayoutTests {
    let chart = ChartTests()

    @Test("No viewBox: the text keeps the stylesheet's size at any width, x positions are percentages of the plot")
    func unscaled() {
        let svg = chart.svg(chart.table([0.1, 0.25, 0.2]), ChartSpec(series: ["norm"]))
        #expect(!svg.contains("viewBox=\"0 0 640"))
        #expect(svg.contains("<svg class=\"chart\" height=\""))
        #expect(svg.contains("style=\"padding-left:"))
        #expect(!svg.contains("font-size"), "sizes come from the stylesheet")
        #expect(svg.contains("x=\"50%\""))
        // The line is drawn in a nested SVG stretched over the plot, its stroke unstretched.
        #expect(svg.contains("preserveAspectRatio=\"none\""))
        #expect(svg.contains("vector-effect=\"non-scaling-stroke\""))
        // The legend is HTML above the chart, hidden from screen readers (the table names the series).
        #expect(svg.hasPrefix("<p class=\"chart-legend\" aria-hidden=\"true\">"))
        #expect(svg.contains("</svg>norm</span>"))
    }

    @Test("A chart is named by its figure's caption and points at its data table")
    func named() {
        let svg = ChartRenderer(table: chart.table([1, 2]), spec: ChartSpec(), language: "en", separators: .plain,
                                logNote: "", labelledBy: "figure-2", details: "figure-2-table").render() ?? ""
        #expect(svg.contains("role=\"img\" aria-labelledby=\"figure-2\" aria-details=\"figure-2-table\""))
        #expect(!svg.contains("aria-label=\""))
        let alone = chart.svg(chart.table([1, 2]))
        #expect(alone.contains("role=\"img\" aria-label=\"Norms\""))
    }

    @Test("Bars with long category names lie in rows, each name above its bars, so that they fit a phone")
    func rows() {
        let names = ["plain (sigmoid)", "Xavier initialisation", "ReLU with He initialisation", "weight decay"]
        let table = Table(simulation: "s", title: "t", seed: nil, parameters: [],
                          columns: [.init("strategy", "strategy"), .init("low", "low"), .init("high", "high")],
                          rows: names.enumerated().map { i, name in [.text(.init(stringLiteral: name)), .number(Double(i + 1)), .number(Double(i + 2))] })
        let svg = ChartRenderer(table: table, spec: ChartSpec(kind: .bar, x: "strategy"), language: "en", separators: .plain,
                                logNote: "").render() ?? ""
        for name in names { #expect(svg.contains("<text class=\"category\" x=\"0\"") && svg.contains(">\(name)</text>")) }
        #expect(!svg.contains("slant"))
        #expect(svg.components(separatedBy: "<rect class=\"s").count - 1 == 2 * names.count + 2)
        // Short names stay side by side under their bars.
        let short = chart.svg(chart.table([1, 2, 3], second: [3, 2, 1]), ChartSpec(kind: .bar))
        #expect(!short.contains("class=\"category\""))
    }
}

@Suite("Chart axes")
struct ChartAxisTests {
    @Test("An x column spread over decades gets a log axis; bar legends show swatches")
    func logX() {
        let table = Table(simulation: "d", title: "t", seed: nil, parameters: [],
                          columns: [.init("lr", "lr"), .init("share", "share")],
                          rows: [1e-4, 1e-3, 1e-2, 1e-1, 1].map { [.number($0), .number(0.5)] })
        let line = ChartRenderer(table: table, spec: ChartSpec(), language: "en", separators: .plain, logNote: "").render() ?? ""
        #expect(line.contains(">10⁻⁴</text>"))
        // Equal ratios are equal distances: the five points are evenly spaced.
        let xs = line.components(separatedBy: "<circle").dropFirst().compactMap { part -> Double? in
            part.components(separatedBy: "cx=\"").dropFirst().first?.components(separatedBy: "%\"").first.flatMap(Double.init)
        }
        let gaps = zip(xs.dropFirst(), xs).map { $0 - $1 }
        #expect(gaps.count == 4 && gaps.allSatisfy { abs($0 - gaps[0]) < 0.05 })
        let bars = ChartRenderer(table: table, spec: ChartSpec(kind: .bar), language: "en", separators: .plain, logNote: "").render() ?? ""
        #expect(bars.contains("width=\"12\" height=\"12\""))
    }
}
