// Filters the results by status, section, responsibility and text, and opens a result its link points at.
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var shown = document.getElementById('shown');
  var rows = Array.prototype.slice.call(document.querySelectorAll('details.result'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('section.result-group'));
  var texts = rows.map(function (row) {
    return row.textContent.toLowerCase();
  });

  function apply() {
    var status = form.elements.status.value;
    var section = form.elements.section.value;
    var responsibility = form.elements.responsibility.value;
    var text = form.elements.text.value.trim().toLowerCase();
    var count = 0;
    rows.forEach(function (row, i) {
      var match =
        (!status || row.getAttribute('data-status') === status) &&
        (!section || row.getAttribute('data-section') === section) &&
        (!responsibility || row.getAttribute('data-responsibility') === responsibility) &&
        (!text || texts[i].indexOf(text) !== -1);
      row.hidden = !match;
      if (match) count += 1;
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector('details.result:not([hidden])');
    });
    shown.textContent = shown
      .getAttribute('data-template')
      .replace('{shown}', String(count))
      .replace('{total}', String(rows.length));
  }

  function setOpen(open) {
    rows.forEach(function (row) {
      if (!row.hidden) row.open = open;
    });
  }

  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.tagName === 'DETAILS') target.open = true;
  }

  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
  });
  document.getElementById('expand-all').addEventListener('click', function () {
    setOpen(true);
  });
  document.getElementById('collapse-all').addEventListener('click', function () {
    setOpen(false);
  });
  window.addEventListener('hashchange', openTarget);
  apply();
  openTarget();
})();
