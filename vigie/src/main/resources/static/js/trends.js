// Trends page: the timeline chart (uPlot, served by Vigie) and live alerts (Server-Sent Events).
// Untrusted text is only ever set with textContent.
(function () {
  'use strict';

  function shade(u, ranges, color) {
    var ctx = u.ctx;
    ctx.save();
    ctx.fillStyle = color;
    ranges.forEach(function (r) {
      var x0 = u.valToPos(r[0], 'x', true);
      var x1 = u.valToPos(r[1], 'x', true);
      var left = Math.max(x0, u.bbox.left);
      var right = Math.min(x1, u.bbox.left + u.bbox.width);
      if (right > left) {
        ctx.fillRect(left, u.bbox.top, right - left, u.bbox.height);
      }
    });
    ctx.restore();
  }

  function draw(el, data) {
    var width = el.clientWidth || 800;
    var events = data.events.map(function (e) { return [e.start, Math.max(e.end, e.start + 60)]; });
    var opts = {
      width: width,
      height: 280,
      scales: { x: { time: true }, share: { range: [0, 1] } },
      series: [
        {},
        { label: el.dataset.volume || 'volume', stroke: '#3b5bdb', width: 2, scale: 'y' },
        { label: 'authors', stroke: '#2b8a3e', width: 1, scale: 'y' },
        { label: 'negative', stroke: '#c2255c', width: 1, scale: 'share', spanGaps: true }
      ],
      axes: [{}, { scale: 'y' }, { scale: 'share', side: 1, grid: { show: false } }],
      hooks: {
        drawClear: [function (u) {
          shade(u, data.airings, 'rgba(128,128,128,0.18)');
          shade(u, events, 'rgba(232,89,12,0.22)');
        }]
      }
    };
    el.textContent = '';
    var plot = new uPlot(opts, [data.t, data.volume, data.authors, data.negative], el);
    window.addEventListener('resize', function () {
      plot.setSize({ width: el.clientWidth || width, height: 280 });
    });
  }

  function timeline() {
    var el = document.getElementById('timeline');
    if (!el || typeof uPlot === 'undefined') {
      return;
    }
    fetch(el.dataset.url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (data) { draw(el, data); })
      .catch(function () { el.textContent = '—'; });
  }

  function live() {
    var list = document.getElementById('live-alerts');
    if (!list || typeof EventSource === 'undefined') {
      return;
    }
    var source = new EventSource(list.dataset.stream);
    source.addEventListener('trend', function (e) {
      var alert = JSON.parse(e.data);
      var li = document.createElement('li');
      li.className = 'live-' + alert.what;
      var a = document.createElement('a');
      a.href = alert.link;
      a.textContent = alert.subject + (alert.terms && alert.terms.length ? ' — ' + alert.terms.join(', ') : '');
      li.appendChild(a);
      list.insertBefore(li, list.firstChild);
      while (list.children.length > 20) {
        list.removeChild(list.lastChild);
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    timeline();
    live();
  });
}());
