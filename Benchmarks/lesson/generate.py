#!/usr/bin/env python3
"""Writes a course with one lesson of about SIZE bytes per language (en, de) that uses every directive kind: a
simulation with a line chart and one with a bar chart, a quiz, a true-false quiz and a not-mentioned quiz with its
pool, inline and display math, a table and code. The same section repeats with its own heading ids and quiz ids.

Usage: generate.py OUT_DIR SIZE_BYTES     (writes OUT_DIR/content; the templates are the caller's)
"""
import os
import sys

LANGS = ["en", "de"]
TEXT = {
    "en": {
        "prose": "The gradient of the loss with respect to a weight is the product of the local derivatives along "
                 "the path, and it is the reason why the first layers of a deep network learn so slowly when "
                 "every factor is smaller than one; the rule is $\\frac{\\partial L}{\\partial w} = \\delta \\cdot a$ "
                 "for each weight of the network.",
        "remedies": ["Gradient clipping", "Xavier initialisation", "Batch normalization", "Weight decay"],
        "question": "Which of the following strategies is **NOT** mentioned in the text?",
        "single": "Which factor does the chain rule multiply?",
        "right": "The local derivatives along the path.",
        "wrong": "The weights of every layer.",
        "why": "Only local derivatives enter the product.",
        "statement": "The derivative of the sigmoid can exceed $1/4$.",
        "explain": "It peaks at $z = 0$, where it is $1/4$.",
        "caption": "Gradient norm per layer.",
        "remedy": "Remedies",
    },
    "de": {
        "prose": "Der Gradient des Verlusts nach einem Gewicht ist das Produkt der lokalen Ableitungen entlang des "
                 "Pfades, und das ist der Grund, warum die ersten Schichten eines tiefen Netzes so langsam lernen, "
                 "wenn jeder Faktor kleiner als eins ist; die Regel ist "
                 "$\\frac{\\partial L}{\\partial w} = \\delta \\cdot a$ für jedes Gewicht des Netzes.",
        "remedies": ["Gradient Clipping", "Xavier-Initialisierung", "Batch-Normalisierung", "Weight Decay"],
        "question": "Welche der folgenden Strategien wird im Text **NICHT** erwähnt?",
        "single": "Welche Faktoren multipliziert die Kettenregel?",
        "right": "Die lokalen Ableitungen entlang des Pfades.",
        "wrong": "Die Gewichte jeder Schicht.",
        "why": "Nur lokale Ableitungen gehen in das Produkt ein.",
        "statement": "Die Ableitung der Sigmoidfunktion kann größer als $1/4$ sein.",
        "explain": "Sie ist bei $z = 0$ am größten, dort ist sie $1/4$.",
        "caption": "Gradientennorm pro Schicht.",
        "remedy": "Abhilfen",
    },
}
POOL = {
    "en": ["Gradient clipping", "Xavier initialisation", "Orthogonal initialisation", "Dropout", "Early stopping"],
    "de": ["Gradient Clipping", "Xavier-Initialisierung", "Orthogonale Initialisierung", "Dropout", "Early Stopping"],
}


def section(lang, n):
    t = TEXT[lang]
    remedies = "\n".join(f"- **{r}** acts on step {n}." if lang == "en" else f"- **{r}** wirkt in Schritt {n}."
                         for r in t["remedies"])
    return f"""## {t['remedy']} {n} {{#remedies-{n}}}

{t['prose']}

{remedies}

$$
\\|g\\| = \\sqrt{{\\sum_i g_i^2}}
$$

| layer | norm |
| ---: | --- |
| 1 | $10^{{-3}}$ |
| 2 | `0.5` |

```swift
let norm = gradients.map {{ $0 * $0 }}.reduce(0, +).squareRoot()
```

::: simulation depth-gradients
depth: 4
caption: {t['caption']}
series: grad_norm
scale: log
:::

::: simulation strategies
caption: {t['caption']}
chart: bar
x: strategy
series: min_grad_norm, max_grad_norm
:::

::: quiz
id: s{n}/single
### {t['single']}

- [ ] {t['wrong']}
  {t['why']}
- [x] {t['right']}

> {t['why']}
:::

::: quiz true-false
id: s{n}/true-false
answer: false
### {t['statement']}
> {t['explain']}
:::

::: quiz not-mentioned
id: s{n}/not-mentioned
list: remedies-{n}
pool: strategies
choices: 4
question: {t['question']}
:::

"""


def main():
    out, size = sys.argv[1], int(sys.argv[2])
    content = os.path.join(out, "content")
    os.makedirs(os.path.join(content, "lessons"), exist_ok=True)
    os.makedirs(os.path.join(content, "pools"), exist_ok=True)
    with open(os.path.join(content, "course.yml"), "w") as f:
        f.write("languages: [en, de]\ndefault: en\nseed: 1\n")
    # As many sections as the first language needs to reach SIZE, the same number in every language.
    sections = -(-size // len(section(LANGS[0], 1000).encode()))
    for lang in LANGS:
        with open(os.path.join(content, f"course.{lang}.md"), "w") as f:
            f.write(f"---\ntitle: Size {lang}\ndescription: Benchmark.\n---\nIntro.\n")
        with open(os.path.join(content, "pools", f"strategies.{lang}.md"), "w") as f:
            f.write("".join(f"- {item}\n" for item in POOL[lang]))
        parts = [f"---\ntitle: Size ({lang})\nsummary: One long lesson.\n---\n"]
        parts += [section(lang, n) for n in range(1, sections + 1)]
        with open(os.path.join(content, "lessons", f"01-size.{lang}.md"), "w") as f:
            f.write("".join(parts))


if __name__ == "__main__":
    main()
