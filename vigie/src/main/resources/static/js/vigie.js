// Vigie's shell script: CSRF for htmx, keyboard shortcuts registry. No inline scripts (CSP).
(function () {
  'use strict';
  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }
  // Every htmx request carries the CSRF token, like every form does.
  document.addEventListener('htmx:configRequest', function (event) {
    var header = meta('csrf-header');
    var token = meta('csrf-token');
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });
  // Navigation shortcuts: "g" then a letter (g i inbox, g s settings…), declared by data-shortcut links.
  var pendingG = false;
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (pendingG) {
      pendingG = false;
      var link = document.querySelector('a[data-shortcut="' + event.key + '"]');
      if (link) { event.preventDefault(); link.click(); }
      return;
    }
    if (event.key === 'g') { pendingG = true; setTimeout(function () { pendingG = false; }, 1500); }
  });
  window.Vigie = { meta: meta };
})();
