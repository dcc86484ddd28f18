import Foundation
import Testing
import GradusTestSupport

/// The default theme's colours, read from its stylesheet's custom properties (`:root`, and `:root` inside
/// `@media (prefers-color-scheme: dark)`), measured with WCAG 2.2's contrast ratio: every text colour on every
/// background it is used on at least 4.5:1, and the colours that draw a control's boundary, a search highlight,
/// the focus ring or a chart's lines at least 3:1 against the page (1.4.3 and 1.4.11), in light and in dark.
@Suite("Colour contrast of the stylesheet")
struct ContrastTests {
    /// Text on background, 4.5:1: every text colour of the stylesheet with each background it sits on.
    static let text: [(String, String)] = [
        ("fg", "bg"), ("muted", "bg"), ("accent", "bg"), ("ok", "bg"), ("bad", "bg"),
        // Code, and the search result under the pointer or the keyboard's focus.
        ("fg", "code-bg"), ("muted", "code-bg"), ("accent", "code-bg"),
        ("hl-k", "code-bg"), ("hl-b", "code-bg"), ("hl-t", "code-bg"), ("hl-s", "code-bg"), ("hl-c", "code-bg"), ("hl-n", "code-bg"),
        // The fallback notice, with its link.
        ("fg", "notice-bg"), ("accent", "notice-bg"),
        // Buttons: the page's colour on the accent.
        ("bg", "accent"),
        ("fg", "accent-bg"), ("accent", "accent-bg"),
        // Search highlights.
        ("mark-fg", "mark-bg"),
        // Chart series: marks for non-finite values are text in the series' colour.
        ("s0", "bg"), ("s1", "bg"), ("s2", "bg"), ("s3", "bg"), ("s4", "bg"), ("s5", "bg"),
    ]

    /// Boundaries and graphics, 3:1: form field borders, highlights against what surrounds them, the focus ring,
    /// chart axes and lines.
    static let nonText: [(String, String)] = [
        ("control", "bg"), ("control", "code-bg"),
        ("bad", "bg"), ("ok", "bg"),
        ("mark-bg", "bg"), ("mark-bg", "code-bg"),
        ("accent", "bg"), ("accent", "code-bg"),
        ("muted", "bg"),
        ("s0", "bg"), ("s1", "bg"), ("s2", "bg"), ("s3", "bg"), ("s4", "bg"), ("s5", "bg"),
    ]

    static var stylesheet: String {
        get throws {
            try String(contentsOf: TestEnvironment.packageRoot.appendingPathComponent("templates/static/style.css"), encoding: .utf8)
        }
    }

    @Test("Every text and background pair reaches 4.5:1 and every boundary 3:1, in light and dark")
    func pairs() throws {
        let css = try Self.stylesheet
        let schemes = Stylesheet.palettes(css)
        #expect(schemes.light.count >= 20, "the light palette: \(schemes.light.keys.sorted())")
        for (scheme, palette) in [("light", schemes.light), ("dark", schemes.dark)] {
            for (pairs, minimum) in [(Self.text, 4.5), (Self.nonText, 3.0)] {
                for (front, back) in pairs {
                    guard let a = palette[front], let b = palette[back] else {
                        Issue.record("\(scheme): --\(front) or --\(back) is not defined")
                        continue
                    }
                    let ratio = Colour.contrast(a, b)
                    #expect(ratio >= minimum, "\(scheme): --\(front) on --\(back) is \(String(format: "%.2f", ratio)):1, under \(minimum):1")
                }
            }
        }
        // Pairs once measured too faint: the search box's border, placeholder, code comments and highlight.
        #expect(Colour.contrast(schemes.light["control"]!, schemes.light["bg"]!) >= 3)
        #expect(Colour.contrast(schemes.dark["control"]!, schemes.dark["bg"]!) >= 3)
        #expect(css.contains("::placeholder { color: var(--muted); opacity: 1; }"))
    }

    @Test("Every colour the stylesheet uses for text, a background or a control's border is in a measured pair")
    func coverage() throws {
        let css = try Self.stylesheet
        let palette = Stylesheet.palettes(css).light
        let uses = Stylesheet.uses(css)
        let fronts = Set(Self.text.map(\.0)), backs = Set(Self.text.map(\.1)), lines = Set(Self.nonText.map(\.0))
        for name in uses.text where palette[name] != nil {
            #expect(fronts.contains(name), "--\(name) colours text but no test measures it")
        }
        for name in uses.background where palette[name] != nil {
            #expect(backs.contains(name), "--\(name) is a background but no test measures text on it")
        }
        for name in uses.border where palette[name] != nil && name != "rule" {
            #expect(lines.contains(name), "--\(name) draws a boundary but no test measures it")
        }
    }

    @Test("The contrast formula gives WCAG's known values")
    func formula() {
        #expect(abs(Colour.contrast(Colour(hex: "#000000")!, Colour(hex: "#ffffff")!) - 21) < 0.01)
        #expect(abs(Colour.contrast(Colour(hex: "#767676")!, Colour(hex: "#ffffff")!) - 4.54) < 0.01)
        #expect(Colour(hex: "#abc") == Colour(hex: "#aabbcc"))
    }
}

/// An sRGB colour.
struct Colour: Equatable {
    var red, green, blue: Double

    init?(hex: String) {
        var digits = hex.trimmingCharacters(in: .whitespaces)
        guard digits.hasPrefix("#") else { return nil }
        digits.removeFirst()
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        red = Double(value >> 16 & 0xff) / 255
        green = Double(value >> 8 & 0xff) / 255
        blue = Double(value & 0xff) / 255
    }

    /// WCAG 2.2's relative luminance.
    var luminance: Double {
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    static func contrast(_ a: Colour, _ b: Colour) -> Double {
        let (x, y) = (a.luminance, b.luminance)
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }
}

/// Just enough of a CSS reader for the theme's stylesheet: its blocks, custom properties and `var()` uses.
enum Stylesheet {
    /// The top-level blocks: prelude (selector or at-rule) and body, comments removed.
    static func blocks(_ css: String) -> [(prelude: String, body: String)] {
        var text = css
        while let start = text.range(of: "/*"), let end = text.range(of: "*/", range: start.upperBound..<text.endIndex) {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        var blocks: [(String, String)] = []
        var depth = 0, prelude = "", body = ""
        for character in text {
            switch character {
            case "{":
                if depth > 0 { body.append(character) }
                depth += 1
            case "}":
                depth -= 1
                if depth == 0 {
                    blocks.append((prelude.trimmingCharacters(in: .whitespacesAndNewlines), body))
                    prelude = ""
                    body = ""
                } else {
                    body.append(character)
                }
            default:
                if depth == 0 { prelude.append(character) } else { body.append(character) }
            }
        }
        return blocks
    }

    /// The `--name: value` declarations of a block's body (its own, not nested blocks').
    static func properties(_ body: String) -> [(String, String)] {
        body.split(separator: ";").compactMap { declaration in
            let parts = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard parts.count == 2, parts[0].hasPrefix("--") else { return nil }
            return (String(parts[0].dropFirst(2)), parts[1])
        }
    }

    /// The colours of the light and dark schemes by custom property name (without `--`), `var()` resolved.
    static func palettes(_ css: String) -> (light: [String: Colour], dark: [String: Colour]) {
        var light: [String: String] = [:], dark: [String: String] = [:]
        for (prelude, body) in blocks(css) {
            if prelude == ":root" {
                for (name, value) in properties(body) { light[name] = value }
            } else if prelude.hasPrefix("@media"), prelude.contains("prefers-color-scheme: dark") {
                for (inner, innerBody) in blocks(body) where inner == ":root" {
                    for (name, value) in properties(innerBody) { dark[name] = value }
                }
            }
        }
        func resolve(_ values: [String: String]) -> [String: Colour] {
            var colours: [String: Colour] = [:]
            for name in values.keys {
                var value = values[name]!
                var hops = 0
                while value.hasPrefix("var(--"), hops < 8, let next = values[String(value.dropFirst(6).dropLast())] {
                    value = next
                    hops += 1
                }
                if let colour = Colour(hex: value) { colours[name] = colour }
            }
            return colours
        }
        return (resolve(light), resolve(light.merging(dark) { $1 }))
    }

    /// The custom properties used as text colours (`color`, `fill`), backgrounds and borders (`border…`, `outline`).
    static func uses(_ css: String) -> (text: Set<String>, background: Set<String>, border: Set<String>) {
        var text: Set<String> = [], background: Set<String> = [], border: Set<String> = []
        let pattern = try! NSRegularExpression(pattern: #"(?<![\w-])(color|fill|background|background-color|border[a-z-]*|outline)\s*:[^;}]*?var\(--([\w-]+)\)"#)
        let range = NSRange(css.startIndex..., in: css)
        for match in pattern.matches(in: css, range: range) {
            let property = String(css[Range(match.range(at: 1), in: css)!])
            let name = String(css[Range(match.range(at: 2), in: css)!])
            switch property {
            case "color", "fill": text.insert(name)
            case "background", "background-color": background.insert(name)
            default: border.insert(name)
            }
        }
        return (text, background, border)
    }
}
