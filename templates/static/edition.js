// Enhancements only: every page reads fully without this file.
// Reading pages:
//  1. A sentence and its counterpart(s) in the other column are marked when the reader selects
//     the sentence (click or tap), when a link targets it (#id), and at the reading line as the
//     page scrolls; on wide screens the two cells of the row then move so that the pair stands
//     side by side ("in step").
//  2. Notes open next to their call.
//  3. Switches for original / translation / both and for the printed (uncorrected) reading, remembered
//     across pages (localStorage).
// Every page: the interface language the reader chooses in the header is remembered (localStorage),
// and a page opened in another language moves to the same place in the chosen one.
// Index pages: a filter by text (for this visit only).
// Timeline and table of claims: filters (for this visit only).
(function () {
  "use strict";
  var store = {
    get: function (key) { try { return window.localStorage.getItem("edition." + key); } catch (e) { return null; } },
    set: function (key, value) { try { window.localStorage.setItem("edition." + key, value); } catch (e) { /* private mode */ } }
  };

  // ---- the interface language ------------------------------------------------------------------
  var switcher = document.querySelector(".language-switch");
  if (switcher) {
    switcher.addEventListener("click", function (event) {
      var chosen = event.target.closest("a[data-language]");
      if (chosen) store.set("language", chosen.getAttribute("data-language"));
    });
    var wanted = store.get("language");
    if (wanted && wanted !== document.documentElement.lang) {
      var there = Array.prototype.find.call(switcher.querySelectorAll("a[data-language]"), function (a) {
        return a.getAttribute("data-language") === wanted;
      });
      if (there) window.location.replace(there.href + window.location.hash);
    }
  }

  // ---- counterparts: original id -> translation elements, and back ------------------------
  var pointedBy = {};
  document.querySelectorAll(".parallel [data-corresp]").forEach(function (el) {
    el.getAttribute("data-corresp").split(/\s+/).forEach(function (token) {
      var id = token.replace(/^#/, "");
      (pointedBy[id] = pointedBy[id] || []).push(el);
    });
  });
  function counterparts(el) {
    var found = [];
    var corresp = el.getAttribute("data-corresp");
    if (corresp) {
      corresp.split(/\s+/).forEach(function (token) {
        var target = document.getElementById(token.replace(/^#/, ""));
        if (target) found.push(target);
      });
    }
    return found.concat(el.id && pointedBy[el.id] ? pointedBy[el.id] : []);
  }
  function mark(cls, el, others) {
    document.querySelectorAll("." + cls).forEach(function (x) { x.classList.remove(cls); });
    if (others) document.querySelectorAll("." + others).forEach(function (x) { x.classList.remove(others); });
    if (!el) return [];
    el.classList.add(cls);
    var pair = counterparts(el);
    pair.forEach(function (x) { x.classList.add(others || cls); });
    return pair;
  }

  // ---- in step: move one cell's text so that a sentence and its counterpart stand level ------
  var parallel = document.querySelector(".parallel:not(.notes-parallel)");
  function wide() { return window.matchMedia("(min-width: 50.01rem)").matches; }
  function offsetIn(el, cell) {
    var top = 0;
    for (var x = el; x && x !== cell; x = x.offsetParent) top += x.offsetTop;
    return top;
  }
  function contentHeight(cell) {
    var last = cell.lastElementChild;
    return last ? last.offsetTop + last.offsetHeight : 0;
  }
  function shift(cell, by) {
    Array.prototype.forEach.call(cell.children, function (child) {
      child.style.transform = by ? "translateY(" + by + "px)" : "";
    });
  }
  var shifted = [];
  function reset() { shifted.forEach(function (cell) { shift(cell, 0); }); shifted = []; }
  function inStep(sentence) {
    reset();
    if (!sentence || !wide() || !parallel || parallel.getAttribute("data-view") !== "both") return;
    var partner = counterparts(sentence)[0];
    if (!partner) return;
    var a = sentence.closest(".cell"), b = partner.closest(".cell");
    if (!a || !b || a.parentNode !== b.parentNode) return;
    var ya = offsetIn(sentence, a), yb = offsetIn(partner, b);
    var low = ya > yb ? b : a, delta = Math.abs(ya - yb);
    var room = Math.max(0, low.clientHeight - contentHeight(low));
    var by = Math.min(delta, room);
    if (by > 0) { shift(low, by); shifted.push(low); }
  }

  // ---- select, target, reading line -------------------------------------------------------
  function select(sentence) {
    mark("is-selected", sentence, "is-counterpart");
    inStep(sentence);
  }
  document.addEventListener("click", function (event) {
    var sentence = event.target.closest && event.target.closest(".parallel .tei-s");
    if (!sentence || event.target.closest("a, button")) return;
    select(sentence.classList.contains("is-selected") ? null : sentence);
  });
  function followTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    document.querySelectorAll(".is-target").forEach(function (x) { x.classList.remove("is-target"); });
    if (!target || !target.closest(".parallel")) return;
    target.classList.add("is-target");
    counterparts(target).forEach(function (x) { x.classList.add("is-target"); });
    if (target.classList.contains("tei-s")) select(target);
  }
  window.addEventListener("hashchange", followTarget);
  followTarget();

  var sentences = parallel ? parallel.querySelectorAll(".cell.original .tei-s") : [];
  var pending = false;
  function readingLine() {
    pending = false;
    if (document.querySelector(".is-selected") || !sentences.length) return;
    var line = window.innerHeight * 0.35, current = null;
    // binary search: the original sentences are in page order
    var lo = 0, hi = sentences.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1, rect = sentences[mid].getBoundingClientRect();
      if (rect.bottom < line) lo = mid + 1;
      else if (rect.top > line) hi = mid - 1;
      else { current = sentences[mid]; break; }
    }
    if (current === document.querySelector(".is-current")) return;
    mark("is-current", current, "is-current-counterpart");
    inStep(current);
  }
  if (sentences.length) {
    window.addEventListener("scroll", function () {
      if (!pending) { pending = true; window.requestAnimationFrame(readingLine); }
    }, { passive: true });
    window.addEventListener("resize", function () { reset(); readingLine(); });
  }

  // ---- notes open next to their call ------------------------------------------------------
  document.querySelectorAll(".note-popover").forEach(function (pop) {
    pop.addEventListener("toggle", function (event) {
      var call = document.querySelector('.note-call[popovertarget="' + pop.id + '"]');
      if (call) call.setAttribute("aria-expanded", event.newState === "open" ? "true" : "false");
      if (event.newState !== "open" || !call) return;
      pop.classList.add("is-anchored");
      var at = call.getBoundingClientRect(), size = pop.getBoundingClientRect();
      var vw = document.documentElement.clientWidth, vh = window.innerHeight;
      var left = Math.min(Math.max(8, at.left - 16), Math.max(8, vw - size.width - 8));
      var top = at.bottom + 6;
      if (top + size.height > vh - 8 && at.top - size.height - 6 >= 8) top = at.top - size.height - 6;
      pop.style.left = left + "px";
      pop.style.top = Math.max(8, Math.min(top, vh - size.height - 8)) + "px";
    });
  });

  // ---- view switches, remembered ----------------------------------------------------------
  var controls = document.querySelector(".view-controls");
  var parallels = document.querySelectorAll(".parallel");
  if (controls && parallels.length) {
    controls.hidden = false;
    var setView = function (view) {
      parallels.forEach(function (p) { p.setAttribute("data-view", view); });
      controls.querySelectorAll("button[data-view]").forEach(function (b) {
        b.setAttribute("aria-pressed", b.getAttribute("data-view") === view ? "true" : "false");
      });
      reset();
    };
    controls.querySelectorAll("button[data-view]").forEach(function (button) {
      button.addEventListener("click", function () {
        setView(button.getAttribute("data-view"));
        store.set("view", button.getAttribute("data-view"));
      });
    });
    var printed = controls.querySelector('input[data-toggle="printed"]');
    var setPrinted = function (on) {
      printed.checked = on;
      document.body.classList.toggle("show-printed", on);
    };
    printed.addEventListener("change", function () {
      setPrinted(printed.checked);
      store.set("printed", printed.checked ? "on" : "off");
    });
    var view = store.get("view");
    if (view && controls.querySelector('button[data-view="' + view + '"]')) setView(view);
    if (store.get("printed") === "on") setPrinted(true);
  }

  // ---- index pages: filter entries by the text that names them -----------------------------
  var filter = document.querySelector(".text-filter");
  if (filter) {
    filter.hidden = false;
    var apply = function (siglum) {
      document.querySelectorAll(".entry-group").forEach(function (group) {
        var shown = 0;
        group.querySelectorAll(".entry").forEach(function (entry) {
          var hide = siglum && (" " + entry.getAttribute("data-texts") + " ").indexOf(" " + siglum + " ") < 0;
          entry.hidden = !!hide;
          if (!hide) shown += 1;
        });
        group.hidden = shown === 0;
      });
    };
    // not remembered: a link from a text to an entry must never land on a filtered-out entry
    filter.addEventListener("change", function (event) { apply(event.target.value); });
  }
  // ---- comparison pages (issue 16): the timeline's filters by text and by type of event, and
  // the table of claims' "disagreements only"; for this visit only, like the index filter ------
  var timelineFilter = document.querySelector(".timeline-filter");
  if (timelineFilter) {
    timelineFilter.hidden = false;
    var count = timelineFilter.querySelector(".timeline-count");
    var applyTimeline = function () {
      var texts = [], types = [];
      timelineFilter.querySelectorAll("input[name=text]:checked").forEach(function (box) { texts.push(box.value); });
      timelineFilter.querySelectorAll("input[name=type]:checked").forEach(function (box) { types.push(box.value); });
      var shown = 0;
      document.querySelectorAll(".timeline-event").forEach(function (item) {
        var named = item.getAttribute("data-texts").split(" ").some(function (s) { return texts.indexOf(s) >= 0; });
        var typed = types.indexOf(item.getAttribute("data-type")) >= 0 || !item.getAttribute("data-type");
        item.hidden = !(named && typed);
        if (!item.hidden) shown += 1;
      });
      if (count) count.textContent = shown + " " + count.getAttribute("data-label");
    };
    timelineFilter.addEventListener("change", applyTimeline);
    applyTimeline();
  }
  var claimsFilter = document.querySelector(".claims-filter");
  if (claimsFilter) {
    claimsFilter.hidden = false;
    claimsFilter.addEventListener("change", function (event) {
      var only = event.target.checked;
      document.querySelectorAll("table.claims tbody tr").forEach(function (row) {
        row.hidden = only && !row.classList.contains("status-disagree");
      });
      document.querySelectorAll(".claims-event").forEach(function (section) {
        section.hidden = only && !section.querySelector("tr.status-disagree");
      });
    });
  }
})();
