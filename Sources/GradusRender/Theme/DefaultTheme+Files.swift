// Generated from templates/ by Tests/GradusRenderTests/DefaultThemeTests.swift; do not edit.
// Change templates/, then run: GRADUS_RECORD=1 swift test --filter DefaultThemeTests

extension DefaultTheme {
    static let files: [String: String] = [
        "404.mustache": #"""
<article class="not-found">
  <h1>{{t.not_found_title}}</h1>
  <p>{{t.not_found_text}}</p>
  <p><a href="{{root}}{{lang.code}}/index.html">{{t.back_to_course}}</a></p>
</article>

"""#,
        "i18n/de.json": #"""
{
  "language_name": "Deutsch",
  "html_lang": "de",
  "skip_to_content": "Zum Inhalt springen",
  "home": "Start",
  "lessons": "Lektionen",
  "lesson": "Lektion",
  "contents": "Inhalt",
  "choose_language": "Sprache wählen",
  "languages": "Sprachen",
  "link_to_section": "Link zu diesem Abschnitt",
  "log_scale": "logarithmische Skala",
  "on_this_page": "Auf dieser Seite",
  "previous_lesson": "Vorherige Lektion",
  "next_lesson": "Nächste Lektion",
  "fallback_notice": "Diese Lektion gibt es noch nicht auf {language}; angezeigt wird die Fassung „{fallback}“.",
  "not_found_title": "Seite nicht gefunden",
  "not_found_text": "Die gesuchte Seite gibt es nicht. Zurück zum Anfang des Kurses.",
  "back_to_course": "Zurück zum Kurs",
  "search": "Suchen",
  "no_results": "Keine Treffer",
  "search_status_none": "Keine Ergebnisse für „{query}“",
  "search_status_one": "{count} Ergebnis für „{query}“",
  "search_status_other": "{count} Ergebnisse für „{query}“",
  "code_block": "Code",
  "simulation": "Simulation",
  "show_table": "Tabelle anzeigen",
  "seed": "Startwert",
  "question": "Frage",
  "check_answer": "Antwort prüfen",
  "reset_answer": "Antwort zurücksetzen",
  "show_answer": "Antwort und Erklärung anzeigen",
  "correct": "Richtig! Gut gemacht.",
  "wrong": "Leider falsch. Versuch es noch einmal.",
  "correct_option": "Richtig",
  "wrong_option": "Falsch",
  "explanation": "Erklärung",
  "generated_by": "Erstellt mit Gradus",
  "decimal_separator": ",",
  "thousands_separator": ".",
  "quiz_true": "Wahr",
  "quiz_false": "Falsch",
  "quiz_question_of": "Frage {number} von {total}",
  "quiz_prompt": "Deine Antwort (Buchstabe oder Nummer):",
  "quiz_prompt_multiple": "Deine Antworten (ein oder mehrere Buchstaben, durch Kommas getrennt):",
  "quiz_wrong_final": "Leider falsch.",
  "quiz_invalid": "Ungültige Antwort; gib einen der Buchstaben {letters} oder die Nummer der Option ein.",
  "quiz_attempts_left_one": "(noch {count} Versuch)",
  "quiz_attempts_left_other": "(noch {count} Versuche)",
  "quiz_correct_answer": "Richtige Antwort:",
  "quiz_explanation": "Erklärung:",
  "quiz_why": "Warum:",
  "quiz_right_mark": "richtig",
  "quiz_wrong_mark": "falsch",
  "quiz_score": "Ergebnis: {first_try} von {total} beim ersten Versuch, {correct} von {total} insgesamt.",
  "quiz_review": "Zum Wiederholen:",
  "quiz_review_line": "Frage {number}: {question}",
  "quiz_no_questions": "Diese Lektion hat keine Fragen.",
  "quiz_ended": "Sitzung beendet.",
  "quiz_seed": "(Startwert {seed}; wiederholen mit --seed {seed})",
  "quiz_lessons": "Lektionen:",
  "quiz_lesson_line": "{slug}  {title}  ({questions}, {answered}, {due})",
  "quiz_questions_one": "{count} Frage",
  "quiz_questions_other": "{count} Fragen",
  "quiz_answered_one": "{count} beantwortet",
  "quiz_answered_other": "{count} beantwortet",
  "quiz_due_one": "{count} fällig",
  "quiz_due_other": "{count} fällig",
  "quiz_review_title": "Wiederholung",
  "quiz_nothing_due": "Gerade ist keine Frage zum Wiederholen fällig.",
  "quiz_reset_confirm": "Den ganzen Fortschritt in {path} löschen? [j/N]",
  "quiz_reset_yes": "j, ja",
  "quiz_reset_done": "Fortschritt gelöscht.",
  "quiz_reset_kept": "Nichts wurde gelöscht.",
  "quiz_not_mentioned_question": "Welcher dieser Begriffe wird in der Lektion NICHT erwähnt?",
  "quiz_not_mentioned_explanation": "Die Lektion erwähnt {items}; {other} gehört nicht dazu.",
  "quiz_negations": "NICHT",
  "quiz_quote_open": "„",
  "quiz_quote_close": "“",
  "quiz_list_and": "und",
  "quiz_prompt_number": "Deine Antwort (eine Zahl):",
  "quiz_number_expected": "Gib eine Zahl ein, etwa {example}, 1/4 oder 2,5e-1.",
  "quiz_key_tolerance": "{value} (± {tolerance})",
  "exercise": "Aufgabe",
  "solution": "Lösung",
  "quiz_new_numbers": "Neue Zahlen"
}

"""#,
        "i18n/en.json": #"""
{
  "language_name": "English",
  "html_lang": "en",
  "skip_to_content": "Skip to content",
  "home": "Home",
  "lessons": "Lessons",
  "lesson": "Lesson",
  "contents": "Contents",
  "choose_language": "Choose a language",
  "languages": "Languages",
  "link_to_section": "Link to this section",
  "log_scale": "log scale",
  "on_this_page": "On this page",
  "previous_lesson": "Previous lesson",
  "next_lesson": "Next lesson",
  "fallback_notice": "This lesson is not yet available in {language}; here it is in {fallback}.",
  "not_found_title": "Page not found",
  "not_found_text": "The page you are looking for does not exist. Go back to the start of the course.",
  "back_to_course": "Back to the course",
  "search": "Search",
  "no_results": "No results",
  "search_status_none": "No results for “{query}”",
  "search_status_one": "{count} result for “{query}”",
  "search_status_other": "{count} results for “{query}”",
  "code_block": "Code",
  "simulation": "Simulation",
  "show_table": "Show the table",
  "seed": "seed",
  "question": "Question",
  "check_answer": "Check answer",
  "reset_answer": "Clear answer",
  "show_answer": "Show answer and explanation",
  "correct": "Correct! Well done.",
  "wrong": "Not quite. Try again.",
  "correct_option": "Correct",
  "wrong_option": "Wrong",
  "explanation": "Explanation",
  "generated_by": "Made with Gradus",
  "decimal_separator": ".",
  "thousands_separator": ",",
  "quiz_true": "True",
  "quiz_false": "False",
  "quiz_question_of": "Question {number} of {total}",
  "quiz_prompt": "Your answer (letter or number):",
  "quiz_prompt_multiple": "Your answers (one or more letters, separated by commas):",
  "quiz_wrong_final": "Not quite.",
  "quiz_invalid": "Invalid answer; type one of the letters {letters} or the option's number.",
  "quiz_attempts_left_one": "({count} try left)",
  "quiz_attempts_left_other": "({count} tries left)",
  "quiz_correct_answer": "Correct answer:",
  "quiz_explanation": "Explanation:",
  "quiz_why": "Why:",
  "quiz_right_mark": "right",
  "quiz_wrong_mark": "wrong",
  "quiz_score": "Score: {first_try} of {total} on the first try, {correct} of {total} in all.",
  "quiz_review": "To review:",
  "quiz_review_line": "Question {number}: {question}",
  "quiz_no_questions": "This lesson has no questions.",
  "quiz_ended": "Session ended.",
  "quiz_seed": "(seed {seed}; replay with --seed {seed})",
  "quiz_lessons": "Lessons:",
  "quiz_lesson_line": "{slug}  {title}  ({questions}, {answered}, {due})",
  "quiz_questions_one": "{count} question",
  "quiz_questions_other": "{count} questions",
  "quiz_answered_one": "{count} answered",
  "quiz_answered_other": "{count} answered",
  "quiz_due_one": "{count} due",
  "quiz_due_other": "{count} due",
  "quiz_review_title": "Review",
  "quiz_nothing_due": "No question is due for review now.",
  "quiz_reset_confirm": "Delete all progress in {path}? [y/N]",
  "quiz_reset_yes": "y, yes",
  "quiz_reset_done": "Progress deleted.",
  "quiz_reset_kept": "Nothing was deleted.",
  "quiz_not_mentioned_question": "Which of these is NOT mentioned in the lesson?",
  "quiz_not_mentioned_explanation": "The lesson mentions {items}; {other} is not among them.",
  "quiz_negations": "NOT",
  "quiz_quote_open": "“",
  "quiz_quote_close": "”",
  "quiz_list_and": "and",
  "quiz_prompt_number": "Your answer (a number):",
  "quiz_number_expected": "Type a number, such as {example}, 1/4 or 2.5e-1.",
  "quiz_key_tolerance": "{value} (± {tolerance})",
  "exercise": "Exercise",
  "solution": "Solution",
  "quiz_new_numbers": "New numbers"
}

"""#,
        "i18n/pt.json": #"""
{
  "language_name": "Português",
  "html_lang": "pt-BR",
  "skip_to_content": "Pular para o conteúdo",
  "home": "Início",
  "lessons": "Lições",
  "lesson": "Lição",
  "contents": "Sumário",
  "choose_language": "Escolha o idioma",
  "languages": "Idiomas",
  "link_to_section": "Link para esta seção",
  "log_scale": "escala logarítmica",
  "on_this_page": "Nesta página",
  "previous_lesson": "Lição anterior",
  "next_lesson": "Próxima lição",
  "fallback_notice": "Esta lição ainda não está disponível em {language}; segue a versão em {fallback}.",
  "not_found_title": "Página não encontrada",
  "not_found_text": "A página que você procura não existe. Volte ao início do curso.",
  "back_to_course": "Voltar ao curso",
  "search": "Buscar",
  "no_results": "Nenhum resultado",
  "search_status_none": "Nenhum resultado para “{query}”",
  "search_status_one": "{count} resultado para “{query}”",
  "search_status_other": "{count} resultados para “{query}”",
  "code_block": "Código",
  "simulation": "Simulação",
  "show_table": "Mostrar a tabela",
  "seed": "semente",
  "question": "Pergunta",
  "check_answer": "Verificar resposta",
  "reset_answer": "Limpar resposta",
  "show_answer": "Mostrar resposta e explicação",
  "correct": "Você acertou! Parabéns.",
  "wrong": "Você errou! Tente novamente.",
  "correct_option": "Correta",
  "wrong_option": "Incorreta",
  "explanation": "Explicação",
  "generated_by": "Feito com o Gradus",
  "decimal_separator": ",",
  "thousands_separator": ".",
  "quiz_true": "Verdadeiro",
  "quiz_false": "Falso",
  "quiz_question_of": "Pergunta {number} de {total}",
  "quiz_prompt": "Sua resposta (letra ou número):",
  "quiz_prompt_multiple": "Suas respostas (uma ou mais letras, separadas por vírgula):",
  "quiz_wrong_final": "Você errou.",
  "quiz_invalid": "Resposta inválida; digite uma das letras {letters} ou o número da opção.",
  "quiz_attempts_left_one": "(resta {count} tentativa)",
  "quiz_attempts_left_other": "(restam {count} tentativas)",
  "quiz_correct_answer": "Resposta correta:",
  "quiz_explanation": "Explicação:",
  "quiz_why": "Por quê:",
  "quiz_right_mark": "certa",
  "quiz_wrong_mark": "errada",
  "quiz_score": "Pontuação: {first_try} de {total} na primeira tentativa, {correct} de {total} no total.",
  "quiz_review": "Para revisar:",
  "quiz_review_line": "Pergunta {number}: {question}",
  "quiz_no_questions": "Esta lição não tem perguntas.",
  "quiz_ended": "Sessão encerrada.",
  "quiz_seed": "(semente {seed}; repita com --seed {seed})",
  "quiz_lessons": "Lições:",
  "quiz_lesson_line": "{slug}  {title}  ({questions}, {answered}, {due})",
  "quiz_questions_one": "{count} pergunta",
  "quiz_questions_other": "{count} perguntas",
  "quiz_answered_one": "{count} respondida",
  "quiz_answered_other": "{count} respondidas",
  "quiz_due_one": "{count} para revisar",
  "quiz_due_other": "{count} para revisar",
  "quiz_review_title": "Revisão",
  "quiz_nothing_due": "Nenhuma pergunta para revisar agora.",
  "quiz_reset_confirm": "Apagar todo o progresso em {path}? [s/N]",
  "quiz_reset_yes": "s, sim",
  "quiz_reset_done": "Progresso apagado.",
  "quiz_reset_kept": "Nada foi apagado.",
  "quiz_not_mentioned_question": "Qual destes itens NÃO é mencionado na lição?",
  "quiz_not_mentioned_explanation": "A lição menciona {items}; {other} não está entre eles.",
  "quiz_negations": "NÃO",
  "quiz_quote_open": "“",
  "quiz_quote_close": "”",
  "quiz_list_and": "e",
  "quiz_prompt_number": "Sua resposta (um número):",
  "quiz_number_expected": "Digite um número, como {example}, 1/4 ou 2,5e-1.",
  "quiz_key_tolerance": "{value} (± {tolerance})",
  "exercise": "Exercício",
  "solution": "Solução",
  "quiz_new_numbers": "Novos números"
}

"""#,
        "index.mustache": #"""
<article class="course-index">
  <h1>{{course.title}}</h1>
{{#course.description}}
  <p class="lead">{{course.description}}</p>
{{/course.description}}
  {{{introduction}}}
  <h2 id="lessons">{{t.lessons}}</h2>
  <ol class="lesson-list">
{{#lessons}}
    <li value="{{number}}">
      <a href="{{url}}">{{title}}</a>{{#fallback}} <span class="badge" lang="{{html_lang}}">{{language_name}}</span>{{/fallback}}
{{#summary}}
      <p>{{summary}}</p>
{{/summary}}
    </li>
{{/lessons}}
  </ol>
</article>

"""#,
        "layout.mustache": #"""
<!DOCTYPE html>
<html lang="{{lang.html_lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}{{^is_home}}{{#course.title}} · {{course.title}}{{/course.title}}{{/is_home}}</title>
{{#description}}
<meta name="description" content="{{description}}">
{{/description}}
<meta name="generator" content="Gradus">
{{#alternates}}
<link rel="alternate" hreflang="{{html_lang}}" href="{{url}}">
{{/alternates}}
<link rel="icon" href="{{root}}static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="{{root}}static/style.css">
<script src="{{root}}static/quiz.js" defer></script>
<script src="{{root}}static/search.js" defer></script>
<script src="{{root}}static/page.js" defer></script>
</head>
<body>
<a class="skip" href="#main">{{t.skip_to_content}}</a>
{{> partials/header}}
<main id="main">
{{{body}}}
</main>
{{> partials/footer}}
</body>
</html>

"""#,
        "lesson.mustache": #"""
<div class="lesson-layout">
  <article class="lesson"{{#fallback}} lang="{{fallback.html_lang}}"{{/fallback}}>
{{#fallback}}
    <p class="notice" lang="{{lang.html_lang}}" role="note">{{fallback.notice}}</p>
{{/fallback}}
    <p class="eyebrow">{{t.lesson}} {{lesson.number}}</p>
    <h1>{{lesson.title}}</h1>
{{#has_outline}}
    <nav class="outline" aria-labelledby="outline-title"{{#fallback}} lang="{{lang.html_lang}}"{{/fallback}}>
      <div class="outline-inner">
        <h2 id="outline-title">{{t.on_this_page}}</h2>
        <ol{{#fallback}} lang="{{fallback.html_lang}}"{{/fallback}}>
{{#outline}}
          <li class="level-{{level}}"><a href="#{{id}}">{{text}}</a></li>
{{/outline}}
        </ol>
      </div>
    </nav>
{{/has_outline}}
{{{lesson.body}}}
  </article>
</div>
<nav class="pager" aria-label="{{t.lessons}}">
{{#previous}}
  <a class="previous" rel="prev" href="{{url}}"><span>{{t.previous_lesson}}</span> {{title}}</a>
{{/previous}}
{{#next}}
  <a class="next" rel="next" href="{{url}}"><span>{{t.next_lesson}}</span> {{title}}</a>
{{/next}}
</nav>

"""#,
        "partials/footer.mustache": #"""
<footer class="site-footer">
  <p>{{#course.title}}{{course.title}} · {{/course.title}}{{t.generated_by}}</p>
</footer>

"""#,
        "partials/header.mustache": #"""
<header class="site-header">
{{#course.title}}
  <a class="brand" href="{{root}}{{lang.code}}/index.html">{{course.title}}</a>
{{/course.title}}
  <form class="search" role="search" hidden data-root="{{root}}" data-index="{{root}}static/search-"
        data-langs="{{#search_all}}{{#languages}}{{code}}|{{html_lang}}|{{name}};{{/languages}}{{/search_all}}{{^search_all}}{{lang.code}}|{{lang.html_lang}}|{{lang.name}}{{/search_all}}"
        data-none="{{t.no_results}}" data-status-none="{{t.search_status_none}}"
        data-status-one="{{t.search_status_one}}" data-status-other="{{t.search_status_other}}">
    <label for="search-input" class="visually-hidden">{{t.search}}</label>
    <input type="search" id="search-input" placeholder="{{t.search}}" autocomplete="off" spellcheck="false"
           aria-controls="search-results">
    <ol class="search-results" id="search-results" hidden></ol>
    <p class="search-status visually-hidden" role="status" aria-live="polite" aria-atomic="true"></p>
  </form>
  <nav class="languages" aria-label="{{t.languages}}">
    <ul>
{{#languages}}
      <li>{{#current}}<span aria-current="true" lang="{{html_lang}}">{{name}}</span>{{/current}}{{^current}}<a href="{{url}}" hreflang="{{html_lang}}" lang="{{html_lang}}">{{name}}</a>{{/current}}</li>
{{/languages}}
    </ul>
  </nav>
</header>

"""#,
        "root.mustache": #"""
<article class="course-root">
  <h1 class="choose">{{#entries}}<span lang="{{html_lang}}">{{choose_language}}</span>{{^last}}<span class="separator" aria-hidden="true"> · </span>{{/last}}{{/entries}}</h1>
{{#entries}}
  <section lang="{{html_lang}}">
    <h2><a href="{{url}}" hreflang="{{html_lang}}">{{title}}</a></h2>
    <p>{{description}}</p>
    <p><a href="{{url}}" hreflang="{{html_lang}}">{{language_name}} →</a></p>
  </section>
{{/entries}}
</article>

"""#,
        "static/favicon.svg": #"""
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1f5fbf"/><path d="M6 9h6v6h6v6h8" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/><circle cx="25" cy="21" r="2.6" fill="#ffd166"/></svg>

"""#,
        "static/page.js": #"""
// Gradus page behaviour: the language switcher keeps the section in the address, so that switching language on
// /pt/lesson/#chain-rule lands on /en/lesson/#chain-rule (a section keeps its id in every translation).
(function () {
  "use strict";
  var links = document.querySelectorAll(".languages a[href]");
  if (links.length === 0) { return; }
  links.forEach(function (link) { link.dataset.page = link.getAttribute("href").split("#")[0]; });
  function follow() {
    var hash = window.location.hash;
    links.forEach(function (link) { link.setAttribute("href", link.dataset.page + (hash.length > 1 ? hash : "")); });
  }
  follow();
  window.addEventListener("hashchange", follow);
})();

"""#,
        "static/quiz.js": #"""
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

"""#,
        "static/search.js": #"""
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

"""#,
        "static/style.css": #"""
/* Gradus course theme: readable measure, system fonts (no external requests), light and dark, print.
   Every text colour reaches 4.5:1 on the backgrounds it is used on, and --control (the border of form fields)
   and --mark-bg (search highlights) 3:1 against the page, in light and dark; Tests/GradusRenderTests/
   ContrastTests.swift computes each pair from this file. --rule is for separators only. */
:root {
  --bg: #fdfcfa; --fg: #1d1f24; --muted: #5b616e; --accent: #1f5fbf; --accent-bg: #e8f0fc;
  --rule: #d9dce2; --control: #7a808c; --code-bg: #f1f2f4; --ok: #1c7c3a; --bad: #b3261e; --notice-bg: #fff5d6;
  --mark-bg: #bd6c0a; --mark-fg: #000000;
  --measure: 42rem; color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #15171b; --fg: #e6e7ea; --muted: #a2a8b4; --accent: #8ab4ff; --accent-bg: #1e2a40;
    --rule: #33373f; --control: #737985; --code-bg: #22252b; --ok: #6fd08c; --bad: #ff8a80; --notice-bg: #3a3216;
    --mark-bg: #e3b341; --mark-fg: #15171b;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 1.0625rem/1.65 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif;
  /* A word longer than the line (Aktivierungsfunktionen on a phone) breaks instead of widening the page. */
  overflow-wrap: break-word;
}
/* Math in a font with a math table, so that braces, brackets, ∏ and primes stretch and sit right. */
math { font-family: "STIX Two Math", "Cambria Math", "Latin Modern Math", "DejaVu Math TeX Gyre", math; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:focus-visible, button:focus-visible, input:focus-visible, summary:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 2px;
}
.skip { position: absolute; left: -999px; top: 0; padding: 0.5rem 1rem; background: var(--bg); }
.skip:focus { left: 0.5rem; z-index: 10; }
.site-header, .site-footer, main { padding: 0 1rem; }
.site-header {
  display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; justify-content: space-between;
  border-bottom: 1px solid var(--rule); padding-block: 0.75rem;
}
.brand { font-weight: 700; color: var(--fg); text-decoration: none; }
.brand:hover { text-decoration: underline; }
.languages ul { display: flex; gap: 0.75rem; list-style: none; margin: 0; padding: 0; font-size: 0.95rem; }
.languages [aria-current] { font-weight: 700; }
main { max-width: 72rem; margin: 0 auto; padding-block: 1.5rem 3rem; }
h1, h2, h3 { line-height: 1.25; text-wrap: balance; overflow-wrap: anywhere; hyphens: auto; }
h1 { font-size: clamp(1.6rem, 1.2rem + 2vw, 2rem); margin: 0.25rem 0 1rem; }
/* On a phone, long words hyphenate (where the browser knows the page's language) rather than leave gaps. */
@media (max-width: 40rem) { main { hyphens: auto; } }
h2 { margin-top: 2.25rem; }
.heading-anchor { margin-left: 0.35rem; color: var(--muted); text-decoration: none; opacity: 0; }
h2:hover .heading-anchor, h3:hover .heading-anchor, .heading-anchor:focus { opacity: 1; }
.eyebrow { color: var(--muted); margin: 0; text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.8rem; }
.lead { font-size: 1.15rem; color: var(--muted); }
.lesson, .course-index, .course-root, .not-found { max-width: var(--measure); min-width: 0; }
.course-index, .course-root, .not-found { margin: 0 auto; }
/* The outline follows the title in the document; on a wide screen it sits in a column beside the lesson and
   its list stays in view while the lesson scrolls. */
.lesson-layout { display: grid; gap: 2rem; }
@media (min-width: 60rem) {
  .lesson-layout { grid-template-columns: minmax(0, var(--measure)) 14rem; justify-content: center; }
  .lesson { position: relative; }
  .outline { position: absolute; top: 0; bottom: 0; left: calc(100% + 2rem); width: 14rem; margin: 0; }
  .outline-inner { position: sticky; top: 1rem; max-height: calc(100vh - 2rem); overflow-y: auto; }
}
.outline { font-size: 0.92rem; margin: 0 0 1.5rem; }
.outline-inner { border-left: 2px solid var(--rule); padding-left: 1rem; }
.outline h2 { font-size: 0.85rem; margin: 0 0 0.5rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
.outline ol { list-style: none; margin: 0; padding: 0; }
.outline .level-3 { padding-left: 0.9rem; }
.outline li { margin: 0.15rem 0; }
.lesson-list { padding-left: 1.25rem; }
.lesson-list li { margin-bottom: 1rem; }
.lesson-list p { margin: 0.2rem 0 0; color: var(--muted); }
.badge { font-size: 0.8rem; border: 1px solid var(--rule); border-radius: 1rem; padding: 0 0.5rem; color: var(--muted); }
.notice { background: var(--notice-bg); padding: 0.75rem 1rem; border-radius: 0.4rem; }
code, pre { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.92em; }
code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 0.25rem; }
pre { background: var(--code-bg); padding: 1rem; overflow-x: auto; border-radius: 0.4rem; line-height: 1.45; overflow-wrap: normal; }
pre code { background: none; padding: 0; }
blockquote { margin: 1rem 0; padding: 0.25rem 1rem; border-left: 4px solid var(--rule); color: var(--muted); }
img, svg { max-width: 100%; height: auto; }
.math.display, math[display="block"] { overflow-x: auto; overflow-y: hidden; margin: 1rem 0; max-width: 100%; }
/* A formula in the text cannot wrap: one wider than a phone's line scrolls on its own instead of the page. The
   padding keeps its glyphs' tops and tails from being clipped; the margin takes the room back. */
math:not([display="block"]) { max-width: 100%; overflow-x: auto; overflow-y: hidden; padding: 0.2em 0.1em; margin: -0.2em -0.1em; }
/* A formula and the punctuation after it stay on one line (a line never starts with the comma). */
.nowrap { white-space: nowrap; }
.nowrap > math:not([display="block"]) { max-width: calc(100% - 0.5em); }
figure.simulation { margin: 1.5rem 0; }
/* The caption sits outside the table's scroller: it wraps to the page and is never cut off. */
figure.simulation figcaption { padding-bottom: 0.5rem; }
.table-scroll { overflow-x: auto; max-width: 100%; }
.table-details summary { cursor: pointer; color: var(--accent); margin-bottom: 0.5rem; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.92rem; }
th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--rule); text-align: right; white-space: nowrap; }
th { border-bottom-width: 2px; }
caption, figcaption { caption-side: top; text-align: left; color: var(--muted); padding-bottom: 0.5rem; font-size: 0.92rem; }
table { max-width: 100%; }
/* A table written in a lesson's Markdown has no figure around it: it scrolls in its own box on a narrow screen. */
:not(.table-scroll) > table { display: block; overflow-x: auto; }
.quiz { border: 1px solid var(--rule); border-radius: 0.5rem; padding: 0.25rem 1.25rem 1rem; margin: 1.5rem 0; }
.quiz fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
.quiz legend.question { font-weight: 700; font-size: 1.05rem; margin: 1rem 0 0.25rem; padding: 0; }
.quiz ol { list-style: lower-alpha; padding-left: 1.5rem; }
.quiz details { margin-top: 0.75rem; }
.quiz .why { color: var(--muted); display: block; font-size: 0.95rem; }
.quiz .right { color: var(--ok); font-weight: 600; }
.quiz-feedback:empty { display: none; }
.quiz-feedback { font-weight: 600; }
.quiz button { font: inherit; padding: 0.35rem 0.9rem; border-radius: 0.4rem; border: 1px solid var(--accent);
  background: var(--accent); color: var(--bg); cursor: pointer; }
.quiz button.quiz-reset { background: transparent; color: var(--accent); }
.quiz input { accent-color: var(--accent); width: 1.05rem; height: 1.05rem; }
.quiz .wrong { color: var(--bad); font-weight: 600; }
.pager { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 1rem; max-width: 58rem; margin: 3rem auto 0; }
.pager a { display: block; padding: 0.75rem 1rem; border: 1px solid var(--rule); border-radius: 0.5rem; text-decoration: none;
  min-width: 0; overflow-wrap: anywhere; hyphens: auto; }
.pager a span { display: block; font-size: 0.8rem; color: var(--muted); }
.pager .next { margin-left: auto; text-align: right; }
.course-root section { margin-bottom: 2rem; }
.course-root h1.choose { font-size: 1.5rem; }
.course-root h1.choose .separator { color: var(--muted); }
.site-footer { border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.9rem; text-align: center; }
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #333; --accent: #000; }
  .site-header nav, .site-header form, .outline, .pager, .skip, .heading-anchor { display: none; }
  a { text-decoration: none; }
  main { max-width: none; padding: 0; }
  pre, table, figure, .quiz { break-inside: avoid; }
  .quiz details { display: block; }
}
/* Charts drawn by Gradus: colours and dashes per series, so they read in colour, in grey and in print. The chart
   has no viewBox, so its text keeps these sizes at every width; its padding holds the y axis' labels. */
:root { --s0: #1f5fbf; --s1: #c2410c; --s2: #15803d; --s3: #7e22ce; --s4: #b45309; --s5: #0e7490; }
@media (prefers-color-scheme: dark) {
  :root { --s0: #8ab4ff; --s1: #fb923c; --s2: #4ade80; --s3: #d8b4fe; --s4: #fbbf24; --s5: #67e8f9; }
}
svg.chart { display: block; width: 100%; height: auto; max-width: none; overflow: visible; margin: 0.25rem 0 1rem;
  font-size: 0.8125rem; }
svg.chart text { fill: var(--fg); font-family: inherit; }
svg.chart .tick, svg.chart .axis-label { fill: var(--muted); }
svg.chart text.slant { transform-box: fill-box; transform-origin: 100% 50%; transform: rotate(-40deg); }
svg.chart .grid { stroke: var(--rule); stroke-width: 1; }
svg.chart .axis { stroke: var(--muted); stroke-width: 1; }
.chart-legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0; font-size: 0.875rem; line-height: 1.4; }
.chart-legend span { display: inline-flex; align-items: center; gap: 0.35rem; }
.chart-legend svg { flex: none; }
.simulation .s0 { --c: var(--s0); } .simulation .s1 { --c: var(--s1); } .simulation .s2 { --c: var(--s2); }
.simulation .s3 { --c: var(--s3); } .simulation .s4 { --c: var(--s4); } .simulation .s5 { --c: var(--s5); }
.simulation path[class], .simulation line[class^="s"] { stroke: var(--c); stroke-width: 2; fill: none; vector-effect: non-scaling-stroke; }
.simulation rect, .simulation circle, svg.chart text.nonfinite { fill: var(--c); stroke: none; }
/* Dashes tell the series apart in grey and in print. */
.simulation path.s1, .simulation line.s1 { stroke-dasharray: 7 3; }
.simulation path.s2, .simulation line.s2 { stroke-dasharray: 2 3; }
.simulation path.s3, .simulation line.s3 { stroke-dasharray: 10 3 2 3; }
.simulation path.s4, .simulation line.s4 { stroke-dasharray: 4 4; }
.simulation path.s5, .simulation line.s5 { stroke-dasharray: 1 2; }
.simulation rect.s1, .simulation rect.s3, .simulation rect.s5 { fill-opacity: 0.75; }
svg.chart text.nonfinite { stroke: none; font-weight: 700; font-size: 14px; }
/* Search: a box in the header, results below it. */
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
form.search { position: relative; flex: 1 1 14rem; max-width: 24rem; min-width: 0; }
form.search input { width: 100%; font: inherit; padding: 0.3rem 0.6rem; border: 1px solid var(--control); border-radius: 0.4rem;
  background: var(--bg); color: var(--fg); }
form.search input::placeholder { color: var(--muted); opacity: 1; }
.search-results { position: absolute; z-index: 5; left: 0; right: 0; margin: 0.25rem 0 0; padding: 0; list-style: none;
  background: var(--bg); border: 1px solid var(--control); border-radius: 0.4rem; max-height: 70vh; overflow-y: auto;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.15); min-width: min(24rem, calc(100vw - 2rem)); }
.search-results[hidden] { display: none; }
.search-results li { border-bottom: 1px solid var(--rule); }
.search-results li:last-child { border-bottom: 0; }
.search-results a { display: block; padding: 0.5rem 0.75rem; text-decoration: none; color: var(--fg); }
.search-results a:hover { background: var(--code-bg); }
.search-results a:focus-visible { outline-offset: -3px; background: var(--code-bg); }
.search-results .where { color: var(--accent); font-weight: 600; text-decoration: underline; text-underline-offset: 0.15em; }
.search-results .language { font-size: 0.8rem; color: var(--muted); font-weight: 400; margin-left: 0.4rem; }
.search-results .passage { display: block; margin: 0.2rem 0 0; font-size: 0.88rem; color: var(--muted); }
.search-results .empty { padding: 0.5rem 0.75rem; color: var(--muted); }
.search-results mark { background: var(--mark-bg); color: var(--mark-fg); border-radius: 0.15em; padding: 0 0.1em; }
/* Code highlighted at build time: keywords, builtins, types, strings, comments, numbers, variables. */
:root { --hl-k: #8b2fc9; --hl-b: #0b6e99; --hl-t: #a05a00; --hl-s: #2e7d32; --hl-c: #5f6771; --hl-n: #b3261e; }
@media (prefers-color-scheme: dark) {
  :root { --hl-k: #d2a8ff; --hl-b: #79c0ff; --hl-t: #ffa657; --hl-s: #a5d6a7; --hl-c: #8b949e; --hl-n: #ff9e8a; }
}
pre.code .k { color: var(--hl-k); font-weight: 600; }
pre.code .b { color: var(--hl-b); }
pre.code .t { color: var(--hl-t); }
pre.code .s { color: var(--hl-s); }
pre.code .c { color: var(--hl-c); font-style: italic; }
pre.code .n, pre.code .v { color: var(--hl-n); }
/* MathML Core ignores columnalign; aligned equations need it spelled in CSS. */
mtd[columnalign="right"] { text-align: right; }
mtd[columnalign="left"] { text-align: left; }

/* Exercises: a numbered block with its worked solution folded until the reader opens it. */
.exercise { border-left: 4px solid var(--accent); padding: 0.25rem 0 0.25rem 1rem; margin: 1.5rem 0; }
.exercise-label { color: var(--accent); font-weight: 700; margin: 0.5rem 0 0; }
.exercise > h2, .exercise > h3, .exercise > h4 { margin-top: 0.25rem; }
.solution { border-top: 1px solid var(--rule); margin-top: 0.75rem; padding-top: 0.5rem; }
.solution > summary { cursor: pointer; font-weight: 600; }
@media print { .solution { display: block; } }
/* Quizzes graded in the page (quiz.js): marks on the options tried, a field for numbers, tries left. */
.quiz-mark { margin-left: 0.25rem; white-space: nowrap; }
.quiz .quiz-number input { width: 12rem; max-width: 100%; height: auto; font: inherit; font-variant-numeric: tabular-nums;
  padding: 0.3rem 0.6rem; border: 1px solid var(--muted); border-radius: 0.4rem; background: var(--bg); color: var(--fg); }
.quiz .quiz-number input[aria-invalid="true"] { border: 2px solid var(--bad); }
.quiz .quiz-number label { margin-right: 0.5rem; }
.quiz-feedback.hint { color: var(--fg); }
.quiz button.quiz-new { background: transparent; color: var(--accent); }
.quiz button[aria-disabled="true"] { background: transparent; color: var(--muted); border-color: var(--muted); cursor: default; }
.quiz input:disabled + label { color: var(--fg); }

"""#,
    ]
}
