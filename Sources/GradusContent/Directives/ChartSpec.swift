/// Which chart a `::: simulation` directive asks for: `chart: line|bar|none`, `x: KEY`, `series: KEY, KEY`,
/// `scale: auto|linear|log`. Defaults: a line chart of every numeric column against the first one, on a log
/// scale when the values span more than two decades.
public struct ChartSpec: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable { case line, bar, none }
    public enum Scale: String, Sendable, CaseIterable { case auto, linear, log }

    public var kind: Kind = .line
    public var x: String?
    public var series: [String]?
    public var scale: Scale = .auto

    public init(kind: Kind = .line, x: String? = nil, series: [String]? = nil, scale: Scale = .auto) {
        self.kind = kind
        self.x = x
        self.series = series
        self.scale = scale
    }
}
