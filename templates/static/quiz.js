// Gradus quizzes: grade a reply in the page, allow the course's number of tries (a wrong one marks the option
// chosen and reveals nothing), then show the key with every option's reason; switch a computed question to other
// numbers; remember each question's state in this browser. Without this script each quiz shows its answer in
// its <details>.
(function (root) {
  "use strict";

  // The learner's reply, read as Gradus reads it in the terminal (NumberReply.parse): an optional sign (+, -
  // or U+2212), digits with one decimal point (or the language's decimal comma), an optional exponent of 1 to 4
  // digits, or a fraction a/b of two such numbers. Returns the number, or null for a reply in the wrong form.
  // The spaces trimmed around it are Foundation's CharacterSet.whitespaces, which counts U+200B among them.
  var EDGE_SPACE = /^[\t \u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]+|[\t \u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]+$/g;
  function parseNumber(text, decimalSeparator) {
    var comma = decimalSeparator === ",";
    var parts = String(text).replace(EDGE_SPACE, "").split("/");
    function decimal(part) {
      var chars = Array.from(part), i = 0, normal = "", digits = 0, mark = false, exponent = 0;
      var sign = function (c) { return c === "-" || c === "\u2212" || c === "+"; };
      var digit = function (c) { return c !== undefined && c.length === 1 && c >= "0" && c <= "9"; };
      if (sign(chars[i])) { normal += chars[i] === "+" ? "" : "-"; i += 1; }
      for (; i < chars.length; i += 1) {
        if (digit(chars[i])) { normal += chars[i]; digits += 1; } else if ((chars[i] === "." || (comma && chars[i] === ",")) && !mark) { mark = true; normal += "."; } else { break; }
      }
      if (digits === 0) { return null; }
      if (chars[i] === "e" || chars[i] === "E") {
        normal += "e";
        i += 1;
        if (sign(chars[i])) { normal += chars[i] === "+" ? "+" : "-"; i += 1; }
        for (; digit(chars[i]); i += 1) { normal += chars[i]; exponent += 1; }
        if (exponent === 0 || exponent > 4) { return null; }
      }
      var value = Number(normal);
      return i === chars.length && isFinite(value) ? value : null;
    }
    if (parts.length === 1) { return decimal(parts[0]); }
    if (parts.length !== 2) { return null; }
    var top = decimal(parts[0].replace(EDGE_SPACE, "")), bottom = decimal(parts[1].replace(EDGE_SPACE, ""));
    return top === null || bottom === null || bottom === 0 ? null : top / bottom;
  }

  // Whether a reply is right for a key {value, absolute} or {value, relative}, as NumericAnswer.accepts: within
  // the allowance, widened by four units in the last place of each number so that a reply exactly on the bound
  // (0.251 for 0.25 ± 0.001) counts.
  function accepts(key, reply) {
    if (!isFinite(reply) || !isFinite(key.value)) { return reply === key.value; }
    var allowance = key.absolute !== undefined ? key.absolute : key.relative * Math.abs(key.value);
    var slack = 4 * (ulp(key.value) + ulp(reply));
    return Math.abs(reply - key.value) <= allowance + slack;
  }

  // Swift's Double.ulp of |x|: 2^(e-52) for a normal number of exponent e, the least subnormal below that.
  function ulp(x) {
    var view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, Math.abs(x));
    var exponent = view.getUint16(0) >> 4;
    if (exponent <= 52) { return Number.MIN_VALUE * Math.pow(2, Math.max(exponent - 1, 0)); }
    view.setUint32(0, (exponent - 52) << 20);
    view.setUint32(4, 0);
    return view.getFloat64(0);
  }

  root.GradusQuiz = { parseNumber: parseNumber, accepts: accepts };
  if (!root.document) { return; }

  var store = {
    get: function (key) { try { return JSON.parse(window.localStorage.getItem(key)); } catch (e) { return null; } },
    set: function (key, value) { try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ } },
    remove: function (key) { try { window.localStorage.removeItem(key); } catch (e) { /* private mode */ } }
  };
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };

  // A variant's key, from the data- attributes of the form or of a <div> in its template.
  function keyOf(data) {
    if (data.answer === undefined) { return { correct: data.correct ? data.correct.split(",") : [] }; }
    var key = { value: Number(data.answer) };
    if (data.absolute !== undefined) { key.absolute = Number(data.absolute); } else { key.relative = Number(data.relative); }
    return key;
  }

  // Variant 0 is the page as built; a computed question's others come from its <template>.
  function readVariants(form, labels) {
    var list = [{ key: keyOf(form.dataset), prompt: form.querySelector("legend.question").innerHTML,
                  options: labels.map(function (label) { return label.innerHTML; }),
                  answer: form.querySelector(".quiz-answer").innerHTML }];
    var template = form.querySelector("template.quiz-variants");
    each(template ? template.content.children : [], function (div) {
      var options = [];
      each(div.querySelectorAll(".quiz-options > li"), function (li) { options.push(li.innerHTML); });
      list.push({ key: keyOf(div.dataset), prompt: div.querySelector(".question").innerHTML, options: options,
                  answer: div.querySelector(".quiz-answer").innerHTML });
    });
    return list;
  }

  function setUp(form) {
    var data = form.dataset, numeric = data.kind === "numeric";
    var attempts = Math.max(1, parseInt(data.attempts, 10) || 1);
    var storageKey = "gradus.quiz." + data.question;
    var inputs = Array.prototype.slice.call(form.querySelectorAll("fieldset input"));
    var labels = numeric ? [] : inputs.map(function (input) { return form.querySelector("label[for='" + input.id + "']"); });
    var field = numeric ? inputs[0] : null;
    var feedback = form.querySelector(".quiz-feedback"), details = form.querySelector("details");
    var check = form.querySelector(".quiz-actions button[type=submit]"), newNumbers = form.querySelector(".quiz-new");
    var variants = readVariants(form, labels);
    var state = { variant: 0, tries: [], done: false };

    function say(message, kind, announce) {
      if (!announce) {
        feedback.setAttribute("aria-live", "off");
        setTimeout(function () { feedback.setAttribute("aria-live", "polite"); }, 0);
      }
      feedback.textContent = message;
      feedback.className = "quiz-feedback" + (kind ? " " + kind : "");
    }

    // A visible mark that screen readers read too: it sits in the option's label (or beside the number field,
    // which it describes); the tick or cross itself is hidden from them, the word is not.
    function mark(place, right, extra) {
      var span = document.createElement("span"), glyph = document.createElement("span");
      span.className = "quiz-mark " + (right ? "right" : "wrong");
      glyph.setAttribute("aria-hidden", "true");
      glyph.textContent = right ? "\u2713 " : "\u2717 ";
      // The space keeps the word apart from the option's text in the name a screen reader announces.
      span.appendChild(document.createTextNode(" "));
      span.appendChild(glyph);
      span.appendChild(document.createTextNode((right ? data.markRight : data.markWrong) + (extra || "")));
      place.appendChild(span);
      return span;
    }
    function marked(label) { return label.querySelector(".quiz-mark") !== null; }
    function markNumber(right, reply) {
      var old = form.querySelector(".quiz-number .quiz-mark");
      if (old) { old.parentNode.removeChild(old); }
      var span = mark(field.parentNode, right, right ? "" : ": " + reply.replace(EDGE_SPACE, ""));
      span.id = field.id + "-mark";
      field.setAttribute("aria-describedby", span.id);
    }
    function clearMarks() {
      each(form.querySelectorAll("fieldset .quiz-mark"), function (span) { span.parentNode.removeChild(span); });
      if (field) { field.removeAttribute("aria-describedby"); field.removeAttribute("aria-invalid"); }
    }

    function grade(reply) {
      var key = variants[state.variant].key;
      if (numeric) {
        var x = parseNumber(reply, data.decimal);
        return x !== null && accepts(key, x);
      }
      return reply.length === key.correct.length && reply.every(function (v) { return key.correct.indexOf(v) >= 0; });
    }

    function respond(reply, announce) {
      var right = grade(reply), left = attempts - state.tries.length;
      if (!right && left > 0) {
        // A wrong reply to a one-answer question marks that option; a wrong set of several is only called wrong,
        // since marking its options would tell which of them are right.
        if (numeric) { markNumber(false, reply); } else if (data.kind !== "multiple") {
          reply.forEach(function (value) { var label = labels[Number(value)]; if (!marked(label)) { mark(label, false); } });
        }
        say(data.wrong + " " + (left === 1 ? data.leftOne : data.leftOther).replace("{count}", String(left)), "wrong", announce);
        return;
      }
      state.done = true;
      say(right ? data.right : data.final, right ? "right" : "wrong", announce);
      if (numeric) {
        markNumber(right, reply);
        field.readOnly = true;
      } else {
        var correct = variants[state.variant].key.correct;
        labels.forEach(function (label, index) {
          var isRight = correct.indexOf(String(index)) >= 0;
          if (!marked(label) && (isRight || reply.indexOf(String(index)) >= 0)) { mark(label, isRight); }
        });
        var focused = inputs.indexOf(document.activeElement) >= 0;
        inputs.forEach(function (input) { input.disabled = true; });
        if (focused) { details.querySelector("summary").focus(); }
      }
      check.setAttribute("aria-disabled", "true");
      details.hidden = false;
      details.open = true;
    }

    function save() {
      if (state.variant === 0 && state.tries.length === 0) { store.remove(storageKey); return; }
      store.set(storageKey, { variant: state.variant, tries: state.tries });
    }

    // Back to an unanswered question (same numbers).
    function clear() {
      state.tries = [];
      state.done = false;
      form.reset();
      clearMarks();
      inputs.forEach(function (input) { input.disabled = false; input.readOnly = false; });
      check.removeAttribute("aria-disabled");
      details.open = false;
      details.hidden = true;
      say("", "", true);
    }

    function showVariant() {
      var variant = variants[state.variant];
      form.querySelector("legend.question").innerHTML = variant.prompt;
      labels.forEach(function (label, index) { label.innerHTML = variant.options[index]; });
      form.querySelector(".quiz-answer").innerHTML = variant.answer;
    }

    function chosen() {
      return inputs.filter(function (input) { return input.checked; }).map(function (input) { return input.value; });
    }

    function usable(reply) {
      if (numeric) { return typeof reply === "string" && parseNumber(reply, data.decimal) !== null; }
      return Array.isArray(reply) && reply.length > 0 && reply.every(function (v) {
        return typeof v === "string" && inputs.some(function (input) { return input.value === v; });
      });
    }

    form.querySelector(".quiz-actions").hidden = false;
    details.hidden = true;
    var saved = store.get(storageKey) || {};
    var savedVariant = saved.variant === undefined ? 0 : saved.variant;
    // A variant this page does not ship (the course changed) makes the whole entry stale.
    if (typeof savedVariant === "number" && savedVariant % 1 === 0 && savedVariant >= 0 && savedVariant < variants.length) {
      // Earlier versions kept one reply as {chosen, right}.
      var tries = Array.isArray(saved.tries) ? saved.tries : Array.isArray(saved.chosen) ? [saved.chosen] : [];
      if (savedVariant > 0) {
        state.variant = savedVariant;
        showVariant();
      }
      tries.filter(usable).slice(0, attempts).forEach(function (reply) {
        if (numeric) { field.value = reply; } else { inputs.forEach(function (input) { input.checked = reply.indexOf(input.value) >= 0; }); }
        state.tries.push(reply);
        respond(reply, false);
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (state.done) { return; }
      var reply = numeric ? field.value : chosen();
      if (numeric && parseNumber(reply, data.decimal) === null) {
        // Not a number in a form Gradus reads: a hint, and no try lost.
        field.setAttribute("aria-invalid", "true");
        say(data.expected, "hint", true);
        return;
      }
      if (!numeric && reply.length === 0) { return; }
      state.tries.push(reply);
      respond(reply, true);
      save();
    });
    if (field) { field.addEventListener("input", function () { field.removeAttribute("aria-invalid"); }); }
    form.querySelector(".quiz-reset").addEventListener("click", function () {
      clear();
      save();
      inputs[0].focus();
    });
    if (newNumbers) {
      newNumbers.addEventListener("click", function () {
        clear();
        state.variant = (state.variant + 1) % variants.length;
        showVariant();
        save();
        // The question changed: focus its first field, whose group names the new question to screen readers.
        inputs[0].focus();
      });
    }
  }

  each(document.querySelectorAll("form.quiz"), setUp);
})(this);
