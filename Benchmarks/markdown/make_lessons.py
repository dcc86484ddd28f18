#!/usr/bin/env python3
"""Writes lesson-like Markdown (headings, prose with emphasis, links, code spans, lists, code blocks, quotes,
tables, math) to standard output: at least SIZE megabytes (default 10), reproducible (seeded)."""
import random
import sys

size = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
rng = random.Random(4)
words = ("gradient vanishing exploding layer weight bias activation sigmoid tanh relu network loss chain rule "
         "derivative backpropagation product Jacobian norm depth initialisation Xavier He variance signal "
         "training step learning rate batch neuron saturation residual connection clipping optimiser").split()
accented = "derivação função também não über Größe".split()


def sentence():
    out = []
    for _ in range(rng.randint(6, 18)):
        w = rng.choice(words if rng.random() > 0.05 else accented)
        r = rng.random()
        if r < 0.06:
            w = "*" + w + "*"
        elif r < 0.10:
            w = "**" + w + "**"
        elif r < 0.13:
            w = "`" + w + "()`"
        elif r < 0.15:
            w = "[" + w + "](../lesson-%d.md#%s)" % (rng.randint(1, 9), w)
        elif r < 0.16:
            w = "&amp; " + w
        out.append(w)
    s = " ".join(out)
    return s[0].upper() + s[1:] + rng.choice([".", ".", "?", ":"])


def paragraph():
    lines, line = [], []
    for _ in range(rng.randint(2, 6)):
        line.append(sentence())
        if len(" ".join(line)) > 70:
            lines.append(" ".join(line))
            line = []
    if line:
        lines.append(" ".join(line))
    return "\n".join(lines) + "\n"


def block():
    r = rng.random()
    if r < 0.08:
        return "#" * rng.randint(2, 4) + " " + sentence().rstrip(".?:") + "\n"
    if r < 0.20:
        marker = rng.choice(["-", "*", "1."])
        return "".join("%s %s\n" % (marker, sentence()) for _ in range(rng.randint(2, 6)))
    if r < 0.26:
        body = "".join("    h = sigmoid(W%d @ h + b)\n" % i for i in range(rng.randint(2, 8)))
        return "```python\n" + body.replace("    ", "") + "```\n"
    if r < 0.30:
        return "".join("> " + l + "\n" for l in paragraph().splitlines())
    if r < 0.33:
        rows = "".join("| %d | %.3f | %s |\n" % (i, rng.random(), rng.choice(words)) for i in range(rng.randint(2, 6)))
        return "| layer | norm | note |\n|---:|:---:|---|\n" + rows
    if r < 0.36:
        return "The product $\\prod_i \\sigma'(z_i) \\le 4^{-n}$ shrinks, costing $5 or $10 per run.\n"
    return paragraph()


out, total = [], 0
limit = int(size * 1_000_000)
while total < limit:
    b = block() + "\n"
    out.append(b)
    total += len(b.encode("utf-8"))
sys.stdout.write("".join(out))
