#!/usr/bin/env python3
"""Hostile Markdown inputs: every case of cmark 0.31.2's test/pathological_tests.py (CMARK, each described as cmark
describes it), then more of the same families and the lesson dialect's constructs (MORE). Each maker takes N and
returns an input whose size in bytes grows linearly with N; N = 20000 gives about the sizes of cmark's suite.
Usage: pathological.py NAME N  -> writes the input for size N to stdout;  pathological.py --list  -> names."""
import itertools
import math
import sys


def square(n, k):
    """The side d of an input of about d*d*k/2 bytes that grows linearly with n (for cmark's triangular cases)."""
    return max(2, math.isqrt(n * k))


def reference_collisions(n):
    """cmark's hash_collisions(): keys whose hash under cmark's old reference map (16 buckets) is 0 mod 16,
    each defined once, and one undefined key used after every definition."""
    def badhash(ref):
        h = 0
        for c in ref:
            h = (ord(c) + ((h << 6) & 0xFFFFFFFF) + ((h << 16) & 0xFFFFFFFF) - h) & 0xFFFFFFFF
        return h % 16 == 0
    keys = itertools.islice((k for k in ("x%d" % i for i in itertools.count()) if badhash(k)), n + 1)
    bad = next(keys)
    return "".join("[%s]: /url\n\n[%s]\n\n" % (key, bad) for key in keys)


CMARK = {
    "nested-strong-emph": lambda n: "*a **a " * n + "b" + " a** a*" * n,                  # nested strong emph
    "emph-closers-no-openers": lambda n: "a_ " * (2 * n),                                 # many emph closers with no openers
    "emph-openers-no-closers": lambda n: "_a " * (2 * n),                                 # many emph openers with no closers
    "link-closers-no-openers": lambda n: "a]" * (2 * n),                                  # many link closers with no openers
    "link-openers-no-closers": lambda n: "[a" * (2 * n),                                  # many link openers with no closers
    "mismatched-openers-closers": lambda n: "*a_ " * n,                                   # mismatched openers and closers
    "emph-openers-then-closers": lambda n: "*a " * n + "_a*_ " * n,                       # openers, then closers of another kind
    "openers-closers-multiple-of-3": lambda n: "a**b" + "c* " * n,                        # openers and closers multiple of 3
    "link-openers-emph-closers": lambda n: "[ a_" * n,                                    # link openers and emph closers
    "bracket-paren-pattern": lambda n: "[ (](" * (2 * n),                                 # pattern [ (]( repeated
    "image-bracket-pattern": lambda n: "![[]()" * (8 * n),                                # pattern ![[]() repeated
    "hard-link-emph": lambda n: "**x [a*b**c*](d) " * n,                                  # hard link/emph case
    "nested-brackets": lambda n: "[" * n + "a" + "]" * n,                                 # nested brackets
    "nested-block-quotes": lambda n: "> " * n + "a",                                      # nested block quotes
    "deeply-indented-lists": lambda n: "".join("  " * x + "* a\n" for x in range(square(n, 12))),  # deeply nested lists
    "nul-bytes": lambda n: "abc\0de\0" * (2 * n),                                         # U+0000 in input
    "backticks": lambda n: "".join("e" + "`" * x for x in range(1, square(n, 30))),       # backticks
    "unclosed-links-angle": lambda n: "[a](<b" * (2 * n),                                 # unclosed links A
    "unclosed-links-paren": lambda n: "[a](b" * (2 * n),                                  # unclosed links B
    "unclosed-comment-openers": lambda n: "</" + "<!--" * (15 * n),                       # unclosed <!--
    "empty-lines-nested-lists": lambda n: "- " * n + "x" + "\n" * n,                      # empty lines in deeply nested lists
    "empty-lines-nested-lists-quote": lambda n: "> " + "- " * n + "x\n" + ">\n" * n,      # … in blockquote
    "emph-in-deep-block-quote": lambda n: ">" * (5 * n) + "a*" * (5 * n),                 # emph in deep blockquote
    "reference-collisions": lambda n: reference_collisions(n),                            # reference collisions
    "nested-inlines": lambda n: "*" * n + "a" + "*" * n,                                  # nested inlines
}

MORE = {
    "nested-lists": lambda n: "- " * n + "a\n",
    "nested-ordered-lists": lambda n: "1. " * n + "a\n",
    "nested-lists-in-quote": lambda n: "> " + "- " * n + "a\n",
    "nested-lists-blank-lines": lambda n: "- " * n + "a\n" + "\n" * n + "b\n",
    "deeply-indented-ordered-lists": lambda n: "".join("   " * x + "1. a\n" for x in range(square(n, 8))),
    "emph-openers-then-closers-star": lambda n: "*a " * n + "_a*_ " * n + "*",
    "emph-openers-closers-strong": lambda n: "**a " * n + "a** " * n,
    "emph-underscore-nesting": lambda n: "_a __a " * n + "b" + " a__ a_" * n,
    "unclosed-backticks": lambda n: "`a``" * n,
    "backtick-runs": lambda n: "".join("e" + "`" * (i % 200 + 1) for i in range(n)),
    "unclosed-html-comments": lambda n: "a <!-- " * n,
    "unclosed-processing-instructions": lambda n: "a <? " * n,
    "unclosed-cdata": lambda n: "a <![CDATA[ " * n,
    "unclosed-declarations": lambda n: "a <!A " * n,
    "unclosed-tags": lambda n: '<a href="' * n,
    "huge-reference-table": lambda n: "".join("[r%d]: /u%d\n" % (i, i) for i in range(n)) + "\n" + " ".join("[r%d]" % i for i in range(n)) + "\n",
    "many-entities": lambda n: "&amp;&#123;&#x1F600;&nosuch; " * n,
    "lesson-dollars": lambda n: "$5 and $a " * n,
    "lesson-tildes": lambda n: "~a ~~b " * n,
    "lesson-nested-directives": lambda n: "::: d\n" * n + "x\n" + ":::\n" * n,
    "lesson-same-headings": lambda n: "## Same\n" * n,
    "lesson-table-rows": lambda n: "| a | b |\n|---|---|\n" + "| x | `y` |\n" * n,
}

CASES = {**CMARK, **MORE}

# Where Debian's cmark 0.30.2 renders a case otherwise than CommonMark 0.31.2 says (the spec tests hold Gradus').
CMARK_030_DIFFERS = {
    "unclosed-backticks": "cmark 0.30.2 misses a code span whose length matches an earlier one (spec 6.1)",
}

if __name__ == "__main__":
    if sys.argv[1] == "--list":
        print("\n".join(CASES))
    else:
        sys.stdout.write(CASES[sys.argv[1]](int(sys.argv[2])))
