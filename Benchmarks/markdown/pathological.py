#!/usr/bin/env python3
"""Hostile Markdown inputs (after cmark's test/pathological_tests.py, plus the lesson dialect's constructs).
Usage: pathological.py NAME N  -> writes the input for size N to stdout;  pathological.py --list  -> names."""
import sys

CASES = {
    "nested-strong-emph": lambda n: "*a **a " * n + "b" + " a** a*" * n,
    "emph-closers-no-openers": lambda n: "a_ " * n,
    "emph-openers-no-closers": lambda n: "_a " * n,
    "mismatched-openers-closers": lambda n: "*a_ " * n,
    "openers-closers-multiple-of-3": lambda n: "a**b" + "c* " * n,
    "link-closers-no-openers": lambda n: "a]" * n,
    "link-openers-no-closers": lambda n: "[a" * n,
    "link-openers-emph-closers": lambda n: "[ a_" * n,
    "bracket-paren-pattern": lambda n: "[ (](" * n,
    "nested-brackets": lambda n: "[" * n + "a" + "]" * n,
    "nested-block-quotes": lambda n: "> " * n + "a\n",
    "nested-lists": lambda n: "- " * n + "a\n",
    "nested-ordered-lists": lambda n: "1. " * n + "a\n",
    "unclosed-backticks": lambda n: "`a``" * n,
    "backtick-runs": lambda n: "".join("e" + "`" * (i % 200 + 1) for i in range(n)),
    "unclosed-links-angle": lambda n: "[a](<b" * n,
    "unclosed-links-paren": lambda n: "[a](b" * n,
    "unclosed-html-comments": lambda n: "a <!-- " * n,
    "unclosed-processing-instructions": lambda n: "a <? " * n,
    "unclosed-cdata": lambda n: "a <![CDATA[ " * n,
    "unclosed-declarations": lambda n: "a <!A " * n,
    "unclosed-tags": lambda n: '<a href="' * n,
    "huge-reference-table": lambda n: "".join("[r%d]: /u%d\n" % (i, i) for i in range(n)) + "\n" + " ".join("[r%d]" % i for i in range(n)) + "\n",
    "many-entities": lambda n: "&amp;&#123;&#x1F600;&nosuch; " * n,
    "long-emphasis-run": lambda n: "*" * n + "a" + "*" * n,
    "nul-bytes": lambda n: "a\0" * n,
    "lesson-dollars": lambda n: "$5 and $a " * n,
    "lesson-tildes": lambda n: "~a ~~b " * n,
    "lesson-nested-directives": lambda n: "::: d\n" * n + "x\n" + ":::\n" * n,
    "lesson-same-headings": lambda n: "## Same\n" * n,
    "lesson-table-rows": lambda n: "| a | b |\n|---|---|\n" + "| x | `y` |\n" * n,
}

if __name__ == "__main__":
    if sys.argv[1] == "--list":
        print("\n".join(CASES))
    else:
        sys.stdout.write(CASES[sys.argv[1]](int(sys.argv[2])))
