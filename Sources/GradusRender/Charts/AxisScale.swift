import Foundation

/// Maps data values to a pixel range, linearly or by powers of ten, and proposes readable ticks.
struct AxisScale {
    var low: Double
    var high: Double
    var logarithmic: Bool
    /// The distance between linear ticks; low and high are multiples of it.
    var step: Double = 1

    /// A scale that covers `values` (finite ones; positive ones only when logarithmic), with room to breathe.
    init(covering values: [Double], logarithmic: Bool) {
        self.logarithmic = logarithmic
        let usable = values.filter { $0.isFinite && (!logarithmic || $0 > 0) }
        var low = usable.min() ?? 0, high = usable.max() ?? 1
        if logarithmic {
            low = pow(10, floor(log10(low)))
            high = pow(10, ceil(log10(high)))
            if low == high { high = low * 10 }
        } else {
            if low == high { low -= 1; high += 1 }
            step = AxisScale.niceStep((high - low) / 5)
            low = floor(low / step) * step
            high = ceil(high / step) * step
        }
        self.low = low
        self.high = high
    }

    /// Position of `value` in 0…1 (outside for values out of range), nil for values a log axis cannot show.
    func fraction(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        if logarithmic {
            guard value > 0 else { return nil }
            return (log10(value) - log10(low)) / (log10(high) - log10(low))
        }
        return (value - low) / (high - low)
    }

    /// Tick values: nice round numbers, or powers of ten (thinned to at most about eight).
    var ticks: [Double] {
        if logarithmic {
            let first = Int(log10(low).rounded()), last = Int(log10(high).rounded())
            // Every decade, or every 2, 5, 10, 20, 50… decades, so that at most about eight ticks show.
            let stride = [1, 2, 5, 10, 20, 50, 100].first { (last - first) / $0 <= 8 } ?? 100
            let start = Int((Double(first) / Double(stride)).rounded(.up)) * stride
            return Swift.stride(from: start, through: last, by: stride).map { pow(10, Double($0)) }
        }
        let first = Int((low / step).rounded()), last = Int((high / step).rounded())
        return (first...last).map { Double($0) * step }
    }

    /// 1, 2 or 5 times a power of ten, close to `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(raw)))
        let residual = raw / magnitude
        return (residual < 1.5 ? 1 : residual < 3.5 ? 2 : residual < 7.5 ? 5 : 10) * magnitude
    }

    /// Whether values spread over more than two decades, so that a log axis shows them better.
    static func spansDecades(_ values: [Double]) -> Bool {
        let positive = values.filter { $0.isFinite && $0 > 0 }
        guard let low = positive.min(), let high = positive.max(), positive.count == values.filter(\.isFinite).count
        else { return false }
        return high / low > 100
    }
}
