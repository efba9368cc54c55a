// The inbox: keyboard shortcuts, the new-items counter, presence reports (collision warning) and
// saved replies. Untrusted text never goes through innerHTML here: only server-rendered,
// escaped fragments are swapped in by htmx.
(function () {
  'use strict';
  var root = document.getElementById('inbox');
  if (!root) return;
  var tab = root.getAttribute('data-tab');
  var presence = { item: null, state: 'viewing', text: '' };

  function post(url, params) {
    var body = new URLSearchParams(params);
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    var header = window.Vigie && window.Vigie.meta('csrf-header');
    var token = window.Vigie && window.Vigie.meta('csrf-token');
    if (header && token) headers[header] = token;
    return fetch(url, { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
      .catch(function () { /* presence is best effort */ });
  }

  function report(state) {
    presence.state = state;
    post('/inbox/presence', { tab: tab, item: presence.item || '', state: state });
  }

  function rows() { return Array.prototype.slice.call(document.querySelectorAll('#rows li.item')); }
  function selected() { return document.querySelector('#rows li.item.selected'); }

  function select(li, open) {
    rows().forEach(function (r) { r.classList.remove('selected'); });
    if (!li) return;
    li.classList.add('selected');
    li.scrollIntoView({ block: 'nearest' });
    if (open) {
      var link = li.querySelector('a.open');
      if (link) htmx.trigger(link, 'click');
    }
  }

  function move(delta) {
    var all = rows();
    if (all.length === 0) return;
    var current = selected();
    var index = current ? all.indexOf(current) + delta : (delta > 0 ? 0 : all.length - 1);
    index = Math.max(0, Math.min(all.length - 1, index));
    select(all[index], true);
  }

  function help(show) {
    var overlay = document.getElementById('help');
    if (!overlay) return;
    overlay.hidden = !show;
    if (show) document.getElementById('help-close').focus();
  }

  function refreshStream() {
    var query = location.search ? location.search.substring(1) : '';
    htmx.ajax('GET', '/inbox?' + query + (query ? '&' : '') + 'tab=' + encodeURIComponent(tab),
      { target: '#stream', swap: 'outerHTML' });
    var button = document.getElementById('new-items');
    button.hidden = true;
    document.getElementById('new-count').textContent = '0';
  }

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape') {
      help(false);
      if (target && target.blur) target.blur();
      return;
    }
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var el;
    switch (event.key) {
      case 'j': event.preventDefault(); move(1); break;
      case 'k': event.preventDefault(); move(-1); break;
      case 'o': case 'Enter':
        if (selected()) { event.preventDefault(); select(selected(), true); }
        break;
      case 'r':
        el = document.getElementById('reply-text');
        if (el && !el.disabled) { event.preventDefault(); el.focus(); }
        break;
      case 'e':
        el = document.getElementById('done-button');
        if (el) { event.preventDefault(); el.click(); }
        break;
      case 'a':
        el = document.getElementById('assign-select');
        if (el) { event.preventDefault(); el.focus(); }
        break;
      case 'x':
        el = selected() && selected().querySelector('input.pick');
        if (el) { event.preventDefault(); el.checked = !el.checked; }
        break;
      case '/':
        el = document.getElementById('filter-q');
        if (el) { event.preventDefault(); el.focus(); }
        break;
      case '?': event.preventDefault(); help(true); break;
    }
  });

  document.addEventListener('click', function (event) {
    var t = event.target;
    if (!(t instanceof Element)) return;
    if (t.closest('#help-button')) help(true);
    else if (t.closest('#help-close') || t.id === 'help') help(false);
    else if (t.closest('#new-items')) refreshStream();
    var row = t.closest('#rows li.item');
    if (row && t.closest('a.open')) select(row, false);
  });

  // The bulk "assign to me" button sends "me" as its value.
  document.addEventListener('htmx:configRequest', function (event) {
    var submitter = event.detail.triggeringEvent && event.detail.triggeringEvent.submitter;
    if (submitter && submitter.getAttribute('data-value')) {
      event.detail.parameters.value = submitter.getAttribute('data-value');
    }
  });

  document.body.addEventListener('inbox-refresh', refreshStream);

  // The next page could not be loaded: say so; a click on the row tries again.
  ['htmx:responseError', 'htmx:sendError', 'htmx:timeout'].forEach(function (name) {
    document.addEventListener(name, function (event) {
      var more = event.detail && event.detail.elt;
      if (!(more instanceof Element) || !more.matches('#rows li.more')) return;
      var failed = more.querySelector('.failed');
      if (failed) failed.hidden = false;
    });
  });

  // Someone changed an item's status, assignee or tags: refresh its row where it stands (never
  // moved or removed, so the list does not jump), keeping what this tab marked on it.
  function refreshRow(id) {
    var row = document.getElementById('row-' + id);
    if (!row || !/^[0-9a-f-]{36}$/.test(id)) return;
    var marks = ['selected', 'current'].filter(function (c) { return row.classList.contains(c); });
    var pick = row.querySelector('input.pick');
    var picked = pick && pick.checked;
    htmx.ajax('GET', '/inbox/rows/' + id, { target: row, swap: 'outerHTML' }).then(function () {
      var fresh = document.getElementById('row-' + id);
      if (!fresh) return;
      marks.forEach(function (c) { fresh.classList.add(c); });
      var freshPick = fresh.querySelector('input.pick');
      if (freshPick) freshPick.checked = picked;
    });
  }

  document.addEventListener('htmx:sseMessage', function (event) {
    var t = event.target;
    if (t && t.id === 'row-listener') refreshRow(event.detail.data);
    if (t && t.id === 'new-count') {
      document.getElementById('new-items').hidden = t.textContent === '0';
    }
    if (t && t.id === 'changed-listener' && !busy() && presence.item) {
      htmx.ajax('GET', '/inbox/items/' + encodeURIComponent(presence.item),
        { target: '#conversation', swap: 'innerHTML', headers: { 'X-Vigie-Refresh': 'changed' } });
    }
  });

  // Someone is writing in the conversation: a refresh must not throw their words away.
  function busy() {
    var text = document.getElementById('reply-text');
    var active = document.activeElement;
    return Boolean((text && text.value) || (active && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName)));
  }

  // The refresh was asked for while nobody wrote; by the time it comes back, someone may have
  // started to: then it is dropped (what they send re-renders the conversation anyway).
  document.addEventListener('htmx:beforeSwap', function (event) {
    var config = event.detail.requestConfig;
    if (config && config.headers && config.headers['X-Vigie-Refresh'] === 'changed' && busy()) {
      event.detail.shouldSwap = false;
    }
  });

  // Whether the event stream is connected, for whoever needs to know (styles, tests): "open" once
  // the server holds this tab, so that what happens from then on reaches it.
  root.setAttribute('data-live', 'connecting');
  root.addEventListener('htmx:sseOpen', function () { root.setAttribute('data-live', 'open'); });
  root.addEventListener('htmx:sseError', function () { root.setAttribute('data-live', 'closed'); });

  // A conversation was shown: say so, so that others on it are warned (and we are).
  document.addEventListener('htmx:afterSettle', function (event) {
    var body = document.getElementById('conversation-body');
    var item = body ? body.getAttribute('data-item') : null;
    if (item !== presence.item) {
      presence.item = item;
      report('viewing');
      rows().forEach(function (r) { r.classList.toggle('current', r.getAttribute('data-id') === item); });
    }
  });

  var typing = null;
  document.addEventListener('input', function (event) {
    if (event.target && event.target.id === 'reply-text') {
      var now = event.target.value.length > 0 ? 'replying' : 'viewing';
      if (now !== presence.state) report(now);
      clearTimeout(typing);
    }
  });

  document.addEventListener('change', function (event) {
    var t = event.target;
    if (t && t.id === 'saved-reply' && t.value) {
      fetch('/inbox/items/' + encodeURIComponent(t.getAttribute('data-item')) + '/saved-replies/' + encodeURIComponent(t.value),
        { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : ''; })
        .then(function (text) {
          var area = document.getElementById('reply-text');
          if (area && text) { area.value = text; area.focus(); report('replying'); }
          t.value = '';
        });
    }
  });

  // Leaving the page: forget this tab at once, so that others stop being warned. A beacon cannot
  // carry headers, so the CSRF token goes as a form parameter.
  window.addEventListener('pagehide', function () {
    if (!presence.item || !navigator.sendBeacon) return;
    var params = new URLSearchParams({ tab: tab, item: '' });
    var name = root.getAttribute('data-csrf-param');
    var token = window.Vigie && window.Vigie.meta('csrf-token');
    if (name && token) params.append(name, token);
    navigator.sendBeacon('/inbox/presence', params);
  });

  // Presence is kept alive while the page is open; the server forgets silent tabs.
  setInterval(function () { if (presence.item) report(presence.state); }, 20000);

  var initial = document.getElementById('conversation-body');
  if (initial) {
    presence.item = initial.getAttribute('data-item');
    // Wait for the event stream so that the warning reaches this tab too.
    setTimeout(function () { report('viewing'); }, 300);
  }
})();
