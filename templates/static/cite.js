/* "Cite this" (enhancement only: without it, each text's reference and downloads are on the page).
   - Copy buttons copy a formatted reference (the CSL processor's, from the build), as text and HTML.
   - On a text page, the "Cite" button of a paragraph or footnote opens the dialog: the reader picks
     the paragraph or one of its sentences; the dialog shows the text's reference and in-text
     citation, formatted once per style at build time, with the passage's address (the text's
     address + #id) and locator (its label, as the page shows it) put in place of the stand-ins;
     its downloads are the passage's own record in each format, made the same way from the
     stand-ins of the text's record (the label's characters written as each format writes them). */
(function () {
  'use strict';

  function status(button, text) {
    var box = button.parentNode.querySelector('.cite-status');
    if (box) box.textContent = text;
  }

  function copy(button) {
    var holder = button.closest('[data-copied]');
    var reference = button.parentNode.querySelector('.cite-reference');
    var text = reference.textContent.replace(/\s+/g, ' ').trim();
    var done = function () { status(button, holder.dataset.copied); };
    var failed = function () {
      var range = document.createRange();
      range.selectNodeContents(reference);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      status(button, holder.dataset.copyFailed);
    };
    if (navigator.clipboard && window.ClipboardItem) {
      var item = new ClipboardItem({
        'text/plain': new Blob([text], {type: 'text/plain'}),
        'text/html': new Blob([reference.innerHTML], {type: 'text/html'})
      });
      navigator.clipboard.write([item]).then(done, function () {
        navigator.clipboard.writeText(text).then(done, failed);
      });
    } else if (navigator.clipboard) {
      navigator.clipboard.writeText(text).then(done, failed);
    } else {
      failed();
    }
  }

  /* the formatted markup of a <template>, with each stand-in replaced in its text */
  function filled(template, replacements) {
    var fragment = template.content.cloneNode(true);
    var walker = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      replacements.forEach(function (pair) {
        if (node.nodeValue.indexOf(pair[0]) !== -1) node.nodeValue = node.nodeValue.split(pair[0]).join(pair[1]);
      });
    }
    return fragment;
  }

  function records(dialog, id, label) {
    var data = JSON.parse(dialog.querySelector('.cite-passage-records').textContent);
    dialog.querySelectorAll('.cite-passage-download').forEach(function (link) {
      var record = data[link.dataset.format];
      var locator = Array.from(label).map(function (ch) {
        return Object.prototype.hasOwnProperty.call(record.characters, ch) ? record.characters[ch] : ch;
      }).join('');
      var text = record.text.split(dialog.dataset.passage).join(id).split(dialog.dataset.locator).join(locator);
      if (link.href) URL.revokeObjectURL(link.href);
      link.href = URL.createObjectURL(new Blob([text], {type: 'text/plain;charset=utf-8'}));
      link.download = record.name.split(dialog.dataset.passage).join(id);
    });
  }

  function show(dialog, id, label) {
    var url = dialog.dataset.url;
    var replacements = [[dialog.dataset.locator, label], [url, url + '#' + id]];
    dialog.querySelector('.cite-dialog-label').textContent = label;
    dialog.querySelectorAll('.cite-form').forEach(function (form) {
      var inText = form.querySelector('.cite-in-text');
      var reference = form.querySelector('.cite-reference');
      inText.replaceChildren(filled(form.querySelector('.cite-in-text-template'), replacements));
      reference.replaceChildren(filled(form.querySelector('.cite-reference-template'), replacements));
      status(form.querySelector('.cite-copy'), '');
    });
    records(dialog, id, label);
  }

  function open(dialog, button) {
    var select = dialog.querySelector('.cite-passage');
    var options = [[button.dataset.cite, button.dataset.label]].concat(JSON.parse(button.dataset.sentences || '[]'));
    select.replaceChildren();
    options.forEach(function (pair) {
      var option = document.createElement('option');
      option.value = pair[0];
      option.textContent = pair[1];
      option.dataset.label = pair[1];
      select.appendChild(option);
    });
    select.disabled = options.length < 2;
    show(dialog, button.dataset.cite, button.dataset.label);
    dialog.returnFocusTo = button;
    dialog.showModal();
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.cite-copy').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () { copy(button); });
    });
    var dialog = document.getElementById('cite-dialog');
    if (!dialog) return;
    var select = dialog.querySelector('.cite-passage');
    select.addEventListener('change', function () {
      show(dialog, select.value, select.selectedOptions[0].dataset.label);
    });
    dialog.querySelector('.cite-close').addEventListener('click', function () { dialog.close(); });
    dialog.addEventListener('close', function () {
      if (dialog.returnFocusTo) dialog.returnFocusTo.focus();
    });
    document.querySelectorAll('.cite-button').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () { open(dialog, button); });
    });
  });
})();
