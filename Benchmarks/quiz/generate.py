#!/usr/bin/env python3
"""Writes a synthetic Gradus course with quizzes: LESSONS lessons × pt, de, en, each with prose, inline math and
three questions (single answer, multiple answers, true-false).

Usage: generate.py OUT_DIR LESSONS      (writes OUT_DIR/content)
"""
import os
import random
import sys

LANGS = ["pt", "de", "en"]
WORDS = "gradient layer weight network activation derivative loss rate chain rule value norm".split()


def paragraph(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(40, 80))]
    words[rng.randrange(len(words))] = "$\\sigma'(z) \\le 1/4$"
    words[rng.randrange(len(words))] = "**saturates**"
    return " ".join(words) + "."


def quizzes(n):
    return f"""::: quiz
### Which factor does lesson {n} multiply?

- [ ] The weights of every layer.
  Only local derivatives enter the product.
- [x] The local derivatives along the path from $w$ to the loss.
  This is the chain rule.
- [ ] None of the above. {{pinned}}

> The chain rule turns a composition into a product of local derivatives.
:::

::: quiz
### Which activations saturate?

- [x] The sigmoid.
- [x] tanh.
- [ ] ReLU for positive inputs.

> Both squash large inputs into a bounded range.
:::

::: quiz true-false
answer: false
### The derivative of the sigmoid can exceed $1/4$.
:::
"""


def main():
    out, lessons = sys.argv[1], int(sys.argv[2])
    rng = random.Random(7)
    content = os.path.join(out, "content")
    os.makedirs(os.path.join(content, "lessons"), exist_ok=True)
    with open(os.path.join(content, "course.yml"), "w") as f:
        f.write("languages: [pt, de, en]\ndefault: pt\nseed: 1\n")
    for lang in LANGS:
        with open(os.path.join(content, f"course.{lang}.md"), "w") as f:
            f.write(f"---\ntitle: Synthetic course ({lang})\ndescription: For benchmarks.\n---\nIntroduction.\n")
    width = len(str(lessons))
    for n in range(1, lessons + 1):
        for lang in LANGS:
            name = f"{n:0{width}d}-lesson-{n}.{lang}.md"
            body = "\n\n".join(paragraph(rng) for _ in range(6))
            with open(os.path.join(content, "lessons", name), "w") as f:
                f.write(f"---\ntitle: Lesson {n} ({lang})\nsummary: Synthetic.\n---\n{body}\n\n## Quiz\n\n{quizzes(n)}")


if __name__ == "__main__":
    main()
