// Gradus quizzes: check an answer, announce right or wrong, reveal every option's reason, remember the answer per
// question id in this browser. Without this script the answer stays reachable in each quiz's <details>.
(function () {
  "use strict";
  var storageKey = function (form) { return "gradus.quiz." + form.dataset.question; };
  var store = {
    get: function (key) { try { return JSON.parse(window.localStorage.getItem(key)); } catch (e) { return null; } },
    set: function (key, value) { try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ } },
    remove: function (key) { try { window.localStorage.removeItem(key); } catch (e) { /* private mode */ } }
  };

  function chosen(form) {
    var picked = [];
    form.querySelectorAll("input").forEach(function (input) { if (input.checked) { picked.push(input.value); } });
    return picked;
  }

  function show(form, picked, announce) {
    var correct = form.dataset.correct.split(",");
    var right = picked.length === correct.length && picked.every(function (v) { return correct.indexOf(v) >= 0; });
    var feedback = form.querySelector(".quiz-feedback");
    feedback.textContent = right ? form.dataset.right : form.dataset.wrong;
    feedback.className = "quiz-feedback " + (right ? "right" : "wrong");
    form.querySelector("details").open = true;
    form.classList.add("answered");
    if (!announce) { feedback.setAttribute("aria-live", "off"); setTimeout(function () { feedback.setAttribute("aria-live", "polite"); }, 0); }
    return right;
  }

  document.querySelectorAll("form.quiz").forEach(function (form) {
    var actions = form.querySelector(".quiz-actions");
    actions.hidden = false;
    var saved = store.get(storageKey(form));
    if (saved && Array.isArray(saved.chosen)) {
      form.querySelectorAll("input").forEach(function (input) { input.checked = saved.chosen.indexOf(input.value) >= 0; });
      show(form, saved.chosen, false);
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var picked = chosen(form);
      if (picked.length === 0) { return; }
      var right = show(form, picked, true);
      store.set(storageKey(form), { chosen: picked, right: right });
    });
    form.querySelector(".quiz-reset").addEventListener("click", function () {
      store.remove(storageKey(form));
      form.reset();
      form.classList.remove("answered");
      form.querySelector("details").open = false;
      var feedback = form.querySelector(".quiz-feedback");
      feedback.textContent = "";
      feedback.className = "quiz-feedback";
      form.querySelector("input").focus();
    });
  });
})();
