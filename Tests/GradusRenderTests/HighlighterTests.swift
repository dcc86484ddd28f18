import Testing
@testable import GradusRender

@Suite("Code highlighting")
struct HighlighterTests {
    func html(_ info: String, _ code: String) -> String {
        Highlighter(grammar: Highlighter.grammar(for: info)!).highlight(code)
    }

    @Test("Swift: keywords, builtins, types, strings, comments and numbers, everything escaped")
    func swift() {
        #expect(html("swift", "let norm = clip(&grads, max: 1.0) // \"<x>\"\nvar t: Tensor = \"a<b\"")
                == "<span class=\"k\">let</span> norm = clip(&amp;grads, <span class=\"b\">max</span>: <span class=\"n\">1.0</span>) "
                + "<span class=\"c\">// &quot;&lt;x&gt;&quot;</span>\n<span class=\"k\">var</span> t: "
                + "<span class=\"t\">Tensor</span> = <span class=\"s\">&quot;a&lt;b&quot;</span>")
    }

    @Test("Python: the PyTorch clipping call, triple-quoted strings")
    func python() {
        #expect(html("python", "torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)  # total norm")
                == "<span class=\"b\">torch</span>.<span class=\"b\">nn</span>.utils.clip_grad_norm_(model.parameters(), "
                + "max_norm=<span class=\"n\">1.0</span>)  <span class=\"c\"># total norm</span>")
        #expect(html("py", "'''doc'''\nx = None") == "<span class=\"s\">'''doc'''</span>\nx = <span class=\"k\">None</span>")
    }

    @Test("Shell: commands, variables and comments")
    func shell() {
        #expect(html("sh", "swift run gradus build --out \"$OUT\" # site")
                == "<span class=\"b\">swift</span> run <span class=\"b\">gradus</span> build --out "
                + "<span class=\"s\">&quot;$OUT&quot;</span> <span class=\"c\"># site</span>")
        #expect(html("bash", "echo ${HOME}") == "<span class=\"b\">echo</span> <span class=\"v\">${HOME}</span>")
    }

    @Test("Unknown languages are not highlighted; unclosed strings and comments end at the text's end")
    func edges() {
        #expect(Highlighter.grammar(for: "rust") == nil)
        #expect(html("swift", "\"open") == "<span class=\"s\">&quot;open</span>")
        #expect(html("swift", "/* open") == "<span class=\"c\">/* open</span>")
        #expect(html("swift", "") == "")
    }
}
