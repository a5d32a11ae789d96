// Enhancements only: the page reads fully without this file.
// 1. Hovering or focusing a sentence highlights its counterpart(s) in the other column.
// 2. Switches for original / translation / both, and for showing corrected readings.
(function () {
  "use strict";
  function counterparts(sentence) {
    var found = [];
    var corresp = sentence.getAttribute("data-corresp");
    if (corresp) {
      corresp.split(/\s+/).forEach(function (token) {
        var target = document.getElementById(token.replace(/^#/, ""));
        if (target) found.push(target);
      });
    }
    if (sentence.id) {
      document.querySelectorAll(".tei-s[data-corresp]").forEach(function (other) {
        if (other.getAttribute("data-corresp").split(/\s+/).indexOf("#" + sentence.id) >= 0) found.push(other);
      });
    }
    return found;
  }
  function mark(event, on) {
    var sentence = event.target.closest && event.target.closest(".tei-s");
    if (!sentence) return;
    counterparts(sentence).forEach(function (el) { el.classList.toggle("is-counterpart", on); });
  }
  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (e) { mark(e, true); });
  });
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (e) { mark(e, false); });
  });

  var controls = document.querySelector(".view-controls");
  // the text and the table of the source's footnotes switch together
  var parallels = document.querySelectorAll(".parallel");
  if (!controls || !parallels.length) return;
  controls.hidden = false;
  controls.querySelectorAll("button[data-view]").forEach(function (button) {
    button.addEventListener("click", function () {
      parallels.forEach(function (parallel) {
        parallel.setAttribute("data-view", button.getAttribute("data-view"));
      });
      controls.querySelectorAll("button[data-view]").forEach(function (b) {
        b.setAttribute("aria-pressed", b === button ? "true" : "false");
      });
    });
  });
  var corrections = controls.querySelector('input[data-toggle="corrections"]');
  corrections.addEventListener("change", function () {
    document.body.classList.toggle("show-corrections", corrections.checked);
  });
})();
