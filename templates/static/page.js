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
