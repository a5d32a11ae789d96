/* Finding: the search page (search.html, over Pagefind's index) and the filter box of the index
   pages. Both fold what the reader types as the build folded the texts (edition/search.py: NFD,
   no combining marks, lower case, then the table the page gives in data-fold), so that Cicerin
   finds Çiçerin, Kazim Kâzım, and ي ك ه the Urdu ی ک ہ. Enhancement only: without JavaScript
   the search form and the filter box stay hidden. */
(function () {
  "use strict";

  function folder(element) {
    var table = JSON.parse(element.getAttribute("data-fold") || "{}");
    return function (text) {
      var bare = text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
      var out = "";
      for (var ch of bare) out += Object.prototype.hasOwnProperty.call(table, ch) ? table[ch] : ch;
      return out;
    };
  }

  function words(folded) {
    return folded.split(/[\s.,;:!?()\[\]“”"«»…–—-]+/u).filter(function (w) { return w.length > 0; });
  }

  // ---- the index pages: a box that hides the entries that do not match -----------------------
  var box = document.getElementById("entry-filter");
  if (box) {
    var fold = folder(box);
    var holder = box.closest(".entry-filter");
    var count = holder.querySelector(".entry-filter-count");
    var entries = Array.prototype.map.call(document.querySelectorAll(".entry"), function (entry) {
      var parts = entry.querySelectorAll("h3, .names");
      var text = Array.prototype.map.call(parts, function (p) { return p.textContent; }).join(" ");
      return { element: entry, text: fold(text) };
    });
    var apply = function () {
      var terms = words(fold(box.value));
      var shown = 0;
      entries.forEach(function (entry) {
        var miss = terms.some(function (term) { return entry.text.indexOf(term) < 0; });
        entry.element.classList.toggle("filter-miss", miss);
        if (!miss && !entry.element.hidden) shown += 1;
      });
      document.querySelectorAll(".entry-group").forEach(function (group) {
        var visible = group.querySelector(".entry:not(.filter-miss):not([hidden])");
        group.classList.toggle("filter-empty", !visible);
      });
      count.textContent = terms.length ? (shown ? shown + " " + holder.getAttribute("data-shown") + " " + entries.length
                                                : holder.getAttribute("data-none")) : "";
    };
    holder.hidden = false;
    box.addEventListener("input", apply);
    // the filter by text (edition.js) hides entries too: count again after it
    document.addEventListener("change", function (event) {
      if (event.target.name === "text-filter") apply();
    });
    if (box.value) apply();
  }

  // ---- the search page ------------------------------------------------------------------------
  var form = document.getElementById("search-form");
  if (!form) return;
  if (window.location.protocol === "file:") {
    // the browser will not fetch the index from files: say what to do
    document.getElementById("search-file").hidden = false;
    return;
  }
  var foldQuery = folder(form);
  var directions = JSON.parse(form.getAttribute("data-directions") || "{}");
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var label = function (name) { return form.getAttribute("data-label-" + name) || ""; };
  var here = new URL(".", window.location.href);
  var bundle = new URL(form.getAttribute("data-bundle"), here);
  // the other indexes of a large edition (pagefind-2/…), merged into the first
  var merged = (form.getAttribute("data-merge") || "").split(/\s+/).filter(Boolean).map(function (path) {
    return new URL(path, here);
  });
  var PAGE = 20;
  var pagefind = null;
  var current = { serial: 0, results: [], shown: 0, terms: [] };

  function filters() {
    var chosen = {};
    form.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
      (chosen[box.name] = chosen[box.name] || []).push(box.value);
    });
    var out = {};
    Object.keys(chosen).forEach(function (name) { out[name] = { any: chosen[name] }; });
    return out;
  }

  // the sentence in its own spelling, the words that match the query marked
  function marked(text, terms) {
    var fragment = document.createDocumentFragment();
    text.split(/(\s+)/u).forEach(function (piece) {
      var folded = foldQuery(piece);
      var hit = terms.length && words(folded).some(function (w) {
        return terms.some(function (t) { return w.indexOf(t) === 0; });
      });
      if (hit) {
        var mark = document.createElement("mark");
        mark.textContent = piece;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(piece));
      }
    });
    return fragment;
  }

  function item(data, terms) {
    var li = document.createElement("li");
    li.className = "search-result";
    var heading = document.createElement("p");
    heading.className = "search-result-where";
    var a = document.createElement("a");
    a.href = data.url;
    var siglum = document.createElement("span");
    siglum.className = "siglum";
    siglum.textContent = data.meta.siglum;
    a.appendChild(siglum);
    a.appendChild(document.createTextNode(" " + data.meta.label));
    heading.appendChild(a);
    heading.appendChild(document.createTextNode(" · " + label(data.meta.part) + " · " + data.meta.work));
    li.appendChild(heading);
    var words_ = document.createElement("p");
    words_.className = "search-result-text";
    words_.lang = data.meta.lang;
    words_.dir = directions[data.meta.lang] || "ltr";
    words_.appendChild(marked(data.meta.text, terms));
    li.appendChild(words_);
    return li;
  }

  function showMore(serial) {
    var slice = current.results.slice(current.shown, current.shown + PAGE);
    current.shown += slice.length;
    return Promise.all(slice.map(function (r) { return r.data(); })).then(function (all) {
      if (serial !== current.serial) return;
      all.forEach(function (data) { list.appendChild(item(data, current.terms)); });
      more.hidden = current.shown >= current.results.length;
    });
  }

  function run() {
    var query = foldQuery(input.value).trim();
    var serial = ++current.serial;
    if (!query) {
      list.textContent = "";
      status.textContent = "";
      more.hidden = true;
      return;
    }
    status.textContent = label("searching");
    load().then(function (pf) {
      return pf.search(query, { filters: filters() });
    }).then(function (search) {
      if (serial !== current.serial) return;
      var n = search.results.length;
      current.results = search.results;
      current.shown = 0;
      current.terms = words(query);
      list.textContent = "";
      status.textContent = n ? n + " " + label(n === 1 ? "result" : "results") : label("none");
      return showMore(serial);
    }).catch(function (error) {
      console.warn("search:", error);
      document.getElementById("search-unavailable").hidden = false;
      status.textContent = "";
    });
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind.js", bundle).href).then(function (pf) {
        return pf.options({ basePath: bundle.pathname, baseUrl: here.pathname }).then(function () {
          return pf.init();
        }).then(function () {
          return Promise.all(merged.map(function (other) {
            return pf.mergeIndex(other.pathname, { baseUrl: here.pathname });
          }));
        }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  form.hidden = false;
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  form.addEventListener("change", function (event) {
    if (event.target.type === "checkbox") run();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  more.addEventListener("click", function () { showMore(current.serial); });
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked) {
    input.value = asked;
    run();
  }
})();
