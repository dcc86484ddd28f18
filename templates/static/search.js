// Gradus search. Loads each language's index (a script, so it also works from file://) on first use: titles,
// headings and a dictionary of the text's words with the sections they occur in. Words match by their beginning
// ("grad" finds "gradiente") and through a light stemmer per language ("gradientes" finds "gradiente",
// "Schichten" finds "Schicht", "layers" finds "layer"), folding case and accents ("sao" finds "são", "grosse"
// finds "Größe"). Title matches rank first, then headings, then text; a query's words side by side (a phrase) in
// a title or heading rank higher. Results show at once; each lesson's text (one more script, loaded only when
// one of its results is shown) then fills in their passages, math in Unicode, with the words that matched (whole
// words) and the phrase marked. The root page searches every language.
// Keyboard: Down/Up move through the results, Enter opens one, Escape closes them (twice clears the box).
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form) { return; }
  var input = form.querySelector("input");
  var list = form.querySelector(".search-results");
  var status = form.querySelector(".search-status");
  var languages = form.dataset.langs.split(";").filter(Boolean).map(function (item) {
    var parts = item.split("|");
    return { code: parts[0], html: parts[1] || parts[0], name: parts[2] || parts[0] };
  });
  var several = languages.length > 1;
  var entries = null; // every section of every language searched, once the indexes are in
  var books = null; // per language: its sections, and its dictionary's words with their postings
  var texts = {};
  var shown = [];
  var current = [];
  var fetching = 0;
  var loading = false;
  var waiting = [];
  var announce = 0;
  var MAX = 20;
  form.hidden = false;

  // MARK: Folding and stemming

  function foldWord(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/ß/g, "ss");
  }

  // Light stemmers: plurals and the commonest inflections only, so that a word's forms meet and words stay words.
  var stemmers = {
    en: function (w) {
      if (w.length > 4 && /ies$/.test(w) && !/[ae]ies$/.test(w)) { w = w.slice(0, -3) + "y"; }
      else if (w.length > 3 && /es$/.test(w) && /(ss|x|ch|sh|zz)es$/.test(w)) { w = w.slice(0, -2); }
      else if (w.length > 3 && /s$/.test(w) && !/(ss|us|is)$/.test(w)) { w = w.slice(0, -1); }
      if (w.length > 5 && /ing$/.test(w)) { w = w.slice(0, -3); }
      else if (w.length > 4 && /ed$/.test(w) && !/eed$/.test(w)) { w = w.slice(0, -2); }
      if (w.length > 4 && /e$/.test(w)) { w = w.slice(0, -1); }
      if (w.length > 4 && /(.)\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) { w = w.slice(0, -1); }
      return w;
    },
    pt: function (w) {
      if (w.length > 3) {
        if (/oes$|aes$/.test(w)) { w = w.slice(0, -3) + "ao"; }
        else if (/ais$/.test(w)) { w = w.slice(0, -3) + "al"; }
        else if (/eis$/.test(w) && w.length > 4) { w = w.slice(0, -3) + "el"; }
        else if (/ois$/.test(w)) { w = w.slice(0, -3) + "ol"; }
        else if (/ns$/.test(w)) { w = w.slice(0, -2) + "m"; }
        else if (/(r|z|s)es$/.test(w) && w.length > 5) { w = w.slice(0, -2); }
        else if (/s$/.test(w) && !/(ss|us)$/.test(w)) { w = w.slice(0, -1); }
      }
      if (w.length > 4 && /[aeo]$/.test(w)) { w = w.slice(0, -1); }
      return w;
    },
    de: function (w) {
      // After the German light stemmer of Savoy (also Lucene's): two steps of inflectional endings.
      var st = /[bdfghklmnt]/;
      if (w.length > 5 && /ern$/.test(w)) { w = w.slice(0, -3); }
      else if (w.length > 4 && /e[mnrs]$/.test(w)) { w = w.slice(0, -2); }
      else if (w.length > 3 && /e$/.test(w)) { w = w.slice(0, -1); }
      else if (w.length > 3 && /s$/.test(w) && st.test(w[w.length - 2])) { w = w.slice(0, -1); }
      if (w.length > 5 && /est$/.test(w)) { w = w.slice(0, -3); }
      else if (w.length > 4 && /e[rn]$/.test(w)) { w = w.slice(0, -2); }
      else if (w.length > 4 && /st$/.test(w) && st.test(w[w.length - 3])) { w = w.slice(0, -2); }
      return w;
    }
  };
  function stemmer(code) { return stemmers[code.split("-")[0]] || function (w) { return w; }; }

  var WORD = /[\p{L}\p{N}]+/gu;

  // The words of a text: where each starts and ends in it, folded, and stemmed for the language.
  function words(text, stem) {
    var out = [], match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) {
      var folded = foldWord(match[0]);
      out.push({ start: match.index, end: match.index + match[0].length, fold: folded, stem: stem(folded) });
    }
    return out;
  }

  // MARK: Loading

  // The index proper of each language (titles, headings and the dictionary of its words with their sections).
  function load(done) {
    if (entries) { done(); return; }
    waiting.push(done);
    if (loading) { return; }
    loading = true;
    var left = languages.length;
    window.GRADUS_SEARCH = window.GRADUS_SEARCH || {};
    languages.forEach(function (language) {
      function loaded() { left -= 1; if (left === 0) { prepare(); } }
      if (window.GRADUS_SEARCH[language.code]) { loaded(); return; }
      var script = document.createElement("script");
      script.src = form.dataset.index + language.code + ".js";
      script.onload = loaded;
      script.onerror = loaded;
      document.head.appendChild(script);
    });
  }

  // A word's postings: for each section it occurs in, its number and whether the word is frequent there (4 or
  // more times). Each is `(gap - 1) * 2 + frequent` in base-32 digits, the higher ones from DIGITS' second 32.
  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$";
  function postings(code) {
    var out = [], value = 0, section = -1;
    for (var i = 0; i < code.length; i++) {
      var digit = DIGITS.indexOf(code[i]);
      if (digit >= 32) { value = value * 32 + digit - 32; continue; }
      value = value * 32 + digit;
      section += Math.floor(value / 2) + 1;
      out.push([section, value % 2 ? 4 : 1]);
      value = 0;
    }
    return out;
  }

  // The dictionary's words, front-coded: before each, a mark saying how much of the previous word it keeps.
  var MARKS = "!#$%'()*+,-./:;=";
  function dictionary(code) {
    var out = [], word = "", i = 0;
    while (i < code.length) {
      var j = i + 1;
      while (j < code.length && MARKS.indexOf(code[j]) < 0) { j++; }
      word = word.slice(0, MARKS.indexOf(code[i])) + code.slice(i + 1, j);
      out.push(word);
      i = j;
    }
    return out;
  }

  function prepare() {
    entries = [];
    books = [];
    languages.forEach(function (language) {
      var data = window.GRADUS_SEARCH[language.code];
      if (!data) { return; }
      var stem = stemmer(language.code);
      var lessons = [];
      for (var l = 0; l + 1 < data.lessons.length; l += 2) {
        var title = data.lessons[l + 1];
        lessons.push({ slug: data.lessons[l], title: title, words: words(title, stem), sections: [],
                       shard: data.shards ? data.shards[l / 2] : 0 });
      }
      var own = [];
      for (var s = 0; s + 2 < data.sections.length; s += 3) {
        var lesson = lessons[data.sections[s]], id = data.sections[s + 1], heading = data.sections[s + 2];
        var entry = { lesson: lesson, place: lesson.sections.length, heading: heading, language: language, stem: stem,
                      url: language.code + "/" + lesson.slug + "/index.html" + (id ? "#" + id : ""),
                      words: [lesson.words, words(heading, stem), null], text: null };
        entry.number = own.length;
        lesson.sections.push(entry);
        own.push(entry);
        entries.push(entry);
      }
      var list = dictionary(data.words || "");
      var codes = data.postings ? data.postings.split(" ") : [];
      books.push({ stem: stem, sections: own,
                   words: list.map(function (w, i) { return { fold: w, stem: stem(w), code: codes[i] || "", postings: null }; }) });
    });
    var callbacks = waiting;
    waiting = [];
    callbacks.forEach(function (callback) { callback(); });
  }

  // The text shard holding a lesson's sections (for the passages; a shard holds a few lessons), asked for (when
  // `start`) once one of its results is shown. True when the entry's text is there, or will never come.
  function loadText(entry, start) {
    var key = entry.language.code + "/" + entry.lesson.slug;
    var file = entry.language.code + "/" + entry.lesson.shard;
    window.GRADUS_SEARCH_TEXT = window.GRADUS_SEARCH_TEXT || {};
    if (start && texts[file] === undefined && !window.GRADUS_SEARCH_TEXT[key]) {
      texts[file] = "loading";
      var script = document.createElement("script");
      script.src = form.dataset.root + "static/search/" + file + ".js";
      script.onload = function () { texts[file] = "done"; fill(true); };
      script.onerror = function () { texts[file] = "failed"; fill(true); };
      document.head.appendChild(script);
    }
    var loaded = window.GRADUS_SEARCH_TEXT[key];
    if (loaded && entry.text === null) {
      entry.lesson.sections.forEach(function (e) {
        e.text = loaded[e.place] || "";
        e.words[2] = words(e.text, e.stem);
      });
    }
    return entry.text !== null || texts[file] === "failed" || (texts[file] === "done" && !loaded);
  }

  // MARK: Matching

  // The query's terms: folded words; the last one may still be being typed, so it also matches as a beginning.
  function parse(query) {
    var terms = words(query, function (w) { return w; }).map(function (w) { return w.fold; });
    var open = !/\s$/.test(query);
    return terms.map(function (fold, i) { return { fold: fold, prefix: fold.length > 2 || (open && i === terms.length - 1) }; })
      .filter(function (t) { return t.fold.length > 1 || terms.length === 1; });
  }

  // How well a word matches a term: 3 the same word, 2 the same stem, 1 a word that begins with the term, 0 none.
  function grade(word, term, stem) {
    if (word.fold === term.fold) { return 3; }
    if (term.fold.length > 2 && word.stem === stem(term.fold)) { return 2; }
    if (term.prefix && word.fold.lastIndexOf(term.fold, 0) === 0) { return 1; }
    return 0;
  }

  // Where the query's terms follow each other in `list` (word indices of each occurrence's first word).
  function phrases(list, terms, stem) {
    var found = [];
    if (terms.length < 2) { return found; }
    for (var i = 0; i + terms.length <= list.length; i++) {
      var all = true;
      for (var j = 0; j < terms.length && all; j++) { all = grade(list[i + j], terms[j], stem) > 0; }
      if (all) { found.push(i); }
    }
    return found;
  }

  // For each term, the sections of a language whose text holds words that match it: how well (the best grade)
  // and how often.
  function bodyMatches(book, terms) {
    return terms.map(function (term) {
      var found = {};
      book.words.forEach(function (word) {
        var g = grade(word, term, book.stem);
        if (g === 0) { return; }
        if (!word.postings) { word.postings = postings(word.code); }
        word.postings.forEach(function (p) {
          var f = found[p[0]] || (found[p[0]] = { quality: 0, count: 0 });
          f.quality = Math.max(f.quality, g);
          f.count += p[1];
        });
      });
      return found;
    });
  }

  // Title matches weigh most, then headings, then the text (more for more occurrences); every term must match
  // somewhere, and the terms side by side in the title or heading (a phrase) add more.
  function score(entry, terms, body) {
    var total = 0, weights = [10, 5];
    for (var t = 0; t < terms.length; t++) {
      var best = 0;
      for (var field = 0; field < 2; field++) {
        var list = entry.words[field], quality = 0;
        for (var i = 0; i < list.length; i++) { quality = Math.max(quality, grade(list[i], terms[t], entry.stem)); }
        best += weights[field] * quality / 3;
      }
      var inText = body[t][entry.number];
      if (inText) { best += (inText.quality / 3) * Math.min(1 + inText.count / 4, 3); }
      if (best === 0) { return 0; }
      total += best;
    }
    for (var f = 0; f < 2; f++) { if (phrases(entry.words[f], terms, entry.stem).length > 0) { total += [30, 20][f]; } }
    return total;
  }

  // MARK: Showing

  // The ranges to mark in `text`: each phrase as one range, and every other word that matches a term, whole.
  function marks(list, terms, stem, from, to) {
    var ranges = [], covered = {};
    phrases(list, terms, stem).forEach(function (i) {
      var last = i + terms.length - 1;
      if (list[i].start >= from && list[last].end <= to) {
        ranges.push([list[i].start, list[last].end]);
        for (var k = i; k <= last; k++) { covered[k] = true; }
      }
    });
    list.forEach(function (word, i) {
      if (covered[i] || word.start < from || word.end > to) { return; }
      for (var t = 0; t < terms.length; t++) {
        // Short words ("da", "of") are marked only inside the phrase: alone they are everywhere.
        if ((terms[t].fold.length > 2 || terms.length === 1) && grade(word, terms[t], stem) > 0) { ranges.push([word.start, word.end]); return; }
      }
    });
    return ranges.sort(function (a, b) { return a[0] - b[0]; });
  }

  // Appends `text` from `from` to `to` to `parent`, its marked ranges in <mark>.
  function append(parent, text, ranges, from, to) {
    var at = from;
    ranges.forEach(function (r) {
      if (r[0] < at) { return; }
      parent.append(text.slice(at, r[0]));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      parent.appendChild(mark);
      at = r[1];
    });
    parent.append(text.slice(at, to));
  }

  // The passage to show: about 200 characters around the first phrase, else around the place where the most
  // different terms meet, cut at word boundaries.
  function passage(entry, terms) {
    var list = entry.words[2], text = entry.text;
    if (list.length === 0) { return { from: 0, to: 0 }; }
    var anchor = -1;
    var found = phrases(list, terms, entry.stem);
    if (found.length > 0) {
      anchor = found[0];
    } else {
      var bestCount = 0;
      for (var i = 0; i < list.length; i++) {
        if (!terms.some(function (t) { return grade(list[i], t, entry.stem) > 0; })) { continue; }
        var seen = {}, count = 0;
        for (var j = i; j < list.length && list[j].start - list[i].start < 160; j++) {
          for (var t = 0; t < terms.length; t++) {
            if (!seen[t] && grade(list[j], terms[t], entry.stem) > 0) { seen[t] = true; count += 1; }
          }
        }
        if (count > bestCount) { bestCount = count; anchor = i; }
      }
    }
    var from = 0;
    if (anchor > 0) {
      var k = anchor;
      while (k > 0 && list[anchor].start - list[k - 1].start <= 60) { k -= 1; }
      from = list[k].start;
    }
    var to = text.length;
    if (to - from > 220) {
      var m = from;
      for (var w = 0; w < list.length; w++) { if (list[w].start >= from && list[w].end - from <= 220) { m = list[w].end; } }
      to = m;
    }
    return { from: from, to: to };
  }

  function format(template, count, query) {
    return template.replace("{count}", String(count)).replace("{query}", query);
  }

  function statusText(count, query) {
    if (count === 0) { return format(form.dataset.statusNone || form.dataset.none, count, query); }
    var plural = "other";
    try { plural = new Intl.PluralRules(document.documentElement.lang).select(count); } catch (e) { /* old browser */ }
    var template = plural === "one" ? form.dataset.statusOne : form.dataset.statusOther;
    return format(template || String(count), count, query);
  }

  function open() { list.hidden = false; }
  function close() { list.hidden = true; }
  function isOpen() { return !list.hidden && list.children.length > 0; }

  // Fills in the passages of the results shown whose lesson's text has arrived, and (when `start`) asks for the
  // others'. The list is busy (aria-busy) until every passage is in.
  function fill(start) {
    var busy = false;
    shown.forEach(function (item) {
      if (item.done) { return; }
      if (!loadText(item.entry, start)) { busy = true; return; }
      item.done = true;
      var e = item.entry;
      if (e.text === null) { return; }
      var range = passage(e, current);
      if (range.to > range.from) {
        var text = document.createElement("span");
        text.className = "passage";
        if (range.from > 0) { text.append("… "); }
        append(text, e.text, marks(e.words[2], current, e.stem, range.from, range.to), range.from, range.to);
        if (range.to < e.text.length) { text.append(" …"); }
        item.link.appendChild(text);
      }
    });
    if (busy) { list.setAttribute("aria-busy", "true"); } else { list.removeAttribute("aria-busy"); }
  }

  function search() {
    var query = input.value.trim();
    var terms = parse(input.value);
    list.textContent = "";
    shown = [];
    list.removeAttribute("aria-busy");
    if (query === "" || terms.length === 0) { close(); status.textContent = ""; return; }
    var results = [];
    books.forEach(function (book) {
      var body = bodyMatches(book, terms);
      book.sections.forEach(function (e) {
        var s = score(e, terms, body);
        if (s > 0) { results.push({ entry: e, score: s }); }
      });
    });
    results.sort(function (a, b) { return b.score - a.score; });
    results.slice(0, MAX).forEach(function (r) {
      var e = r.entry;
      var item = document.createElement("li");
      if (several || e.language.html !== document.documentElement.lang) { item.lang = e.language.html; }
      var link = document.createElement("a");
      link.href = form.dataset.root + e.url;
      var where = document.createElement("span");
      where.className = "where";
      append(where, e.lesson.title, marks(e.words[0], terms, e.stem, 0, e.lesson.title.length), 0, e.lesson.title.length);
      if (e.heading) {
        where.append(" › ");
        append(where, e.heading, marks(e.words[1], terms, e.stem, 0, e.heading.length), 0, e.heading.length);
      }
      link.appendChild(where);
      if (several) {
        var language = document.createElement("span");
        language.className = "language";
        language.textContent = e.language.name;
        link.appendChild(language);
      }
      item.appendChild(link);
      list.appendChild(item);
      shown.push({ entry: e, link: link, done: false });
    });
    if (results.length === 0) {
      var none = document.createElement("li");
      none.className = "empty";
      none.textContent = form.dataset.none;
      list.appendChild(none);
    }
    current = terms;
    fill(false);
    // The texts still missing are asked for once the typing pauses, not for every prefix typed.
    window.clearTimeout(fetching);
    fetching = window.setTimeout(function () { fill(true); }, 150);
    open();
    // Said once the typing pauses, not at every key.
    var said = statusText(results.length, query);
    window.clearTimeout(announce);
    announce = window.setTimeout(function () { status.textContent = said; }, 350);
  }

  // MARK: Events

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  input.addEventListener("input", function () { load(search); });
  input.addEventListener("focus", function () {
    load(function () { if (input.value.trim() !== "" && list.hidden) { search(); } });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    load(function () {
      search();
      var first = list.querySelector("a");
      if (first) { window.location.href = first.href; }
    });
  });
  form.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!isOpen() || all.length === 0) { return; }
      event.preventDefault();
      var next = event.key === "ArrowDown" ? at + 1 : at - 1;
      if (at < 0) { next = event.key === "ArrowDown" ? 0 : all.length - 1; }
      if (next < 0) { input.focus(); return; }
      all[Math.min(next, all.length - 1)].focus();
    } else if (event.key === "Escape") {
      if (isOpen()) {
        event.preventDefault();
        close();
        input.focus();
      } else if (input.value !== "") {
        event.preventDefault();
        input.value = "";
        status.textContent = "";
        list.textContent = "";
      }
    }
  });
  // Results close when the reader clicks or moves the focus anywhere else.
  document.addEventListener("pointerdown", function (event) {
    if (!form.contains(event.target)) { close(); }
  });
  form.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !form.contains(event.relatedTarget)) { close(); }
  });
})();
