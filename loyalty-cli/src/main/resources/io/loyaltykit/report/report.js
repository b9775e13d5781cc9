// Draws the report's charts into its inline SVG elements from the JSON data block. Every figure comes
// computed from the page's data; this script only places marks and writes the labels it is given.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var COLORS = {
    issued: '#2f80ed', redeemed: '#27ae60', reversed: '#9aa5b1', expired: '#e5484d',
    outstanding: '#2f80ed', principal: '#0f766e', bonus: '#f2a93b',
    tiers: ['#9aa5b1', '#3f8fd2', '#d4a72c', '#7b61c4', '#2aa198', '#e5484d', '#52606d'],
    referrers: '#7b61c4', rules: '#2f80ed', rulesAwarded: '#cfe0fb'
  };
  var FONT_WIDTH = 6.6;

  var data = JSON.parse(document.getElementById('report-data').textContent);

  // ---------------------------------------------------------------------------------------- helpers

  function el(parent, name, attrs) {
    var node = document.createElementNS(SVG, name);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    }
    parent.appendChild(node);
    return node;
  }

  function text(parent, x, y, content, attrs) {
    var a = attrs || {};
    a.x = x;
    a.y = y;
    var node = el(parent, 'text', a);
    node.textContent = content;
    return node;
  }

  function tip(node, content) {
    el(node, 'title').textContent = content;
    return node;
  }

  function fmt(n) {
    return Math.round(n).toLocaleString('en-US');
  }

  function compact(n) {
    var a = Math.abs(n);
    if (a >= 1e6) { return (n / 1e6).toFixed(a >= 1e7 ? 0 : 1).replace(/\.0$/, '') + 'M'; }
    if (a >= 1e4) { return (n / 1e3).toFixed(0) + 'k'; }
    if (a >= 1e3 && a % 1000 !== 0) { return (n / 1e3).toFixed(1) + 'k'; }
    if (a >= 1e3) { return (n / 1e3).toFixed(0) + 'k'; }
    return String(Math.round(n * 100) / 100);
  }

  function clip(s, max) {
    s = s == null ? '' : String(s);
    return s.length > max ? s.slice(0, max - 1) + '\u2026' : s;
  }

  // Round tick values covering [lo, hi], about `count` of them.
  function ticks(lo, hi, count, whole) {
    if (hi === lo) { hi = lo + 1; }
    var raw = (hi - lo) / count;
    var mag = Math.pow(10, Math.floor(Math.log10(raw)));
    var norm = raw / mag;
    var step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag;
    if (whole) { step = Math.max(1, Math.ceil(step)); }
    var first = Math.floor(lo / step) * step;
    var last = Math.ceil(hi / step) * step;
    var out = [];
    for (var v = first; v <= last + step / 2; v += step) { out.push(Math.round(v / step) * step); }
    return out;
  }

  // Sizes the SVG to the width its card gives it; returns the drawing box.
  function frame(svg, margin) {
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var box = svg.getBoundingClientRect();
    var w = Math.max(320, Math.round(box.width || 600));
    var h = Math.max(200, Math.round(box.height || 320));
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    svg.setAttribute('preserveAspectRatio', 'xMinYMin meet');
    return { w: w, h: h, x0: margin.left, x1: w - margin.right, y0: margin.top, y1: h - margin.bottom };
  }

  function legend(svg, items, x, y) {
    var g = el(svg, 'g', { 'class': 'legend' });
    var cx = x;
    items.forEach(function (it) {
      el(g, 'rect', { x: cx, y: y - 9, width: 12, height: 12, rx: 2, fill: it.color });
      var t = text(g, cx + 17, y + 1, it.label);
      cx += 17 + it.label.length * FONT_WIDTH + 18;
      return t;
    });
    return g;
  }

  function empty(svg, message) {
    var f = frame(svg, { left: 10, right: 10, top: 10, bottom: 10 });
    el(svg, 'rect', { x: f.x0, y: f.y0, width: f.x1 - f.x0, height: f.y1 - f.y0, rx: 8, fill: '#f8fafc',
      stroke: '#e4e7eb', 'stroke-dasharray': '4 4' });
    text(svg, (f.x0 + f.x1) / 2, (f.y0 + f.y1) / 2, message, { 'text-anchor': 'middle', 'class': 'empty' });
    svg.setAttribute('data-empty', 'true');
  }

  function yAxis(svg, f, scale, values, format, side) {
    var g = el(svg, 'g', { 'class': 'axis axis-' + side });
    values.forEach(function (v) {
      var y = scale(v);
      if (side === 'left') {
        el(g, 'line', { x1: f.x0, x2: f.x1, y1: y, y2: y, 'class': v === 0 ? 'zero-line' : 'grid-line' });
        text(g, f.x0 - 8, y + 4, format(v), { 'text-anchor': 'end', 'class': 'axis-label' });
      } else {
        text(g, f.x1 + 8, y + 4, format(v), { 'text-anchor': 'start', 'class': 'axis-label' });
      }
    });
    return g;
  }

  // Labels every few periods, counted back from the last one so the latest period is always named.
  function xLabels(svg, f, periods, xCenter) {
    var g = el(svg, 'g', { 'class': 'axis axis-x' });
    var room = (f.x1 - f.x0) / Math.max(1, periods.length);
    var every = Math.max(1, Math.ceil(46 / room));
    var lastIndex = periods.length - 1;
    periods.forEach(function (p, i) {
      if ((lastIndex - i) % every !== 0) { return; }
      var x = xCenter(i);
      el(g, 'line', { x1: x, x2: x, y1: f.y1, y2: f.y1 + 4, stroke: '#9aa5b1' });
      text(g, x, f.y1 + 17, p.label, { 'text-anchor': 'middle', 'class': 'axis-label' });
    });
    return g;
  }

  function linear(d0, d1, r0, r1) {
    var span = d1 - d0 || 1;
    return function (v) { return r0 + (v - d0) * (r1 - r0) / span; };
  }

  function periodTitle(p) {
    return p.start === p.end ? p.start : p.start + ' to ' + p.end;
  }

  // ---------------------------------------------------------------------------------------- charts

  // Issued above the zero line; redeemed, reversed and expired stacked below it.
  function drawFlow(svg) {
    var periods = data.periods;
    var any = periods.some(function (p) { return p.issued || p.redeemed || p.reversed || p.expired; });
    if (!any) { empty(svg, 'No points moved yet'); return; }
    var f = frame(svg, { left: 64, right: 20, top: 34, bottom: 30 });
    var top = 0;
    var bottom = 0;
    periods.forEach(function (p) {
      top = Math.max(top, p.issued);
      bottom = Math.max(bottom, p.redeemed + p.reversed + p.expired);
    });
    var tv = ticks(-bottom, top, 6, true);
    var y = linear(tv[0], tv[tv.length - 1], f.y1, f.y0);
    yAxis(svg, f, y, tv, function (v) { return compact(Math.abs(v)); }, 'left');
    var slot = (f.x1 - f.x0) / periods.length;
    var bw = Math.max(1, Math.min(42, slot * 0.72));
    var xc = function (i) { return f.x0 + slot * (i + 0.5); };
    var bars = el(svg, 'g', { 'class': 'bars' });
    periods.forEach(function (p, i) {
      var x = xc(i) - bw / 2;
      if (p.issued > 0) {
        tip(el(bars, 'rect', { x: x, y: y(p.issued), width: bw, height: Math.max(0.5, y(0) - y(p.issued)),
          fill: COLORS.issued, 'class': 'bar-issued' }), periodTitle(p) + ': ' + fmt(p.issued) + ' points issued');
      }
      var base = 0;
      [['redeemed', 'redeemed'], ['reversed', 'reversed'], ['expired', 'expired']].forEach(function (k) {
        var v = p[k[0]];
        if (v > 0) {
          tip(el(bars, 'rect', { x: x, y: y(-base), width: bw, height: Math.max(0.5, y(-(base + v)) - y(-base)),
            fill: COLORS[k[0]], 'class': 'bar-' + k[0] }), periodTitle(p) + ': ' + fmt(v) + ' points ' + k[1]);
          base += v;
        }
      });
    });
    el(svg, 'line', { x1: f.x0, x2: f.x1, y1: y(0), y2: y(0), stroke: '#52606d', 'stroke-width': 1 });
    xLabels(svg, f, periods, xc);
    text(svg, f.x0 - 56, f.y0 - 14, 'points', { 'class': 'axis-label' });
    legend(svg, [{ label: 'Issued', color: COLORS.issued }, { label: 'Redeemed', color: COLORS.redeemed },
      { label: 'Reversed', color: COLORS.reversed }, { label: 'Expired', color: COLORS.expired }], f.x0 + 10, f.y0 - 14);
  }

  // Outstanding points as an area, with the money axis at the offset rate on the right.
  function drawOutstanding(svg) {
    var periods = data.periods;
    if (!periods.some(function (p) { return p.outstanding !== 0; })) { empty(svg, 'No points held yet'); return; }
    var f = frame(svg, { left: 64, right: data.offset ? 84 : 20, top: 34, bottom: 30 });
    var lo = 0;
    var hi = 0;
    periods.forEach(function (p) { lo = Math.min(lo, p.outstanding); hi = Math.max(hi, p.outstanding); });
    var tv = ticks(lo, hi, 5, true);
    var y = linear(tv[0], tv[tv.length - 1], f.y1, f.y0);
    yAxis(svg, f, y, tv, compact, 'left');
    if (data.offset) {
      var perPoint = Number(data.offset.value) / Number(data.offset.points);
      yAxis(svg, f, y, tv, function (v) { return compact(v * perPoint); }, 'right');
      text(svg, f.x1 + 8, f.y0 - 14, data.currency, { 'class': 'axis-label' });
    }
    var slot = (f.x1 - f.x0) / periods.length;
    var xc = function (i) { return f.x0 + slot * (i + 0.5); };
    var line = '';
    periods.forEach(function (p, i) { line += (i ? 'L' : 'M') + xc(i).toFixed(1) + ',' + y(p.outstanding).toFixed(1); });
    var area = line + 'L' + xc(periods.length - 1).toFixed(1) + ',' + y(0).toFixed(1)
      + 'L' + xc(0).toFixed(1) + ',' + y(0).toFixed(1) + 'Z';
    el(svg, 'path', { d: area, fill: COLORS.outstanding, 'fill-opacity': 0.14, stroke: 'none', 'class': 'area' });
    el(svg, 'path', { d: line, fill: 'none', stroke: COLORS.outstanding, 'stroke-width': 2.2, 'stroke-linejoin': 'round',
      'class': 'line' });
    var dots = el(svg, 'g', { 'class': 'points' });
    periods.forEach(function (p, i) {
      tip(el(dots, 'circle', { cx: xc(i), cy: y(p.outstanding), r: periods.length > 60 ? 1.5 : 3, fill: '#fff',
        stroke: COLORS.outstanding, 'stroke-width': 1.5 }),
        periodTitle(p) + ': ' + fmt(p.outstanding) + ' points' + (p.outstandingValue ? ' = ' + p.outstandingValue : ''));
    });
    var last = periods[periods.length - 1];
    var label = 'now ' + fmt(last.outstanding) + ' points'
      + (data.outstandingValueText ? ' \u2248 ' + data.outstandingValueText : '');
    text(svg, f.x1, f.y0 - 14, label, { 'text-anchor': 'end', 'class': 'value-label' });
    xLabels(svg, f, periods, xc);
    text(svg, f.x0 - 56, f.y0 - 14, 'points', { 'class': 'axis-label' });
    legend(svg, [{ label: 'Points outstanding', color: COLORS.outstanding }], f.x0 + 10, f.y0 - 14);
  }

  // Principal and bonus held, stacked areas over time.
  function drawStoredValue(svg) {
    var periods = data.periods;
    var any = periods.some(function (p) { return Number(p.principal) !== 0 || Number(p.bonus) !== 0; });
    if (!any) { empty(svg, 'No stored value held'); return; }
    var f = frame(svg, { left: 64, right: 20, top: 34, bottom: 30 });
    var lo = 0;
    var hi = 0;
    periods.forEach(function (p) {
      var a = Number(p.principal);
      var b = Number(p.bonus);
      lo = Math.min(lo, a, a + b);
      hi = Math.max(hi, a, a + b);
    });
    var tv = ticks(lo, hi, 5, false);
    var y = linear(tv[0], tv[tv.length - 1], f.y1, f.y0);
    yAxis(svg, f, y, tv, compact, 'left');
    var slot = (f.x1 - f.x0) / periods.length;
    var xc = function (i) { return f.x0 + slot * (i + 0.5); };
    function band(lower, upper, color, cls) {
      var d = '';
      periods.forEach(function (p, i) { d += (i ? 'L' : 'M') + xc(i).toFixed(1) + ',' + y(upper(p)).toFixed(1); });
      for (var i = periods.length - 1; i >= 0; i--) { d += 'L' + xc(i).toFixed(1) + ',' + y(lower(periods[i])).toFixed(1); }
      el(svg, 'path', { d: d + 'Z', fill: color, 'fill-opacity': 0.8, stroke: color, 'stroke-width': 1, 'class': cls });
    }
    band(function () { return 0; }, function (p) { return Number(p.principal); }, COLORS.principal, 'band-principal');
    band(function (p) { return Number(p.principal); }, function (p) { return Number(p.principal) + Number(p.bonus); },
      COLORS.bonus, 'band-bonus');
    var hits = el(svg, 'g', { 'class': 'hits' });
    periods.forEach(function (p, i) {
      tip(el(hits, 'rect', { x: xc(i) - slot / 2, y: f.y0, width: slot, height: f.y1 - f.y0, fill: 'transparent' }),
        periodTitle(p) + ': principal ' + p.principalText + ', bonus ' + p.bonusText);
    });
    var last = periods[periods.length - 1];
    text(svg, f.x1, f.y0 - 14, 'now ' + last.storedText, { 'text-anchor': 'end', 'class': 'value-label' });
    xLabels(svg, f, periods, xc);
    text(svg, f.x0 - 56, f.y0 - 14, data.currency, { 'class': 'axis-label' });
    legend(svg, [{ label: 'Principal', color: COLORS.principal }, { label: 'Bonus', color: COLORS.bonus }],
      f.x0 + 10, f.y0 - 14);
  }

  // Horizontal bars: one row per item, a label on the left, the value at the bar's end.
  function hbars(svg, rows, opts) {
    if (!rows.length) { empty(svg, opts.empty); return; }
    var labelWidth = Math.min(190, Math.max(60, 8 + FONT_WIDTH * Math.max.apply(null, rows.map(function (r) {
      return Math.min(opts.labelMax, r.label.length);
    }))));
    var noteWidth = Math.max.apply(null, rows.map(function (r) { return r.note.length; })) * FONT_WIDTH;
    var f = frame(svg, { left: labelWidth + 12, right: Math.min(230, 16 + noteWidth), top: 10, bottom: 10 });
    var max = 0;
    rows.forEach(function (r) { max = Math.max(max, r.value, r.ghost || 0); });
    var x = linear(0, max || 1, f.x0, f.x1);
    var rowH = Math.min(36, (f.y1 - f.y0) / rows.length);
    var barH = Math.max(6, rowH * 0.62);
    var g = el(svg, 'g', { 'class': 'bars' });
    rows.forEach(function (r, i) {
      var cy = f.y0 + rowH * (i + 0.5);
      text(g, f.x0 - 10, cy + 4, clip(r.label, opts.labelMax), { 'text-anchor': 'end' });
      el(g, 'rect', { x: f.x0, y: cy - barH / 2, width: f.x1 - f.x0, height: barH, rx: 3, fill: '#f3f5f8' });
      if (r.ghost) {
        el(g, 'rect', { x: f.x0, y: cy - barH / 2, width: Math.max(0, x(r.ghost) - f.x0), height: barH, rx: 3,
          fill: opts.ghostColor });
      }
      var w = Math.max(r.value > 0 ? 2 : 0, x(Math.max(0, r.value)) - f.x0);
      tip(el(g, 'rect', { x: f.x0, y: cy - barH / 2, width: w, height: barH, rx: 3, fill: r.color || opts.color,
        'class': 'bar' }), r.title);
      text(g, f.x0 + Math.max(w, r.ghost ? x(r.ghost) - f.x0 : 0) + 8, cy + 4, r.note, { 'class': 'value-label' });
    });
  }

  // A ring of members per level, the legend beside it giving each level's count and share.
  function drawTiers(svg) {
    var tiers = data.tiers;
    var total = tiers.reduce(function (s, t) { return s + t.members; }, 0);
    if (!total) { empty(svg, 'No members yet'); return; }
    var f = frame(svg, { left: 10, right: 10, top: 10, bottom: 10 });
    var r = Math.min((f.y1 - f.y0) / 2, (f.x1 - f.x0) * 0.24);
    var cx = f.x0 + r + 10;
    var cy = (f.y0 + f.y1) / 2;
    var inner = r * 0.6;
    var angle = -Math.PI / 2;
    var ring = el(svg, 'g', { 'class': 'ring' });
    tiers.forEach(function (t, i) {
      if (!t.members) { return; }
      var color = COLORS.tiers[i % COLORS.tiers.length];
      var title = t.name + ' (' + t.id + '): ' + fmt(t.members) + ' members, ' + t.share;
      if (t.members === total) {
        tip(el(ring, 'circle', { cx: cx, cy: cy, r: (r + inner) / 2, fill: 'none', stroke: color, 'stroke-width': r - inner }), title);
        return;
      }
      var sweep = 2 * Math.PI * t.members / total;
      var a0 = angle;
      var a1 = angle + sweep;
      var large = sweep > Math.PI ? 1 : 0;
      var p = function (rad, a) { return (cx + rad * Math.cos(a)).toFixed(2) + ',' + (cy + rad * Math.sin(a)).toFixed(2); };
      var d = 'M' + p(r, a0) + 'A' + r + ',' + r + ' 0 ' + large + ' 1 ' + p(r, a1)
        + 'L' + p(inner, a1) + 'A' + inner + ',' + inner + ' 0 ' + large + ' 0 ' + p(inner, a0) + 'Z';
      tip(el(ring, 'path', { d: d, fill: color, stroke: '#fff', 'stroke-width': 1.5, 'class': 'slice' }), title);
      angle = a1;
    });
    text(svg, cx, cy - 2, fmt(total), { 'text-anchor': 'middle', 'class': 'ring-total' });
    text(svg, cx, cy + 16, total === 1 ? 'member' : 'members', { 'text-anchor': 'middle', 'class': 'axis-label' });
    var lx = cx + r + 34;
    var rowH = Math.min(44, (f.y1 - f.y0) / Math.max(1, tiers.length));
    var ly = cy - rowH * tiers.length / 2 + rowH / 2;
    var legendGroup = el(svg, 'g', { 'class': 'legend' });
    tiers.forEach(function (t, i) {
      var y = ly + rowH * i;
      el(legendGroup, 'rect', { x: lx, y: y - 8, width: 12, height: 12, rx: 2, fill: COLORS.tiers[i % COLORS.tiers.length] });
      text(legendGroup, lx + 20, y + 2, clip(t.name, 22), { 'class': 'legend-name' });
      text(legendGroup, f.x1, y + 2, fmt(t.members) + ' \u00b7 ' + t.share, { 'text-anchor': 'end', 'class': 'value-label' });
      text(legendGroup, lx + 20, y + 17, t.id, { 'class': 'axis-label' });
    });
  }

  function drawReferrers(svg) {
    hbars(svg, data.referrers.map(function (r) {
      var who = r.name ? r.name + ' \u00b7 ' + r.member : r.member;
      return {
        label: who, value: r.points,
        note: fmt(r.points) + ' pts \u00b7 ' + fmt(r.referrals) + (r.referrals === 1 ? ' referral' : ' referrals'),
        title: who + ': ' + fmt(r.points) + ' referral points, ' + fmt(r.referrals) + ' members referred'
      };
    }), { empty: 'No referrals yet', labelMax: 26, color: COLORS.referrers });
  }

  function drawRules(svg) {
    hbars(svg, data.rules.map(function (r) {
      return {
        label: r.rule, value: r.net, ghost: r.reversed > 0 ? r.awarded : 0,
        note: fmt(r.net) + ' pts' + (r.reversed > 0 ? ' (' + fmt(r.reversed) + ' reversed)' : ''),
        title: r.rule + ': ' + fmt(r.awarded) + ' awarded, ' + fmt(r.reversed) + ' reversed, ' + fmt(r.net) + ' net'
      };
    }), { empty: 'No points awarded yet', labelMax: 26, color: COLORS.rules, ghostColor: COLORS.rulesAwarded });
  }

  // ---------------------------------------------------------------------------------------- status

  var charts = [
    ['chart-flow', drawFlow], ['chart-outstanding', drawOutstanding], ['chart-tiers', drawTiers],
    ['chart-stored-value', drawStoredValue], ['chart-referrers', drawReferrers], ['chart-rules', drawRules]
  ];
  var errors = window.reportErrors || [];
  charts.forEach(function (c) {
    var svg = document.getElementById(c[0]);
    try {
      if (!svg) { throw new Error('no element #' + c[0]); }
      c[1](svg);
    } catch (e) {
      errors.push(c[0] + ': ' + (e && e.message ? e.message : String(e)));
    }
  });

  // What a headless browser reads back: one status on the body, the size and mark count on each chart.
  var drawn = 0;
  Array.prototype.forEach.call(document.querySelectorAll('svg.chart'), function (svg) {
    var box = svg.getBoundingClientRect();
    var marks = svg.querySelectorAll('path, rect, circle, line').length;
    svg.setAttribute('data-width', String(Math.round(box.width)));
    svg.setAttribute('data-height', String(Math.round(box.height)));
    svg.setAttribute('data-marks', String(marks));
    if (box.width > 0 && box.height > 0 && marks > 0) { drawn++; }
  });
  document.body.setAttribute('data-charts', String(drawn));
  document.body.setAttribute('data-errors', String(errors.length));
  if (errors.length) { document.body.setAttribute('data-error-messages', errors.join(' | ')); }
  document.body.setAttribute('data-render', errors.length ? 'error' : 'ok');
}());
