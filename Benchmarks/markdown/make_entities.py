#!/usr/bin/env python3
"""Writes Sources/GradusMarkdown/InlinePhase/EntityTable.swift from Python's html.entities.html5."""
import html.entities
import pathlib

items = sorted((k[:-1], v) for k, v in html.entities.html5.items() if k.endswith(';'))
body = '\n'.join(name + ' ' + ','.join('%X' % ord(ch) for ch in val) for name, val in items)
out = '''// Generated from Python's html.entities.html5 (the WHATWG named character references), keeping the names that
// end in ";" without it. Regenerate with Benchmarks/markdown/make_entities.py.

/// Every HTML5 named character reference: one `name HEX[,HEX]` line each, sorted by name (byte order).
let entityTableSource = """
''' + body + '\n"""\n'
root = pathlib.Path(__file__).resolve().parents[2]
(root / 'Sources/GradusMarkdown/InlinePhase/EntityTable.swift').write_text(out)
print(len(items), 'entities')
