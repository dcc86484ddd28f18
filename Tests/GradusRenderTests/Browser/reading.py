#!/usr/bin/env python3
"""Reads every page of a built site in headless Chromium at 320, 390 and 1280 px, light and dark, as a reader and
as a WCAG 2.2 AA auditor would, and prints what it found as JSON: a list of problems per check (empty when all is
well) and a few facts for the test to compare.

Usage: reading.py SITE_DIR [SCREENSHOT_DIR]

Checks on every page, at each width and colour scheme:
  overflow   the page never scrolls sideways (WCAG 1.4.10)
  chart_text chart text (ticks, labels, legend) at least 11 CSS px as drawn, whatever the SVG's scaling
  captions   figure and table captions outside any horizontal scroller, wholly on screen, not cut off
  charts     every chart named (aria-labelledby its caption), uniquely in the page, and linked to its data table
  headings   the h1 comes first and alone; no level skipped
  contrast   every visible text on its composited background 4.5:1 (3:1 when large), form field borders and
             search highlights 3:1, placeholders 4.5:1
  structure  a favicon, no empty or zero-sized link, no footer that starts or ends with "·", no "X · X" title,
             focusable and named code blocks, math set in a math font
Then, once per width and scheme: the language switcher keeps the #section; search (nothing loaded before it, lesson
text shards for the results shown, Unicode snippets, whole-word and phrase marks, stemming, status, arrows, Enter,
Escape, outside click, the root page's every language).
"""
import functools
import json
import os
import re
import sys
import threading
import time
import unicodedata
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

site = os.path.abspath(sys.argv[1])
shots = sys.argv[2] if len(sys.argv) > 2 else None
if shots:
    os.makedirs(shots, exist_ok=True)


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# Served over HTTP, as a reader meets it online (the 404 pages' links start at the site's root).
server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=site))
threading.Thread(target=server.serve_forever, daemon=True).start()
base = "http://127.0.0.1:%d/" % server.server_address[1]
WIDTHS = [320, 390, 1280]
SCHEMES = ["light", "dark"]

options = webdriver.ChromeOptions()
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
             "--window-size=1280,900"]:
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(options=options, service=Service(executable_path="/usr/bin/chromedriver"))
driver.set_page_load_timeout(30)

problems = {name: [] for name in ["overflow", "chart_text", "captions", "charts", "headings", "contrast",
                                  "structure", "switcher", "search", "console"]}
facts = {"pages": 0, "charts": 0, "captions": 0, "code_blocks": 0, "min_chart_font": 99.0,
         "math_font": "", "search": {}}

pages = sorted(os.path.relpath(os.path.join(folder, name), site)
               for folder, _, files in os.walk(site) for name in files if name.endswith(".html"))


def url(page, fragment=""):
    return base + page + fragment


def emulate(width, scheme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})


# The checks that run inside the page; each returns a list of problems (strings), or facts.
PAGE_CHECKS = r"""
const width = arguments[0];
const out = {overflow: [], chart_text: [], captions: [], charts: [], headings: [], contrast: [], structure: [],
             facts: {charts: 0, captions: 0, code_blocks: 0, min_chart_font: 99, math_font: ""}};
const root = document.documentElement;
const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
  (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
const visible = el => {
  if (el.closest("details:not([open]) > :not(summary)") || el.closest("[hidden]")) return false;
  const s = getComputedStyle(el);
  if (s.display === "none" || s.visibility === "hidden" || s.opacity === "0") return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
};
const scroller = el => {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowX;
    if (o === "auto" || o === "scroll" || o === "hidden") return p;
  }
  return null;
};

// Overflow: the page is no wider than the screen; name what sticks out (outside scrollers).
if (root.scrollWidth > root.clientWidth) {
  const culprits = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.right > root.clientWidth + 1 && !scroller(el) && visible(el)) culprits.push(name(el) + " " + Math.round(r.right));
    if (culprits.length >= 4) break;
  }
  out.overflow.push("page is " + root.scrollWidth + " px wide at " + root.clientWidth + ": " + culprits.join(", "));
}

// Chart text as drawn: its font size times the scale of the SVG it is in.
for (const t of document.querySelectorAll("svg.chart text, .chart-legend")) {
  if (!visible(t)) continue;
  let size = parseFloat(getComputedStyle(t).fontSize);
  if (t instanceof SVGGraphicsElement) {
    const m = t.getScreenCTM();
    size *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
  }
  out.facts.min_chart_font = Math.min(out.facts.min_chart_font, size);
  if (size < 11) out.chart_text.push(name(t) + " '" + t.textContent.slice(0, 20) + "' is " + size.toFixed(1) + " px");
}

// Captions: outside any scroller, on screen, not cut off.
for (const c of document.querySelectorAll("figcaption, caption")) {
  out.facts.captions += 1;
  if (!visible(c)) continue;
  const s = scroller(c);
  if (s && s.scrollWidth > s.clientWidth) out.captions.push(name(c) + " '" + c.textContent.slice(0, 30) + "' is inside a scroller");
  const r = c.getBoundingClientRect();
  if (r.left < -1 || r.right > root.clientWidth + 1) out.captions.push(name(c) + " '" + c.textContent.slice(0, 30) + "' leaves the screen");
  if (c.scrollWidth > c.clientWidth + 1) out.captions.push(name(c) + " '" + c.textContent.slice(0, 30) + "' is cut off");
}

// Charts: a name from the figure's caption, unique in the page, and the data table linked.
const names = new Map();
for (const svg of document.querySelectorAll("svg.chart")) {
  out.facts.charts += 1;
  const labelled = (svg.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean);
  const text = labelled.map(id => (document.getElementById(id) || {textContent: ""}).textContent.trim()).join(" ");
  if (svg.getAttribute("role") !== "img") out.charts.push("chart without role=img");
  if (!text) { out.charts.push("chart without a name from its caption"); continue; }
  if (!labelled.every(id => document.getElementById(id) && document.getElementById(id).closest("figure") === svg.closest("figure")))
    out.charts.push("chart '" + text.slice(0, 30) + "' is named by something outside its figure");
  if (names.has(text)) out.charts.push("two charts share the name '" + text.slice(0, 40) + "'");
  names.set(text, svg);
  const linked = ((svg.getAttribute("aria-details") || "") + " " + (svg.getAttribute("aria-describedby") || ""))
    .split(/\s+/).filter(Boolean).map(id => document.getElementById(id));
  if (!linked.some(t => t && t.tagName === "TABLE" && t.closest("figure") === svg.closest("figure")))
    out.charts.push("chart '" + text.slice(0, 30) + "' is not linked to its data table");
}
for (const table of document.querySelectorAll("figure table")) {
  const label = (table.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean)
    .map(id => (document.getElementById(id) || {textContent: ""}).textContent.trim()).join(" ");
  if (!label && !table.querySelector("caption")) out.charts.push("a figure's table has no name");
}

// Headings: the first is the only h1; no level skipped.
const headings = Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6")).filter(h => !h.closest("[hidden]"));
const levels = headings.map(h => +h.tagName[1]);
if (levels[0] !== 1) out.headings.push("the first heading is h" + levels[0] + " '" + (headings[0] || {textContent: ""}).textContent.trim().slice(0, 30) + "'");
if (levels.filter(l => l === 1).length !== 1) out.headings.push(levels.filter(l => l === 1).length + " h1 elements");
for (let i = 1; i < levels.length; i++) {
  if (levels[i] > levels[i - 1] + 1) out.headings.push("h" + levels[i - 1] + " then h" + levels[i] + " at '" + headings[i].textContent.trim().slice(0, 30) + "'");
}

// Contrast.
const parse = c => {
  const m = c.match(/rgba?\(([^)]+)\)/);
  if (!m) return null;
  const p = m[1].split(/[,\s/]+/).filter(Boolean).map(parseFloat);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
};
const over = (top, bottom) => {
  const a = top[3];
  return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
};
const background = el => {
  const layers = [];
  for (let p = el; p; p = p.parentElement) {
    const c = parse(getComputedStyle(p).backgroundColor);
    if (c && c[3] > 0) layers.push(c);
    if (c && c[3] >= 1) break;
  }
  let colour = [255, 255, 255, 1];
  for (let i = layers.length - 1; i >= 0; i--) colour = over(layers[i], colour);
  return colour;
};
const luminance = c => {
  const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
};
const ratio = (a, b) => { const x = luminance(a), y = luminance(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
const seen = new Set();
const check = (el, colour, bg, need, what) => {
  const r = ratio(colour, bg);
  const key = what + colour + bg;
  if (r < need && !seen.has(key)) { seen.add(key); out.contrast.push(what + " " + name(el) + " " + r.toFixed(2) + ":1 < " + need); }
};
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  if (!node.textContent.trim()) continue;
  const el = node.parentElement;
  if (!el || !visible(el) || el.closest(".visually-hidden, script, style")) continue;
  const s = getComputedStyle(el);
  const svgText = el instanceof SVGElement;
  const fg = parse(svgText ? s.fill : s.color);
  if (!fg) continue;
  const bg = background(svgText ? el.closest("svg.chart") || el : el);
  const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight, 10) >= 700;
  const large = size >= 24 || (bold && size >= 18.66);
  check(el, over(fg.slice(0, 3).concat([fg[3] * parseFloat(s.opacity)]), bg), bg, large ? 3 : 4.5, "text '" + node.textContent.trim().slice(0, 16) + "'");
}
for (const input of document.querySelectorAll("input[type=search]")) {
  if (!visible(input)) continue;
  const bg = background(input.parentElement);
  check(input, parse(getComputedStyle(input).borderTopColor), bg, 3, "search box border");
  const ph = parse(getComputedStyle(input, "::placeholder").color);
  check(input, over(ph, background(input)), background(input), 4.5, "placeholder");
}

// Structure.
const icon = document.querySelector("link[rel~=icon]");
if (!icon) out.structure.push("no favicon");
for (const a of document.querySelectorAll("a[href]")) {
  if (a.closest("[hidden]") || a.closest(".visually-hidden") || a.classList.contains("skip")) continue;
  const label = (a.getAttribute("aria-label") || a.textContent).trim();
  const r = a.getBoundingClientRect();
  if (!label) out.structure.push("a link without a name: " + a.getAttribute("href"));
  if (visible(a.parentElement) && (r.width === 0 || r.height === 0) && !a.closest("details:not([open])")) out.structure.push("a zero-sized link: " + a.getAttribute("href"));
}
const footer = document.querySelector("footer");
if (footer && /^\s*·|·\s*$/.test(footer.textContent)) out.structure.push("footer reads '" + footer.textContent.trim() + "'");
const parts = document.title.split(" · ");
if (parts.length === 2 && parts[0] === parts[1]) out.structure.push("title repeats: " + document.title);
if (!document.title.trim()) out.structure.push("no title");
for (const pre of document.querySelectorAll("pre")) {
  out.facts.code_blocks += 1;
  const label = pre.getAttribute("aria-label") || pre.getAttribute("aria-labelledby");
  if (pre.tabIndex !== 0) out.structure.push("a code block cannot be focused");
  if (!label) out.structure.push("a code block has no name");
  pre.focus();
  if (document.activeElement !== pre) out.structure.push("a code block did not take the focus");
}
for (const m of document.querySelectorAll("math")) {
  out.facts.math_font = getComputedStyle(m).fontFamily;
  if (!/^"?STIX Two Math"?, "?Cambria Math"?, "?Latin Modern Math"?, "?DejaVu Math TeX Gyre"?, math$/.test(out.facts.math_font))
    out.structure.push("math is set in " + out.facts.math_font);
  break;
}
for (const el of document.querySelectorAll("[lang]")) {
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(el.getAttribute("lang"))) out.structure.push("bad lang " + el.getAttribute("lang"));
}
return out;
"""


def record(kind, where, items):
    for item in items:
        entry = "%s: %s" % (where, item)
        if entry not in problems[kind]:
            problems[kind].append(entry)


def fold(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn").lower()


def search_box():
    return driver.find_element(By.CSS_SELECTOR, "form.search input")


def results_open():
    return driver.execute_script(
        "const l = document.querySelector('.search-results'); return !l.hidden && l.children.length > 0")


def run_search(query):
    box = search_box()
    box.click()
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    box.send_keys(query)
    WebDriverWait(driver, 10).until(lambda d: results_open())
    WebDriverWait(driver, 5).until(
        lambda d: query in d.find_element(By.CSS_SELECTOR, ".search-status").get_attribute("textContent"))
    # The passages arrive with their lessons' text shards; the list is busy until then.
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "return !document.querySelector('.search-results').hasAttribute('aria-busy')"))
    return driver.execute_script(r"""
      const items = Array.from(document.querySelectorAll('.search-results li'));
      const status = document.querySelector('.search-status').textContent;
      const around = m => {
        const all = m.parentElement.textContent;
        let before = '', after = '';
        let at = 0;
        for (const n of m.parentElement.childNodes) { if (n === m) break; at += n.textContent.length; }
        before = all.slice(Math.max(0, at - 1), at); after = all.slice(at + m.textContent.length, at + m.textContent.length + 1);
        return [before, m.textContent, after];
      };
      return {status: status,
              shards: Array.from(document.querySelectorAll('script[src*="static/search/"]'), s => s.src),
              items: items.map(li => ({lang: li.lang, href: (li.querySelector('a') || {}).href || '',
                                       text: li.textContent,
                                       passage_marks: li.querySelectorAll('.passage mark').length,
                                       marks: Array.from(li.querySelectorAll('mark'), around)}))};
    """)


def check_search(where, width, scheme):
    bad = []
    found = {}
    lesson = "pt/backpropagation/index.html"
    driver.get(url(lesson))
    if driver.execute_script("return document.querySelectorAll("
                             "'script[src*=\"static/search-\"], script[src*=\"static/search/\"]').length") != 0:
        bad.append("search data is loaded before any search")
    res = run_search("regra da cadeia")
    found["status"] = res["status"]
    # Each result's lesson text came, over HTTP, in the shard the index names for it.
    shard_of = driver.execute_script(
        "const out = {}; for (const [code, d] of Object.entries(window.GRADUS_SEARCH)) {"
        "for (let i = 0; i < d.lessons.length; i += 2) out[code + '/' + d.lessons[i]] = code + '/' + d.shards[i / 2]; }"
        "return out;")
    wanted = {shard_of.get(item["href"].split("/")[-3] + "/" + item["href"].split("/")[-2], "?") for item in res["items"]}
    loaded = {src.split("/")[-2] + "/" + src.split("/")[-1][:-3] for src in res["shards"]}
    if not wanted <= loaded:
        bad.append("shards missing for %r" % sorted(wanted - loaded))
    if not any(item["passage_marks"] for item in res["items"]):
        bad.append("no passage has a mark")
    if not re.fullmatch(r"\d+ resultados? para “regra da cadeia”", res["status"]):
        bad.append("status reads '%s'" % res["status"])
    if any("\\" in item["text"] for item in res["items"]):
        bad.append("a snippet shows TeX: " + next(i["text"] for i in res["items"] if "\\" in i["text"])[:80])
    phrase = [m for item in res["items"] for m in item["marks"] if fold(m[1]) == "regra da cadeia"]
    if not phrase:
        bad.append("the phrase is never marked")
    for item in res["items"]:
        for before, text, after in item["marks"]:
            if (before and before.isalnum()) or (after and after.isalnum()) or not text.strip():
                bad.append("a mark cuts a word: %r%r%r" % (before, text, after))
    # Keyboard: Down to the first result, Down to the second, Up back, Up to the box; Escape closes.
    box = search_box()
    box.send_keys(Keys.ARROW_DOWN)
    links = driver.find_elements(By.CSS_SELECTOR, ".search-results a")
    if driver.switch_to.active_element != links[0]:
        bad.append("Down does not reach the first result")
    driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    if len(links) > 1 and driver.switch_to.active_element != links[1]:
        bad.append("Down does not reach the second result")
    driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
    driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
    if driver.switch_to.active_element != box:
        bad.append("Up from the first result does not return to the box")
    box.send_keys(Keys.ESCAPE)
    if results_open():
        bad.append("Escape does not close the results")
    if box.get_attribute("value") != "regra da cadeia":
        bad.append("the first Escape clears the box")
    # Reopen, then click outside.
    box.send_keys(" ")
    WebDriverWait(driver, 5).until(lambda d: results_open())
    panel = driver.execute_script("const r = document.querySelector('.search-results').getBoundingClientRect();"
                                  "return [r.left, r.right, document.documentElement.clientWidth]")
    if panel[0] < -1 or panel[1] > panel[2] + 1:
        bad.append("the results leave the screen: %r" % panel)
    contrast = driver.execute_script(r"""
      const m = document.querySelector('.search-results mark');
      if (!m) return null;
      const p = c => c.match(/[\d.]+/g).map(Number);
      const L = c => { const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                       return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
      const r = (a, b) => { const x = L(a), y = L(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
      const mb = p(getComputedStyle(m).backgroundColor), mf = p(getComputedStyle(m).color);
      const lb = p(getComputedStyle(document.querySelector('.search-results')).backgroundColor);
      return [r(mf, mb), r(mb, lb)];
    """)
    if contrast and (contrast[0] < 4.5 or contrast[1] < 3):
        bad.append("highlight contrast text %.2f, against the list %.2f" % tuple(contrast))
    driver.find_element(By.TAG_NAME, "footer").click()
    if results_open():
        bad.append("a click outside does not close the results")
    # Enter opens the first result.
    first = run_search("regra da cadeia")["items"][0]["href"]
    search_box().send_keys(Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: d.current_url == first)
    # Stemming and accents.
    driver.get(url(lesson))
    res = run_search("gradientes")
    if not any(fold(m[1]) == "gradiente" for item in res["items"] for m in item["marks"]):
        bad.append("'gradientes' does not find 'gradiente'")
    res = run_search("funcao ativacao")
    found["accent_mark"] = next((fold(m[1]) for item in res["items"] for m in item["marks"]
                                 if fold(m[1]).startswith("func")), "")
    driver.get(url("de/backpropagation/index.html"))
    res = run_search("Schichten")
    if not any(fold(m[1]) == "schicht" for item in res["items"] for m in item["marks"]):
        bad.append("'Schichten' does not find 'Schicht'")
    if not re.fullmatch(r"\d+ Ergebnisse? für „Schichten“", res["status"]):
        bad.append("German status reads '%s'" % res["status"])
    driver.get(url("en/backpropagation/index.html"))
    res = run_search("zzqx")
    found["none"] = res["status"]
    if res["status"] != "No results for “zzqx”":
        bad.append("English status for nothing reads '%s'" % res["status"])
    # The root page searches every language.
    driver.get(url("index.html"))
    res = run_search("vanishing")
    langs = sorted({item["lang"] for item in res["items"]})
    found["root_languages"] = langs
    if "en" not in langs:
        bad.append("the root page does not find English lessons: %r" % langs)
    res = run_search("Gradient")
    found["root_gradient_languages"] = sorted({item["lang"] for item in res["items"]})
    if shots:
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(os.path.join(shots, "search-root-%d-%s.png" % (width, scheme)))
    record("search", where, bad)
    facts["search"]["%d-%s" % (width, scheme)] = found


def check_switcher(where):
    bad = []
    driver.get(url("pt/backpropagation/index.html", "#chain-rule"))
    time.sleep(0.2)
    hrefs = driver.execute_script("return Array.from(document.querySelectorAll('.languages a'), a => a.href)")
    if not hrefs or not all(h.endswith("/backpropagation/index.html#chain-rule") for h in hrefs):
        bad.append("switcher links %r" % hrefs)
    record("switcher", where, bad)
    driver.find_element(By.CSS_SELECTOR, ".languages a[hreflang=en]").click()
    try:
        WebDriverWait(driver, 5).until(lambda d: d.current_url.endswith("/en/backpropagation/index.html#chain-rule"))
    except Exception:
        record("switcher", where, ["the English link led to " + driver.current_url])


try:
    for scheme in SCHEMES:
        for width in WIDTHS:
            emulate(width, scheme)
            where = "%d px %s" % (width, scheme)
            for page in pages:
                driver.get(url(page))
                found = driver.execute_script(PAGE_CHECKS, width)
                for kind in ["overflow", "chart_text", "captions", "charts", "headings", "contrast", "structure"]:
                    record(kind, "%s %s" % (page, where), found[kind])
                f = found["facts"]
                facts["pages"] += 1
                facts["charts"] = max(facts["charts"], 0) + (f["charts"] if (scheme, width) == ("light", 1280) else 0)
                facts["captions"] += f["captions"] if (scheme, width) == ("light", 1280) else 0
                facts["code_blocks"] += f["code_blocks"] if (scheme, width) == ("light", 1280) else 0
                facts["min_chart_font"] = min(facts["min_chart_font"], f["min_chart_font"])
                facts["math_font"] = facts["math_font"] or f["math_font"]
                if shots and page in ("index.html", "pt/vanishing-gradient/index.html", "de/weight-initialization/index.html",
                                      "en/diagnosing-training/index.html"):
                    driver.save_screenshot(os.path.join(shots, "%s-%d-%s.png" % (
                        page.replace("/index.html", "").replace("/", "-").replace(".html", ""), width, scheme)))
            for kind, step in [("switcher", lambda: check_switcher(where)),
                               ("search", lambda: check_search(where, width, scheme))]:
                try:
                    step()
                except Exception as error:  # a wait that timed out: the behaviour is missing
                    record(kind, where, ["%s: %s" % (type(error).__name__, str(error).strip()[:200] or "timed out")])
    for entry in driver.get_log("browser"):
        if entry["level"] == "SEVERE":
            problems["console"].append(entry["message"])
finally:
    driver.quit()
    server.shutdown()

print(json.dumps({"problems": problems, "facts": facts}, ensure_ascii=False))
