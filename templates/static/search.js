// Gradus search: loads this language's index (a script, so it also works from file://) on first use and
// searches it in the page, folding case and accents ("sao" finds "são", "grosse" finds "Größe"). Title matches
// rank first, then headings, then text; each result shows the passage that matched.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form) { return; }
  var input = form.querySelector("input");
  var list = form.querySelector(".search-results");
  var status = form.querySelector(".search-status");
  var lang = form.dataset.lang;
  var entries = null;
  form.hidden = false;

  function foldChar(c) { return c.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/ß/g, "ss"); }
  // The folded text and, for each folded character, the index of the original character it came from.
  function fold(text) {
    var out = "", map = [];
    for (var i = 0; i < text.length; i++) {
      var f = foldChar(text[i]);
      for (var j = 0; j < f.length; j++) { out += f[j]; map.push(i); }
    }
    return { text: out, map: map };
  }

  function load(done) {
    if (entries) { done(); return; }
    if (window.GRADUS_SEARCH && window.GRADUS_SEARCH[lang]) { prepare(); done(); return; }
    var script = document.createElement("script");
    script.src = form.dataset.index;
    script.onload = function () { prepare(); done(); };
    document.head.appendChild(script);
  }

  function prepare() {
    entries = (window.GRADUS_SEARCH[lang] || []).map(function (e) {
      return { title: e[0], heading: e[1], url: e[2], text: e[3], ft: fold(e[0]).text, fh: fold(e[1]).text, fx: fold(e[3]) };
    });
  }

  function snippet(entry, terms) {
    var at = -1;
    terms.forEach(function (t) { var i = entry.fx.text.indexOf(t); if (i >= 0 && (at < 0 || i < at)) { at = i; } });
    if (at < 0) { return { before: entry.text.slice(0, 140), match: "", after: "" }; }
    var start = entry.fx.map[at], end = entry.fx.map[Math.min(at + terms[0].length, entry.fx.map.length) - 1] + 1;
    var from = Math.max(0, start - 60);
    return { before: (from > 0 ? "…" : "") + entry.text.slice(from, start), match: entry.text.slice(start, end),
             after: entry.text.slice(end, end + 80) + "…" };
  }

  function search() {
    var terms = fold(input.value.trim()).text.split(/\s+/).filter(function (t) { return t.length > 1; });
    list.textContent = "";
    if (terms.length === 0) { status.textContent = ""; return; }
    var results = [];
    entries.forEach(function (e) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var t = terms[i], s = 0;
        if (e.ft.indexOf(t) >= 0) { s += 10; }
        if (e.fh.indexOf(t) >= 0) { s += 5; }
        if (e.fx.text.indexOf(t) >= 0) { s += 1; }
        if (s === 0) { return; }
        score += s;
      }
      results.push({ entry: e, score: score });
    });
    results.sort(function (a, b) { return b.score - a.score; });
    results.slice(0, 10).forEach(function (r) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = form.dataset.root + r.entry.url;
      link.textContent = r.entry.title + (r.entry.heading ? " › " + r.entry.heading : "");
      var passage = document.createElement("p");
      var parts = snippet(r.entry, terms);
      var mark = document.createElement("mark");
      mark.textContent = parts.match;
      passage.append(parts.before, mark, parts.after);
      item.append(link, passage);
      list.appendChild(item);
    });
    status.textContent = results.length === 0 ? form.dataset.none : String(results.length);
    if (results.length === 0) {
      var none = document.createElement("li");
      none.textContent = form.dataset.none;
      list.appendChild(none);
    }
  }

  input.addEventListener("input", function () { load(search); });
  input.addEventListener("focus", function () { load(function () {}); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) { window.location.href = first.href; }
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { input.value = ""; list.textContent = ""; }
  });
})();
