/* argmap explorer. Hand-written, no libraries, no network: everything it shows is in the
   <script id="argmap-data"> element, computed by argmap's query functions (argmap.export.explore).
   This script draws the map, filters what is drawn, and renders the precomputed answers. */
(function () {
  'use strict';
  const T0 = performance.now();
  const DATA = JSON.parse(document.getElementById('argmap-data').textContent);
  const NODES = DATA.nodes, CLAIMS = DATA.claims, PANELS = DATA.panels, LAYOUT = DATA.layout;
  const META = DATA.meta, PARAS = DATA.paragraphs || [];
  const CLAIM_IDS = Object.keys(CLAIMS);
  const SVGNS = 'http://www.w3.org/2000/svg';
  const LIMIT = META.claim_draw_limit || 60;
  const NEIGHBOUR_LIMIT = META.neighbour_limit || 60;
  const STANCE_ORDER = { support: 0, mixed: 1, neutral: 2, object: 3 };
  const STANCE_VERB = { support: 'supports', object: 'objects to', neutral: 'discusses', mixed: 'mixed on' };
  const KIND_NAME = { proposal: 'Proposal', actor: 'Actor', theme: 'Theme (ground)', document: 'Document', claim: 'Claim' };

  // ------------------------------------------------------------------ DOM helpers
  function setAttrs(e, attrs) {
    for (const k in attrs || {}) {
      const v = attrs[k];
      if (v == null || v === false) continue;
      if (k === 'text') e.textContent = v;
      else if (k.slice(0, 2) === 'on') e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
  }
  function add(e, ...kids) {
    for (const k of kids.flat(Infinity)) {
      if (k == null || k === false) continue;
      e.append(k instanceof Node ? k : document.createTextNode(String(k)));
    }
    return e;
  }
  function h(tag, attrs, ...kids) { const e = document.createElement(tag); setAttrs(e, attrs); return add(e, kids); }
  function s(tag, attrs, ...kids) { const e = document.createElementNS(SVGNS, tag); setAttrs(e, attrs); return add(e, kids); }
  const $ = (id) => document.getElementById(id);
  function kindOf(id) { return NODES[id] ? NODES[id].kind : (CLAIMS[id] ? 'claim' : ''); }
  function short(text, n) { text = String(text || ''); return text.length > n ? text.slice(0, n - 1) + '…' : text; }
  function label(id) {
    if (NODES[id]) return NODES[id].label;
    if (CLAIMS[id]) return quoted(short(CLAIMS[id].text, 60));
    return id;
  }
  function quoted(text) { return /^[“"‘']/.test(text) ? text : '“' + text + '”'; }
  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : (many || one + 's')); }
  function docNode(c) { return 'doc:' + CLAIMS[c].document; }
  function docDate(c) { const d = NODES[docNode(c)]; return (d && d.date) || ''; }
  function overall(counts) {
    if (counts.support && counts.object) return 'mixed';
    if (counts.support) return 'support';
    if (counts.object) return 'object';
    return 'neutral';
  }
  function byLabel(a, b) { return label(a).localeCompare(label(b)); }

  // ------------------------------------------------------------------ claims around each node
  const RELATED = {};  // node id -> claim ids (claims on a proposal, by an actor, raising a theme, in a document)
  function relate(n, c) { (RELATED[n] || (RELATED[n] = [])).push(c); }
  for (const c of CLAIM_IDS) {
    const r = CLAIMS[c];
    if (r.speaker) relate(r.speaker, c);
    for (const t of r.on || []) relate(t[0], c);
    for (const t of r.themes || []) relate(t, c);
    relate(docNode(c), c);
  }
  function claimOrder(a, b) {
    const x = CLAIMS[a], y = CLAIMS[b];
    return x.document < y.document ? -1 : x.document > y.document ? 1 : (x.start || 0) - (y.start || 0);
  }
  for (const n in RELATED) RELATED[n].sort(claimOrder);
  // a claim's stance toward one node: its edge to a proposal, else the claim's own stance
  function stanceToward(c, node) {
    for (const t of CLAIMS[c].on || []) if (t[0] === node) return t[1];
    return CLAIMS[c].stance;
  }

  // ------------------------------------------------------------------ filters
  const F = { proposal: '', actor: '', theme: '', document: '', support: true, object: true, neutral: true, from: '', to: '' };
  let VISIBLE = new Set(CLAIM_IDS);
  function passes(c) {
    const r = CLAIMS[c];
    if (!F[r.stance]) return false;
    if (F.proposal && !(r.on || []).some((t) => t[0] === F.proposal)) return false;
    if (F.actor && r.speaker !== F.actor) return false;
    if (F.theme && !(r.themes || []).includes(F.theme)) return false;
    if (F.document && docNode(c) !== F.document) return false;
    if (F.from || F.to) {
      const d = docDate(c);
      if (!d) return false;
      if (F.from && d < F.from) return false;
      if (F.to && d.slice(0, F.to.length) > F.to) return false;
    }
    return true;
  }
  function filtersActive() {
    return !!(F.proposal || F.actor || F.theme || F.document || F.from || F.to || !F.support || !F.object || !F.neutral);
  }
  function applyFilters(quiet) {
    VISIBLE = new Set(CLAIM_IDS.filter(passes));
    const st = $('f-status');
    st.textContent = filtersActive() ? `showing ${VISIBLE.size} of ${CLAIM_IDS.length} claims` : `${CLAIM_IDS.length} claims`;
    st.classList.toggle('active', filtersActive());
    if (quiet === true) return;
    renderMap();
    renderPanel(state.panel);
  }
  function fillSelect(sel, ids, anyText, describe) {
    add(sel, h('option', { value: '', text: anyText }));
    for (const id of ids) add(sel, h('option', { value: id, text: describe ? describe(id) : short(label(id), 60) }));
  }
  function setupFilters() {
    const withClaims = (kind) => Object.keys(NODES).filter((n) => NODES[n].kind === kind && RELATED[n]).sort(byLabel);
    fillSelect($('f-proposal'), withClaims('proposal'), 'any');
    fillSelect($('f-actor'), withClaims('actor'), 'anyone');
    fillSelect($('f-theme'), withClaims('theme'), 'any');
    const docs = withClaims('document').sort((a, b) => (NODES[a].date || '9999').localeCompare(NODES[b].date || '9999'));
    fillSelect($('f-document'), docs, 'any', (d) => (NODES[d].date ? NODES[d].date + ' ' : '') + short(NODES[d].label, 50));
    const bind = (id, key, prop) => $(id).addEventListener('change', (e) => { F[key] = e.target[prop]; applyFilters(); });
    bind('f-proposal', 'proposal', 'value'); bind('f-actor', 'actor', 'value'); bind('f-theme', 'theme', 'value');
    bind('f-document', 'document', 'value'); bind('f-from', 'from', 'value'); bind('f-to', 'to', 'value');
    bind('f-support', 'support', 'checked'); bind('f-object', 'object', 'checked'); bind('f-neutral', 'neutral', 'checked');
    if (META.dates) {
      for (const id of ['f-from', 'f-to']) { $(id).min = META.dates[0]; $(id).max = META.dates[1]; }
    }
    $('f-reset').addEventListener('click', () => {
      Object.assign(F, { proposal: '', actor: '', theme: '', document: '', support: true, object: true, neutral: true, from: '', to: '' });
      for (const id of ['f-proposal', 'f-actor', 'f-theme', 'f-document', 'f-from', 'f-to']) $(id).value = '';
      for (const id of ['f-support', 'f-object', 'f-neutral']) $(id).checked = true;
      applyFilters();
    });
  }

  // ------------------------------------------------------------------ state and addresses
  const state = { focus: null, panel: null, view: 'map', selected: null };
  let steps = 0;  // views opened inside the page: Backspace goes back only through these
  function go(id) {
    const hash = '#' + encodeURIComponent(id);
    steps++;
    if (location.hash === hash) route(); else location.hash = hash;
  }
  function route() {
    let id = '';
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { id = ''; }
    if (id === 'network' || id === 'timeline') { showView(id); return; }
    showView('map');
    if (id === 'overview') { state.focus = null; state.selected = null; renderMap(true); renderPanel(null); return; }
    if (!id || (!NODES[id] && !CLAIMS[id])) {
      state.focus = META.start || null; state.selected = null;
      renderMap(true); renderPanel(META.start || null);
      return;
    }
    if (CLAIMS[id]) {
      state.selected = id;
      if (!drawnIds.has(id)) { state.focus = id; renderMap(true); } else markSelected();
    } else {
      state.selected = null;
      if (state.focus !== id) { state.focus = id; renderMap(true); } else markSelected();
    }
    renderPanel(id);
  }

  // ------------------------------------------------------------------ views
  function showView(v) {
    state.view = v;
    for (const name of ['map', 'network', 'timeline']) {
      $(name + '-view').hidden = name !== v;
      $('tab-' + name).setAttribute('aria-pressed', String(name === v));
    }
    if (v === 'network') renderNetwork();
    if (v === 'timeline') renderTimeline();
  }

  // ------------------------------------------------------------------ pan and zoom
  function PanZoom(svg, viewport) {
    const v = { k: 1, x: 0, y: 0 };
    const apply = () => {
      viewport.setAttribute('transform', `translate(${v.x.toFixed(1)},${v.y.toFixed(1)}) scale(${v.k.toFixed(4)})`);
      svg.classList.toggle('far', v.k < 0.75);
    };
    const zoomAt = (px, py, f) => {
      const k2 = Math.min(6, Math.max(0.05, v.k * f));
      v.x = px - (px - v.x) * (k2 / v.k); v.y = py - (py - v.y) * (k2 / v.k); v.k = k2; apply();
    };
    const size = () => { const r = svg.getBoundingClientRect(); return [r.width || 800, r.height || 600]; };
    const centre = () => { const [w, hh] = size(); return [w / 2, hh / 2]; };
    svg.addEventListener('wheel', (e) => {
      e.preventDefault();
      const r = svg.getBoundingClientRect();
      zoomAt(e.clientX - r.left, e.clientY - r.top, Math.exp(-e.deltaY * 0.0015));
    }, { passive: false });
    let drag = null;
    svg.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      drag = { x: e.clientX, y: e.clientY, vx: v.x, vy: v.y, moved: false, id: e.pointerId };
    });
    svg.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) > 4) {
        drag.moved = true; svg.classList.add('panning');
        try { svg.setPointerCapture(drag.id); } catch (err) { /* pointer already gone */ }
      }
      if (drag.moved) { v.x = drag.vx + dx; v.y = drag.vy + dy; apply(); }
    });
    const end = () => {
      if (drag && drag.moved) { pz.justPanned = true; setTimeout(() => { pz.justPanned = false; }, 0); }
      drag = null; svg.classList.remove('panning');
    };
    svg.addEventListener('pointerup', end);
    svg.addEventListener('pointercancel', end);
    const pz = {
      v, apply, justPanned: false,
      zoom(f) { const [cx, cy] = centre(); zoomAt(cx, cy, f); },
      pan(dx, dy) { v.x += dx; v.y += dy; apply(); },
      fit(box) {
        const [W, H] = size();
        const bw = Math.max(box.x1 - box.x0, 1), bh = Math.max(box.y1 - box.y0, 1);
        v.k = Math.min(W / (bw + 60), H / (bh + 60), 1.6);
        v.x = W / 2 - ((box.x0 + box.x1) / 2) * v.k; v.y = H / 2 - ((box.y0 + box.y1) / 2) * v.k;
        apply();
      },
      toScreen(x, y) { return [x * v.k + v.x, y * v.k + v.y]; },
      size,
    };
    return pz;
  }

  // ------------------------------------------------------------------ drawing a graph
  function wrap(text, width, maxLines) {
    const words = String(text).split(/\s+/), lines = [];
    let line = '';
    for (const w of words) {
      if (line && (line + ' ' + w).length > width) { lines.push(line); line = w; } else line = line ? line + ' ' + w : w;
    }
    if (line) lines.push(line);
    if (lines.length > maxLines) { lines.length = maxLines; lines[maxLines - 1] = short(lines[maxLines - 1] + ' …', width + 1); }
    return lines;
  }
  function textLines(lines, y0, anchor, x) {
    const t = s('text', { 'text-anchor': anchor || 'middle', x: x || 0, y: y0 });
    lines.forEach((ln, i) => add(t, s('tspan', { x: x || 0, dy: i ? '1.2em' : 0, text: ln })));
    return t;
  }
  // the shape of a node: {el, w, h} (half sizes for hit boxes and fitting)
  function nodeShape(id, n, opts) {
    const kind = kindOf(id), d = NODES[id] || {};
    if (kind === 'proposal' || kind === 'theme' || kind === 'document') {
      const lines = wrap(d.label, kind === 'document' ? 26 : 22, 3);
      const w = Math.max(...lines.map((l) => l.length)) * 6.9 + 18, hh = lines.length * 14.4 + 10;
      return { el: [s('rect', { x: -w / 2, y: -hh / 2, width: w, height: hh, rx: kind === 'theme' ? 12 : 5 }),
        textLines(lines, -hh / 2 + 16)], w: w / 2, h: hh / 2 };
    }
    if (kind === 'actor') {
      const r = 7 + Math.min(Math.sqrt(d.claims || 1) * 1.6, 16);
      const shape = d.type === 'organisation'
        ? s('rect', { x: -r, y: -r, width: 2 * r, height: 2 * r, rx: 4 }) : s('circle', { r });
      const side = opts && opts.side;
      const lines = side ? [short(d.label, 32)] : wrap(d.label, 18, 2);
      const above = opts && opts.above;
      const t = side ? textLines(lines, 4, side > 0 ? 'start' : 'end', side * (r + 5))
        : textLines(lines, above ? -r - 6 - (lines.length - 1) * 14.4 : r + 13);
      // a transparent box over the shape and its label, so a click on the label opens the node too
      const tw = Math.max(...lines.map((l) => l.length)) * 6.9, th = lines.length * 14.4 + 4;
      const hit = side ? s('rect', { class: 'hit', x: side > 0 ? -r : -r - 5 - tw, y: -r, width: 2 * r + 5 + tw, height: 2 * r })
        : s('rect', { class: 'hit', x: -Math.max(r, tw / 2), y: above ? -r - th : -r, width: 2 * Math.max(r, tw / 2), height: 2 * r + th });
      return { el: [hit, shape, t], w: r, h: r };
    }
    return { el: [s('circle', { r: 6.5 })], w: 6.5, h: 6.5 };  // a claim
  }
  function ariaFor(id) {
    const kind = kindOf(id);
    if (kind === 'claim') {
      const c = CLAIMS[id];
      return `Claim, ${c.stance}${c.speaker ? ' by ' + label(c.speaker) : ''}: ${short(c.text, 120)}`;
    }
    const n = (RELATED[id] || []).length;
    return `${KIND_NAME[kind] || kind}: ${label(id)}, ${plural(n, 'claim')}`;
  }
  let drawnIds = new Set();
  let mapNodes = [];  // [{id, x, y, el}]
  function drawGraph(g, pz) {
    const vp = $('viewport');
    vp.textContent = '';
    $('map').classList.remove('hovering');
    const edgeLayer = s('g', { class: 'edges' }), nodeLayer = s('g', { class: 'nodes' });
    add(vp, edgeLayer, nodeLayer);
    const pos = {};
    for (const n of g.nodes) pos[n.id] = n;
    const edgesOf = {};
    for (const e of g.edges) {
      const a = pos[e.a], b = pos[e.b];
      if (!a || !b) continue;
      const width = e.cls === 'ground' || e.cls === 'assert' || e.cls === 'doc' ? 1.3 : Math.min(1.3 + 1.5 * Math.log2(1 + e.count), 8);
      const line = s('line', { class: 'edge ' + e.cls, x1: a.x, y1: a.y, x2: b.x, y2: b.y, 'stroke-width': width.toFixed(1) });
      add(edgeLayer, line);
      (edgesOf[e.a] || (edgesOf[e.a] = [])).push(line);
      (edgesOf[e.b] || (edgesOf[e.b] = [])).push(line);
      if (e.claims && e.claims.length) {
        const hit = s('line', { class: 'edge-hit', x1: a.x, y1: a.y, x2: b.x, y2: b.y },
          s('title', { text: `${label(e.a)} – ${label(e.b)}: ${plural(e.claims.length, 'claim')}` }));
        hit.addEventListener('click', () => { if (!pzMap.justPanned) showClaimSet(e); });
        add(edgeLayer, hit);
      }
      if (e.label) add(edgeLayer, s('text', { class: 'edge-count', x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, 'text-anchor': 'middle', text: e.label }));
    }
    mapNodes = [];
    drawnIds = new Set();
    for (const n of g.nodes) {
      const kind = kindOf(n.id), d = NODES[n.id] || {};
      let cls = 'node ' + kind;
      if (kind === 'claim') cls += ' ' + (n.stance || CLAIMS[n.id].stance);
      if (kind === 'actor') cls += ' ' + (d.type || 'person') + (n.minor ? ' minor' : '');
      if (kind === 'proposal' && d.candidate) cls += ' candidate';
      if (n.center) cls += ' center';
      const shape = nodeShape(n.id, n, { side: n.side, above: n.above });
      const el = s('g', { class: cls, transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`, tabindex: -1,
        role: 'button', 'aria-label': ariaFor(n.id), 'data-id': n.id }, shape.el, s('title', { text: ariaFor(n.id) }));
      el.addEventListener('click', (ev) => { ev.stopPropagation(); if (!pzMap.justPanned) go(n.id); });
      el.addEventListener('focus', () => { for (const m of mapNodes) m.el.tabIndex = -1; el.tabIndex = 0; });
      const lines = edgesOf[n.id] || [];
      el.addEventListener('pointerenter', () => hover(lines, true));
      el.addEventListener('pointerleave', () => hover(lines, false));
      add(nodeLayer, el);
      mapNodes.push({ id: n.id, x: n.x, y: n.y, w: shape.w, h: shape.h, side: n.side, el });
      drawnIds.add(n.id);
    }
    const first = mapNodes.find((m) => m.id === state.focus) || mapNodes[0];
    if (first) first.el.tabIndex = 0;
    function hover(lines, on) {
      $('map').classList.toggle('hovering', on);
      for (const l of lines) l.classList.toggle('hl', on);
    }
    markSelected();
  }
  function bounds(nodes) {
    const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    for (const n of nodes) {
      const w = (n.w || 10) + (n.side ? 120 : 20), hh = (n.h || 10) + 24;
      box.x0 = Math.min(box.x0, n.x - w); box.x1 = Math.max(box.x1, n.x + w);
      box.y0 = Math.min(box.y0, n.y - hh); box.y1 = Math.max(box.y1, n.y + hh);
    }
    return nodes.length ? box : { x0: -100, y0: -100, x1: 100, y1: 100 };
  }
  function markSelected() {
    for (const m of mapNodes) m.el.classList.toggle('selected', m.id === state.selected);
  }

  // ------------------------------------------------------------------ the whole map
  function aggregate(visible) {
    const edges = new Map();
    const put = (a, b, cls, st, c) => {
      const key = a + '\u0000' + b;
      let e = edges.get(key);
      if (!e) { e = { a, b, kind: cls, support: 0, object: 0, neutral: 0, claims: [] }; edges.set(key, e); }
      e[st] = (e[st] || 0) + 1; e.claims.push(c);
    };
    for (const c of visible) {
      const r = CLAIMS[c], on = r.on || [];
      for (const [p, st] of on) {
        if (r.speaker) put(r.speaker, p, 'position', st, c);
        for (const t of r.themes || []) put(t, p, 'ground', st, c);
      }
      if (!on.length && r.speaker) for (const t of r.themes || []) put(r.speaker, t, 'ground', r.stance, c);
    }
    return [...edges.values()].map((e) => ({
      a: e.a, b: e.b, claims: e.claims, count: e.claims.length, cls: e.kind === 'ground' ? 'ground' : overall(e),
      support: e.support, object: e.object, neutral: e.neutral,
    }));
  }
  function overviewGraph() {
    const edges = aggregate(CLAIM_IDS.filter((c) => VISIBLE.has(c)));
    const ids = new Set();
    for (const e of edges) { ids.add(e.a); ids.add(e.b); }
    const actors = [...ids].filter((i) => kindOf(i) === 'actor').sort((a, b) => (NODES[b].claims || 0) - (NODES[a].claims || 0));
    const major = new Set(actors.slice(0, 40));
    const nodes = [...ids].filter((i) => LAYOUT[i]).map((i) => ({ id: i, x: LAYOUT[i][0], y: LAYOUT[i][1], minor: !major.has(i) }));
    return { nodes, edges };
  }

  // ------------------------------------------------------------------ a node's neighbourhood
  // half width and half height of a node as drawn (nodeShape), for spacing rings
  function extent(id, side) {
    const kind = kindOf(id), d = NODES[id] || {};
    if (kind === 'proposal' || kind === 'theme' || kind === 'document') {
      const lines = wrap(d.label, kind === 'document' ? 26 : 22, 3);
      return [(Math.max(...lines.map((l) => l.length)) * 6.9 + 18) / 2, (lines.length * 14.4 + 10) / 2];
    }
    if (kind === 'actor') {
      const r = 7 + Math.min(Math.sqrt(d.claims || 1) * 1.6, 16);
      if (side) return [r + 4, Math.max(r, 9) + 3];
      const lines = wrap(d.label, 18, 2);
      return [Math.max(r, Math.max(...lines.map((l) => l.length)) * 3.45) + 3, r + lines.length * 14.4];
    }
    return [8, 8];
  }
  const sideOf = (angle) => (Math.abs(Math.cos(angle)) >= 0.45 ? (Math.cos(angle) > 0 ? 1 : -1) : 0);
  const radial = (it) => {  // how far a node reaches out from its ring (a side label reaches outwards)
    const side = sideOf(it.angle), e = extent(it.id, side);
    const reach = Math.abs(Math.cos(it.angle)) * e[0] + Math.abs(Math.sin(it.angle)) * e[1];
    return side && kindOf(it.id) === 'actor' ? reach + Math.min(label(it.id).length, 32) * 6.9 + 5 : reach;
  };
  const tangent = (it) => { const e = extent(it.id, sideOf(it.angle)); return Math.abs(Math.sin(it.angle)) * e[0] + Math.abs(Math.cos(it.angle)) * e[1]; };
  // put items (sorted by their wished angle) on a circle of radius at least r0, none overlapping; returns the radius
  function ring(items, r0) {
    const n = items.length;
    if (!n) return r0;
    const turn = 2 * Math.PI;
    for (const it of items) it.angle = ((it.angle % turn) + turn) % turn;
    items.sort((a, b) => a.angle - b.angle);
    const need = () => items.reduce((t, it) => t + 2 * tangent(it) + 8, 0);
    let r = Math.max(r0, need() / (2 * Math.PI * 0.92));
    for (let round = 0; round < 4 && n > 1; round++) {
      for (let pass = 0; pass < 80; pass++) {
        let moved = false;
        for (let i = 0; i < n; i++) {
          const a = items[i], b = items[(i + 1) % n];
          let d = b.angle - a.angle;
          if (i === n - 1) d += 2 * Math.PI;
          const gap = (tangent(a) + tangent(b) + 8) / r;
          if (d < gap - 1e-6) { const push = (gap - d) / 2; a.angle -= push; b.angle += push; moved = true; }
        }
        if (!moved) return place(items, r);
      }
      r *= 1.15;
    }
    return place(items, r);
  }
  function place(items, r) {
    for (const it of items) { it.x = Math.cos(it.angle) * r; it.y = Math.sin(it.angle) * r; it.side = sideOf(it.angle); it.above = Math.sin(it.angle) < 0; }
    return r;
  }
  const mean = (angles) => Math.atan2(angles.reduce((t, a) => t + Math.sin(a), 0), angles.reduce((t, a) => t + Math.cos(a), 0));
  const evenly = (i, n) => -Math.PI / 2 - 2 * Math.PI * (i + 0.5) / Math.max(n, 1);
  function neighbourGraph(fid) {
    const kind = kindOf(fid);
    if (kind === 'claim') return claimGraph(fid);
    const all = RELATED[fid] || [];
    const related = all.filter((c) => VISIBLE.has(c));
    const others = (c) => {
      const r = CLAIMS[c], out = [];
      if (r.speaker && r.speaker !== fid) out.push([r.speaker, 'assert']);
      for (const [p, st] of r.on || []) if (p !== fid) out.push([p, st]);
      for (const t of r.themes || []) if (t !== fid) out.push([t, 'ground']);
      return out;
    };
    const primary = (c) => {
      const r = CLAIMS[c];
      if (kind === 'actor') return (r.on && r.on[0] && r.on[0][0]) || (r.themes && r.themes[0]) || '';
      return r.speaker || '';
    };
    const centre = { id: fid, x: 0, y: 0, center: true };
    const g = { nodes: [centre], edges: [], hidden: all.length - related.length, claims: related.length };
    if (related.length <= LIMIT) {
      related.sort((a, b) => (STANCE_ORDER[stanceToward(a, fid)] - STANCE_ORDER[stanceToward(b, fid)])
        || label(primary(a)).localeCompare(label(primary(b))) || claimOrder(a, b));
      const n = related.length, r1 = Math.max(110, n * 17 / (2 * Math.PI));
      const at = {};
      related.forEach((c, i) => {
        const angle = evenly(i, n);
        at[c] = angle;
        const node = { id: c, stance: stanceToward(c, fid), x: Math.cos(angle) * r1, y: Math.sin(angle) * r1 };
        g.nodes.push(node);
        const cls = kind === 'proposal' ? node.stance : kind === 'actor' ? 'assert' : kind === 'theme' ? 'ground' : 'doc';
        g.edges.push({ a: fid, b: c, cls, count: 1 });
      });
      const angles = {}, links = [];
      for (const c of related) {
        for (const [o, cls] of others(c)) {
          (angles[o] || (angles[o] = [])).push(at[c]);
          links.push({ a: c, b: o, cls, count: 1 });
        }
      }
      const outer = Object.keys(angles).map((o) => ({ id: o, angle: mean(angles[o]) })).sort((a, b) => a.angle - b.angle);
      const far = (o) => ['theme', 'document'].includes(kindOf(o.id));
      const near = outer.filter((o) => !far(o)), away = outer.filter(far);
      const r2 = ring(near, r1 + 130);
      // the outer ring clears the middle ring's nodes (and their labels) where they face its nodes
      const turn = 2 * Math.PI, apart = (a, b) => { const d = Math.abs(a - b) % turn; return Math.min(d, turn - d); };
      const r3 = ring(away, r2 + 24 + Math.max(0, ...away.map(radial)));
      for (const o of away) {  // each one pushed out past the middle-ring nodes it faces
        const reach = Math.max(0, ...near.filter((n) => apart(n.angle, o.angle) < 0.45).map(radial));
        const r = Math.max(r3, r2 + reach + radial(o) + 24);
        o.x = Math.cos(o.angle) * r; o.y = Math.sin(o.angle) * r;
      }
      g.nodes.push(...outer);
      g.edges.push(...links);
    } else {
      const agg = {};
      for (const c of related) {
        for (const [o, cls] of others(c)) {
          const st = cls === 'assert' || cls === 'ground' ? stanceToward(c, fid) : cls;
          const e = agg[o] || (agg[o] = { a: fid, b: o, support: 0, object: 0, neutral: 0, claims: [], kindOf: cls });
          e[st] = (e[st] || 0) + 1; e.claims.push(c);
        }
      }
      const list = Object.values(agg);
      for (const e of list) {
        e.count = e.claims.length; e.label = String(e.count);
        e.cls = kindOf(e.b) === 'theme' ? 'ground' : overall(e);
      }
      list.sort((x, y) => (kindOf(x.b) === 'theme') - (kindOf(y.b) === 'theme')
        || STANCE_ORDER[overall(x)] - STANCE_ORDER[overall(y)] || label(x.b).localeCompare(label(y.b)));
      // the busiest neighbours only: the rest are in the panel
      const kept = list.length > NEIGHBOUR_LIMIT
        ? list.slice().sort((x, y) => y.count - x.count || label(x.b).localeCompare(label(y.b))).slice(0, NEIGHBOUR_LIMIT) : list;
      const keep = new Set(kept);
      const shown = list.filter((e) => keep.has(e));
      const items = shown.map((e, i) => ({ id: e.b, angle: evenly(i, shown.length) }));
      ring(items, 220);
      g.nodes.push(...items);
      g.edges.push(...shown);
      g.dropped = list.length - shown.length;
      g.aggregated = true;
    }
    return g;
  }
  function claimGraph(c) {
    const r = CLAIMS[c];
    const g = { nodes: [{ id: c, x: 0, y: 0, center: true, stance: r.stance }], edges: [], claims: 1, hidden: 0 };
    const around = [];
    if (r.speaker) around.push([r.speaker, 'assert']);
    for (const [p, st] of r.on || []) around.push([p, st]);
    for (const t of r.themes || []) around.push([t, 'ground']);
    if (NODES[docNode(c)]) around.push([docNode(c), 'doc']);
    const items = around.map(([o, cls], i) => {
      g.edges.push({ a: c, b: o, cls, count: 1 });
      return { id: o, angle: -Math.PI / 2 - 2 * Math.PI * i / around.length };
    });
    ring(items, 190);
    g.nodes.push(...items);
    return g;
  }

  // ------------------------------------------------------------------ the map view
  let pzMap = null;
  function renderMap(refit) {
    if (!pzMap) return;
    const g = state.focus ? neighbourGraph(state.focus) : overviewGraph();
    drawGraph(g, pzMap);
    if (refit !== false) pzMap.fit(bounds(mapNodes));
    const crumbs = $('crumbs');
    crumbs.textContent = '';
    if (state.focus) {
      add(crumbs, h('button', { type: 'button', text: 'Whole map', onclick: () => go('overview') }), h('span', { class: 'sep', text: '›' }),
        h('span', { text: `${KIND_NAME[kindOf(state.focus)]}: ${short(label(state.focus), 70)}` }));
    } else add(crumbs, h('span', { text: 'Whole map: proposals, themes and the actors who argue about them' }));
    const note = $('map-note');
    const parts = [];
    if (state.focus && g.aggregated) parts.push(`${g.claims} claims: one link per neighbour, with its count (click a link for its claims)`);
    else if (state.focus && kindOf(state.focus) !== 'claim') parts.push(`${plural(g.claims, 'claim')} around ${short(label(state.focus), 40)}`);
    if (!state.focus) parts.push(`${g.nodes.length} nodes, ${g.edges.length} links; click a node for its neighbourhood`);
    if (g.dropped) parts.push(`the ${NEIGHBOUR_LIMIT} neighbours with most claims drawn, ${g.dropped} more in the panel`);
    if (g.hidden) parts.push(`${g.hidden} hidden by the filters`);
    if (!g.nodes.length || (state.focus && g.nodes.length === 1 && kindOf(state.focus) !== 'claim')) parts.push('nothing to draw with these filters');
    note.textContent = parts.join(' · ');
  }
  function setupMap() {
    pzMap = PanZoom($('map'), $('viewport'));
    $('zoom-in').addEventListener('click', () => pzMap.zoom(1.25));
    $('zoom-out').addEventListener('click', () => pzMap.zoom(0.8));
    $('zoom-fit').addEventListener('click', () => renderMap(true));
    $('whole-map').addEventListener('click', () => go('overview'));
    $('map').addEventListener('keydown', mapKeys);
    const legend = $('legend');
    for (const [cls, text] of [['support', 'supports'], ['object', 'objects to'], ['mixed', 'both'], ['neutral', 'neutral'], ['ground', 'ground raised']]) {
      add(legend, h('span', {}, h('span', { class: 'sw ' + cls }), text));
    }
  }
  function mapKeys(e) {
    const m = mapNodes.find((n) => n.el === document.activeElement);
    const key = e.key;
    if (e.shiftKey && key.startsWith('Arrow')) {
      const d = 60, map = { ArrowLeft: [d, 0], ArrowRight: [-d, 0], ArrowUp: [0, d], ArrowDown: [0, -d] };
      pzMap.pan(...map[key]); e.preventDefault(); return;
    }
    if (key.startsWith('Arrow') && m) {
      const dir = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[key];
      let best = null, bestScore = Infinity;
      for (const o of mapNodes) {
        if (o === m) continue;
        const dx = o.x - m.x, dy = o.y - m.y, along = dx * dir[0] + dy * dir[1];
        if (along <= 0) continue;
        const across = Math.abs(dx * dir[1] - dy * dir[0]);
        const score = along + across * 2.5;
        if (score < bestScore) { bestScore = score; best = o; }
      }
      if (best) { best.el.focus(); ensureVisible(best); }
      e.preventDefault();
      return;
    }
    if ((key === 'Enter' || key === ' ') && m) { go(m.id); e.preventDefault(); return; }
    if (key === '+' || key === '=') { pzMap.zoom(1.25); e.preventDefault(); }
    else if (key === '-' || key === '_') { pzMap.zoom(0.8); e.preventDefault(); }
    else if (key === '0') { renderMap(true); e.preventDefault(); }
  }
  function ensureVisible(m) {
    const [x, y] = pzMap.toScreen(m.x, m.y), [W, H] = pzMap.size(), pad = 40;
    let dx = 0, dy = 0;
    if (x < pad) dx = pad - x; else if (x > W - pad) dx = W - pad - x;
    if (y < pad) dy = pad - y; else if (y > H - pad) dy = H - pad - y;
    if (dx || dy) pzMap.pan(dx, dy);
  }
  function focusMap() {
    const m = mapNodes.find((n) => n.el.tabIndex === 0) || mapNodes[0];
    if (m) m.el.focus();
  }

  // ------------------------------------------------------------------ the panel: pieces
  function nodeLink(id, text) {
    if (!id) return h('span', { class: 'meta', text: 'no speaker found' });
    const kind = kindOf(id);
    return h('button', { type: 'button', class: 'link ' + kind, 'data-open': id, text: text || label(id), onclick: () => go(id) });
  }
  function docLine(c) {
    const r = CLAIMS[c], d = NODES[docNode(c)] || {};
    return [nodeLink(docNode(c), short(d.label || r.document, 60)), d.date ? ` (${d.date})` : ''];
  }
  function claimItem(c, opts) {
    const r = CLAIMS[c], st = (opts && opts.toward) ? stanceToward(c, opts.toward) : r.stance;
    const meta = [];
    if (!(opts && opts.noSpeaker)) meta.push(r.speaker ? nodeLink(r.speaker) : 'no speaker', ' · ');
    meta.push(docLine(c));
    if (!(opts && opts.noTargets) && (r.on || []).length) meta.push(' · on ', (r.on || []).map(([p], i) => [i ? ', ' : '', nodeLink(p, short(label(p), 40))]));
    if ((r.themes || []).length) meta.push(' · grounds: ', r.themes.map((t) => h('button', { type: 'button', class: 'chip', text: label(t), onclick: () => go(t) })));
    return h('li', { class: 'claim ' + st, 'data-claim': c },
      h('button', { type: 'button', class: 'quote', title: 'Open the evidence', onclick: () => go(c), text: quoted(r.text) }),
      h('div', { class: 'meta' }, meta));
  }
  const LIST_STEP = 50;
  function claimList(ids, opts) {
    const shown = ids.filter((c) => VISIBLE.has(c));
    const ul = h('ul', { class: 'claims' });
    let n = 0;
    const more = h('button', { type: 'button', class: 'link more' });
    const step = () => {
      for (const c of shown.slice(n, n + LIST_STEP)) add(ul, claimItem(c, opts));
      n += LIST_STEP;
      more.hidden = n >= shown.length;
      more.textContent = `show ${Math.min(LIST_STEP, shown.length - n)} more of ${shown.length - n}`;
    };
    more.addEventListener('click', step);
    step();
    const hidden = ids.length - shown.length;
    return [ul, more, hidden ? h('div', { class: 'hiddennote', text: `${plural(hidden, 'claim')} hidden by the filters` }) : null];
  }
  // a collapsible group whose claims are drawn when it is first opened
  function group(title, ids, opts, open) {
    const shown = ids.filter((c) => VISIBLE.has(c)).length;
    const d = h('details', { class: 'group' });
    const summary = h('summary', {}, title, ' ', h('span', { class: 'count', text: shown === ids.length ? `(${plural(ids.length, 'claim')})` : `(${shown} of ${ids.length} claims shown)` }));
    add(d, summary);
    let filled = false;
    const fill = () => { if (!filled) { filled = true; add(d, claimList(ids, opts)); } };
    d.addEventListener('toggle', () => { if (d.open) fill(); });
    if (open) { d.open = true; fill(); }
    return d;
  }
  function heading(id, extra) {
    const kind = kindOf(id);
    return [h('div', { class: 'kindtag', text: KIND_NAME[kind] || kind }), h('h2', { id: 'panel-title' }, label(id), extra || null)];
  }
  function counts(row) {
    return `${plural(row.claims, 'claim')}: ${row.support} support, ${row.object} object, ${row.neutral} neutral`;
  }
  let grouping = 'ground';
  function groupingSwitch() {
    const mk = (value, text) => h('label', {}, h('input', { type: 'radio', name: 'grouping', value, checked: grouping === value,
      onchange: () => { grouping = value; renderPanel(state.panel); } }), ' ' + text);
    return h('div', { class: 'grouping', role: 'radiogroup', 'aria-label': 'Group claims' }, 'Group by', mk('ground', 'ground'), mk('actor', 'actor'));
  }

  // ------------------------------------------------------------------ the panel: one per kind
  function renderPanel(id) {
    state.panel = id;
    const panel = $('panel');
    panel.textContent = '';
    panel.dataset.kind = id ? kindOf(id) : 'home';
    panel.dataset.id = id || '';
    const kind = id ? kindOf(id) : '';
    if (kind === 'proposal') proposalPanel(panel, id);
    else if (kind === 'actor') actorPanel(panel, id);
    else if (kind === 'theme') themePanel(panel, id);
    else if (kind === 'document') documentPanel(panel, id);
    else if (kind === 'claim') claimPanel(panel, id);
    else homePanel(panel);
    panel.scrollTop = 0;
  }
  function byActorSection(answer, opts) {
    const actors = answer.actors || [];
    if (!actors.length) return h('p', { class: 'meta', text: 'none' });
    return actors.map((a, i) => group(h('span', {}, nodeLink(a.id), a.mixed ? h('span', { class: 'badge st-mixed', text: 'also the other way' }) : null),
      a.claims, Object.assign({ noSpeaker: true }, opts), i < 3));
  }
  function byGroundSection(grounds, opts) {
    if (!grounds.length) return h('p', { class: 'meta', text: 'none' });
    return grounds.map((gr, i) => group(h('span', {}, gr.id ? nodeLink(gr.id, gr.label) : h('em', { text: gr.label }),
      h('span', { class: 'meta', text: gr.actors.length ? ' — raised by ' + names(gr.actors, 6) : '' })), gr.claims, opts, i < 3));
  }
  function names(ids, n) {
    const shown = ids.slice(0, n).map(label).join(', ');
    return ids.length > n ? `${shown} and ${ids.length - n} more` : shown;
  }
  function aliases(title, names) {
    if (names.length <= 4) return h('p', { class: 'keyline', text: `${title}: ${names.join('; ')}` });
    return h('details', { class: 'keyline' }, h('summary', { text: `${title} (${names.length})` }), names.join('; '));
  }
  function proposalPanel(panel, id) {
    const p = PANELS[id], d = NODES[id];
    add(panel, heading(id, d.candidate ? h('span', { class: 'badge', text: 'candidate, not in the taxonomy' }) : null));
    if (!p) { add(panel, h('p', { class: 'facts', text: 'No claim is about this proposal.' })); return; }
    const sm = p.summary;
    add(panel, h('p', { class: 'facts', text: `${counts(sm)} · ${plural(sm.objectors, 'objector')}, ${plural(sm.supporters, 'supporter')} · ${plural(sm.documents, 'document')}` }));
    if (p.contested) add(panel, h('p', { class: 'facts', text: `contested score ${p.contested.score} (min(objectors, supporters) + grounds)` }));
    if (d.aliases) add(panel, aliases('also called', d.aliases));
    add(panel, groupingSwitch());
    const opts = { toward: id, noTargets: true };
    const obj = p.objectors, sup = p.supporters;
    add(panel, h('h3', { id: 'objectors' }, `Objectors (${plural(obj.actors.length, 'actor')}, ${plural(p.objections.total_claims, 'claim')})`));
    add(panel, grouping === 'ground' ? byGroundSection(p.objections.grounds, opts) : byActorSection(obj, opts));
    if (obj.unattributed) add(panel, h('p', { class: 'meta', text: `${plural(obj.unattributed, 'objecting claim')} with no speaker found` }));
    const supClaims = sup.actors.reduce((t, a) => t + a.claims.length, 0);
    add(panel, h('h3', { id: 'supporters' }, `Supporters (${plural(sup.actors.length, 'actor')}, ${plural(supClaims, 'claim')})`));
    add(panel, grouping === 'ground' ? byGroundSection(p.support_grounds, opts) : byActorSection(sup, opts));
    const neutral = (RELATED[id] || []).filter((c) => stanceToward(c, id) === 'neutral');
    if (neutral.length) {
      add(panel, h('h3', { id: 'neutral' }, `Discussed without a stance (${plural(neutral.length, 'claim')})`));
      add(panel, group('claims', neutral, opts, false));
    }
  }
  function actorPanel(panel, id) {
    const p = PANELS[id], d = NODES[id], pos = p.positions, sm = p.summary;
    add(panel, heading(id));
    const facts = [d.type || 'actor'];
    if (d.role) facts.push(d.role);
    add(panel, h('p', { class: 'facts', text: facts.join(' · ') }));
    if (pos.affiliation) add(panel, h('p', {}, 'affiliated with ', nodeLink(pos.affiliation)));
    if (pos.members && pos.members.length) add(panel, h('p', {}, 'members: ', pos.members.map((m, i) => [i ? ', ' : '', nodeLink(m)])));
    add(panel, h('p', { class: 'facts', text: `${counts(sm)} · ${plural(sm.proposals, 'proposal')} · ${plural(sm.documents, 'document')}` }));
    if (d.aliases) add(panel, aliases('also called', d.aliases));
    add(panel, h('h3', { id: 'positions', text: `Positions (${pos.positions.length})` }));
    if (!pos.positions.length) add(panel, h('p', { class: 'meta', text: 'no claim on a proposal' }));
    pos.positions.forEach((row, i) => {
      const title = h('span', {}, h('span', { class: 'st-' + row.stance, text: STANCE_VERB[row.stance] + ': ' }), nodeLink(row.id),
        h('span', { class: 'count', text: ' ' + ['support', 'object', 'neutral'].filter((k) => row[k]).map((k) => `${row[k]} ${k}`).join(', ') }));
      add(panel, group(title, row.claims, { noSpeaker: true, toward: row.id, noTargets: true }, i < 4));
    });
    if (pos.untargeted.length) {
      add(panel, h('h3', { text: 'Claims on no proposal' }));
      add(panel, group('claims', pos.untargeted, { noSpeaker: true }, false));
    }
    add(panel, networkSection(id));
    add(panel, h('h3', { text: 'Documents' }), h('ul', { class: 'plain' }, pos.documents.map((doc) => h('li', {}, nodeLink('doc:' + doc, short(label('doc:' + doc), 70))))));
  }
  function themePanel(panel, id) {
    const p = PANELS[id], d = NODES[id];
    add(panel, heading(id));
    if (!p) { add(panel, h('p', { class: 'facts', text: 'No claim raises this ground.' })); return; }
    const sm = p.summary;
    add(panel, h('p', { class: 'facts', text: `${counts(sm)} · ${plural(sm.actors, 'actor')} · ${plural(sm.proposals, 'proposal')}` }));
    if (d.aliases) add(panel, aliases('words that name it', d.aliases));
    add(panel, h('h3', { id: 'objectors', text: `Raised against (${plural(p.objectors.actors.length, 'actor')})` }), byActorSection(p.objectors, {}));
    add(panel, h('h3', { id: 'supporters', text: `Raised in support (${plural(p.supporters.actors.length, 'actor')})` }), byActorSection(p.supporters, {}));
  }
  function documentPanel(panel, id) {
    const d = NODES[id], p = PANELS[id] || { claims: [], speakers: [] };
    add(panel, heading(id));
    add(panel, h('dl', { class: 'record' },
      d.date ? [h('dt', { text: 'date' }), h('dd', { text: d.date })] : null,
      d.outlet ? [h('dt', { text: 'outlet' }), h('dd', { text: d.outlet })] : null,
      d.author ? [h('dt', { text: 'author' }), h('dd', { text: d.author + (d.author_role ? ', ' + d.author_role : '') })] : null,
      d.genre ? [h('dt', { text: 'genre' }), h('dd', { text: d.genre })] : null,
      d.url ? [h('dt', { text: 'address' }), h('dd', {}, externalLink(d.url))] : null,
      d.path ? [h('dt', { text: 'file' }), h('dd', { text: d.path })] : null));
    if (p.speakers.length) add(panel, h('p', {}, 'speakers: ', p.speakers.map((a, i) => [i ? ', ' : '', nodeLink(a)])));
    add(panel, h('h3', { text: `Claims (${p.claims.length})` }), claimList(p.claims, {}));
  }
  function externalLink(url) {
    const safe = /^https?:\/\//i.test(url);
    return safe ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: url }) : h('span', { text: url });
  }
  function contextBlock(c) {
    const r = CLAIMS[c];
    const box = h('blockquote', { class: 'context ' + r.stance, 'aria-label': 'The claim in its paragraph' });
    if (!r.context) {
      add(box, h('span', { class: 'sentence', text: r.text }));
      const why = (META.missing_texts || {})[docNode(c)];
      return [box, h('p', { class: 'hiddennote', text: 'paragraph not shown: ' + (why || 'the article was not available when this page was written') })];
    }
    const text = PARAS[r.context.paragraph], s0 = r.context.start, s1 = r.context.end, marks = r.context.marks || [];
    const cuts = new Set([0, text.length, s0, s1]);
    for (const m of marks) { cuts.add(m[0]); cuts.add(m[1]); }
    const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      if (a === b) continue;
      const piece = text.slice(a, b), mark = marks.find((m) => m[0] <= a && b <= m[1]);
      const inner = mark ? h('mark', { class: 'cue-' + mark[2], title: mark[2] + ' cue', text: piece }) : document.createTextNode(piece);
      add(box, a >= s0 && b <= s1 ? h('span', { class: 'sentence' }, inner) : inner);
    }
    return [box, h('p', { class: 'keyline' }, 'highlighted: ', h('mark', { class: 'cue-stance', text: 'stance cue' }), ' ',
      h('mark', { class: 'cue-target', text: 'proposal named' }), ' ', h('mark', { class: 'cue-attribution', text: 'attribution verb' }))];
  }
  function claimPanel(panel, c) {
    const r = CLAIMS[c], d = NODES[docNode(c)] || {};
    add(panel, h('div', { class: 'kindtag', text: 'Claim · evidence' }),
      h('h2', { id: 'panel-title' }, r.speaker ? label(r.speaker) : 'No speaker found', ' ', h('span', { class: 'badge st-' + r.stance, text: r.stance })));
    add(panel, contextBlock(c));
    const list = (items) => items.map((x, i) => [i ? ', ' : '', x]);
    add(panel, h('dl', { class: 'record', id: 'explain' },
      h('dt', { text: 'speaker' }), h('dd', {}, r.speaker ? nodeLink(r.speaker) : 'none found'),
      h('dt', { text: 'stance' }), h('dd', { class: 'st-' + r.stance, text: r.stance }),
      h('dt', { text: 'on' }), h('dd', {}, (r.on || []).length ? list(r.on.map(([p, st]) => [nodeLink(p), h('span', { class: 'meta st-' + st, text: ` (${st})` })])) : 'no proposal'),
      h('dt', { text: 'grounds' }), h('dd', {}, (r.themes || []).length ? list(r.themes.map((t) => nodeLink(t))) : 'none'),
      h('dt', { text: 'document' }), h('dd', {}, nodeLink(docNode(c), d.label || r.document)),
      d.date ? [h('dt', { text: 'date' }), h('dd', { text: d.date })] : null,
      d.outlet ? [h('dt', { text: 'outlet' }), h('dd', { text: d.outlet })] : null,
      d.url ? [h('dt', { text: 'address' }), h('dd', {}, externalLink(d.url))] : null,
      h('dt', { text: 'location' }), h('dd', { text: r.location || '' })));
    add(panel, h('h3', { text: 'Why argmap found it (explain)' }), h('dl', { class: 'record' },
      h('dt', { text: 'attribution' }), h('dd', { text: r.attribution || '—' }),
      h('dt', { text: 'stance cues' }), h('dd', { text: (r.stance_cues || []).join('; ') || '—' }),
      h('dt', { text: 'target cues' }), h('dd', { text: (r.target_cues || []).join('; ') || '—' }),
      h('dt', { text: 'rule' }), h('dd', { text: r.rule || '—' }),
      h('dt', { text: 'quoted' }), h('dd', { text: r.quoted ? 'yes, in quotation marks' : 'no' }),
      h('dt', { text: 'claim id' }), h('dd', { text: c })));
  }
  function homePanel(panel) {
    const cn = META.counts;
    add(panel, h('div', { class: 'kindtag', text: 'Overview' }), h('h2', { id: 'panel-title', text: META.title }));
    add(panel, h('p', { class: 'facts', text: `${plural(cn.document, 'document')}, ${plural(cn.actor, 'actor')}, ${plural(cn.claim, 'claim')}` + (META.dates ? `, ${META.dates[0]} to ${META.dates[1]}` : '') }));
    add(panel, h('p', { text: 'Click a proposal, actor or theme on the map (or search for one) to see its neighbourhood here and on the map; click a quotation to see it in its article.' }));
    const rows = DATA.home.contested;
    add(panel, h('h3', { text: 'Most contested proposals' }));
    if (!rows.length) add(panel, h('p', { class: 'meta', text: 'no proposal has supporting or objecting claims' }));
    else {
      add(panel, h('table', { class: 'rank' }, h('thead', {}, h('tr', {}, h('th', { text: 'proposal' }), h('th', { class: 'n', text: 'score' }), h('th', { class: 'n', text: 'obj' }), h('th', { class: 'n', text: 'sup' }))),
        h('tbody', {}, rows.slice(0, 15).map((r) => h('tr', {}, h('td', {}, nodeLink(r.id)), h('td', { class: 'n', text: r.score }), h('td', { class: 'n', text: r.objectors }), h('td', { class: 'n', text: r.supporters }))))));
    }
    const listOf = (title, ids, describe, n) => {
      add(panel, h('h3', { text: title }));
      const ul = h('ul', { class: 'plain' });
      const item = (i) => h('li', {}, nodeLink(i, describe ? describe(i) : null), h('span', { class: 'meta', text: ` ${(RELATED[i] || []).length}` }));
      add(ul, ids.slice(0, n).map(item));
      add(panel, ul);
      if (ids.length > n) {
        const more = h('button', { type: 'button', class: 'link more', text: `all ${ids.length}` });
        more.addEventListener('click', () => { add(ul, ids.slice(n).map(item)); more.remove(); });
        add(panel, more);
      }
    };
    listOf('Actors (by claims)', DATA.home.actors, null, 12);
    listOf('Themes (grounds)', DATA.home.themes, null, 20);
    listOf('Documents', DATA.home.documents, (d) => (NODES[d].date ? NODES[d].date + ' · ' : '') + short(NODES[d].label, 60), 12);
    const missing = Object.keys(META.missing_texts || {});
    if (missing.length) add(panel, h('p', { class: 'hiddennote', text: `${plural(missing.length, 'article')} could not be read when this page was written: their claims are shown without their paragraph` }));
    add(panel, h('p', { class: 'keyline', text: `written by argmap ${META.argmap_version}` + (META.built_at ? `, graph built ${META.built_at}` : '') }));
  }
  function showClaimSet(e) {
    state.panel = null;
    const panel = $('panel');
    panel.textContent = '';
    panel.dataset.kind = 'link';
    panel.dataset.id = e.a + ' ' + e.b;
    add(panel, h('div', { class: 'kindtag', text: 'Claims linking' }), h('h2', { id: 'panel-title' }, nodeLink(e.a), ' — ', nodeLink(e.b)));
    add(panel, claimList(e.claims, {}));
    panel.focus();
  }

  // ------------------------------------------------------------------ search
  const fold = (t) => String(t || '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[‘’`]/g, "'");
  const ENTRIES = Object.keys(NODES).map((id) => {
    const d = NODES[id];
    return { id, label: d.label, hay: fold([d.label, ...(d.aliases || []), id.split(':').slice(1).join(':')].join(' | ')), weight: (RELATED[id] || []).length };
  });
  const KIND_RANK = { proposal: 0, actor: 1, theme: 2, document: 3, claim: 4 };
  let FOLDED = null;
  function searchHits(q) {
    const words = fold(q).split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    const whole = fold(q).trim();
    const hits = [];
    for (const e of ENTRIES) {
      if (!words.every((w) => e.hay.includes(w))) continue;
      const lab = fold(e.label);
      const rank = lab === whole ? 0 : lab.startsWith(whole) ? 1 : words.every((w) => new RegExp('(^|[^a-z0-9])' + w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).test(e.hay)) ? 2 : 3;
      hits.push({ id: e.id, rank, kind: kindOf(e.id), weight: e.weight });
    }
    hits.sort((a, b) => a.rank - b.rank || KIND_RANK[a.kind] - KIND_RANK[b.kind] || b.weight - a.weight || byLabel(a.id, b.id));
    const out = hits.slice(0, 12);
    if (whole.length >= 3) {
      if (!FOLDED) FOLDED = CLAIM_IDS.map((c) => [c, fold(CLAIMS[c].text)]);
      let n = 0;
      for (const [c, t] of FOLDED) {
        if (words.every((w) => t.includes(w))) { out.push({ id: c, kind: 'claim' }); if (++n >= 8) break; }
      }
    }
    return out;
  }
  function setupSearch() {
    const input = $('search'), list = $('search-results');
    let hits = [], active = -1;
    const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; };
    const mark = () => {
      [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
      if (active >= 0) { input.setAttribute('aria-activedescendant', 'hit-' + active); list.children[active].scrollIntoView({ block: 'nearest' }); }
    };
    const open = (i) => { const hit = hits[i]; if (!hit) return; close(); input.value = ''; go(hit.id); $('panel').focus(); };
    input.addEventListener('input', () => {
      hits = searchHits(input.value);
      list.textContent = '';
      if (!input.value.trim()) { close(); return; }
      if (!hits.length) add(list, h('li', { class: 'meta', role: 'option', 'aria-disabled': 'true', text: 'nothing matches' }));
      hits.forEach((hit, i) => add(list, h('li', { id: 'hit-' + i, role: 'option', 'data-id': hit.id, onmousedown: (e) => { e.preventDefault(); open(i); } },
        h('span', { class: 'kind', text: hit.kind }), h('span', { class: 'hit-label', text: hit.kind === 'claim' ? label(hit.id) + (CLAIMS[hit.id].speaker ? ' — ' + label(CLAIMS[hit.id].speaker) : '') : label(hit.id) }))));
      list.hidden = false; input.setAttribute('aria-expanded', 'true');
      active = hits.length ? 0 : -1; mark();
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown') { if (hits.length) { active = (active + 1) % hits.length; mark(); } e.preventDefault(); }
      else if (e.key === 'ArrowUp') { if (hits.length) { active = (active - 1 + hits.length) % hits.length; mark(); } e.preventDefault(); }
      else if (e.key === 'Enter') { open(active >= 0 ? active : 0); e.preventDefault(); }
      else if (e.key === 'Escape') { close(); input.value = ''; }
    });
    input.addEventListener('blur', () => setTimeout(close, 150));
  }

  // ------------------------------------------------------------------ the actor network and the timeline (when the graph has them)
  const NET = DATA.network || null, TL = DATA.timeline || null;
  const NET_EDGES = {};  // actor -> [edge]
  if (NET) for (const e of NET.edges) { (NET_EDGES[e.a] || (NET_EDGES[e.a] = [])).push(e); (NET_EDGES[e.b] || (NET_EDGES[e.b] = [])).push(e); }
  const other = (e, id) => (e.a === id ? e.b : e.a);
  let pzNet = null, netNodes = [];
  function renderNetwork() {
    if (!NET) return;
    networkPanel();
    if (pzNet) return;
    pzNet = PanZoom($('network'), $('network-viewport'));
    $('network-title').textContent = `${NET.title}: ${plural(Object.keys(NET.nodes).length, 'actor')}, ` +
      (NET.ties > NET.edges.length ? `the ${NET.edges.length} strongest of ${NET.ties} ties` : plural(NET.ties, 'tie'));
    const vp = $('network-viewport'), edgeLayer = s('g', {}), nodeLayer = s('g', {});
    add(vp, edgeLayer, nodeLayer);
    const top = new Set(Object.keys(NET.nodes).sort((a, b) => NET.nodes[b].statements - NET.nodes[a].statements).slice(0, 40));
    for (const e of NET.edges) {
      const a = NET.layout[e.a], b = NET.layout[e.b];
      if (!a || !b) continue;
      const agree = e.agree.map((p) => short(label(p), 40)).join('; ');
      add(edgeLayer, s('line', { class: 'edge tie', x1: a[0], y1: a[1], x2: b[0], y2: b[1], 'stroke-width': Math.min(1 + Math.log2(1 + e.weight), 7).toFixed(1) },
        s('title', { text: `${label(e.a)} and ${label(e.b)} agree (weight ${e.weight}) on ${agree}` + (e.conflict ? `; disagree ${e.conflict}× on ${e.disagree.map((p) => short(label(p), 40)).join('; ')}` : '') })));
    }
    netNodes = [];
    for (const id of Object.keys(NET.layout)) {
      const [x, y] = NET.layout[id], d = NET.nodes[id] || {}, shape = nodeShape(id, {}, {});
      const el = s('g', { class: `node actor ${(NODES[id] || {}).type || 'person'} coalition-${Math.min(d.coalition || 0, 8)}${top.has(id) ? '' : ' minor'}`,
        transform: `translate(${x},${y})`, tabindex: 0, role: 'button', 'data-id': id,
        'aria-label': `${label(id)}: coalition ${d.coalition || 'none'}, ${plural(d.statements || 0, 'statement')}` },
      shape.el, s('title', { text: `${label(id)} — coalition ${d.coalition || 'none'}, ${d.support} support, ${d.object} object` }));
      const open = () => { if (!pzNet.justPanned) { networkPanel(id); for (const m of netNodes) m.el.classList.toggle('selected', m.id === id); } };
      el.addEventListener('click', open);
      el.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { open(); ev.preventDefault(); } });
      add(nodeLayer, el);
      netNodes.push({ id, x, y, w: shape.w, h: shape.h, el });
    }
    const p = NET.polarisation;
    $('network-note').textContent = `coalitions by colour; polarisation ${p.value.toFixed(2)} (0 none, 1 two camps)`;
    pzNet.fit(bounds(netNodes));
    $('network-fit').addEventListener('click', () => pzNet.fit(bounds(netNodes)));
  }
  function coalitionOf(id) { return NET && NET.nodes[id] ? NET.nodes[id].coalition : 0; }
  function networkPanel(id) {
    const panel = $('panel');
    if (id) { renderPanel(id); return; }
    state.panel = null;
    panel.textContent = '';
    panel.dataset.kind = 'network';
    panel.dataset.id = '';
    const p = NET.polarisation;
    add(panel, h('div', { class: 'kindtag', text: 'Actor network' }), h('h2', { id: 'panel-title', text: 'Coalitions' }),
      h('p', { class: 'facts', text: NET.help }),
      h('p', {}, h('strong', { text: `Polarisation ${p.value.toFixed(2)}` }), ` (${p.agreement_inside} of ${p.agreement_total} agreements inside coalitions, ${p.conflict_across} of ${p.conflict_total} disagreements across them)`),
      h('p', { class: 'keyline', text: NET.polarisation_help }));
    if (!NET.coalitions.length) add(panel, h('p', { class: 'meta', text: 'no coalition of two or more actors' }));
    for (const c of NET.coalitions) {
      add(panel, h('h3', { class: 'coalition-title' }, h('span', { class: 'swatch coalition-' + Math.min(c.id, 8) }), `Coalition ${c.id} (${plural(c.members.length, 'actor')})`));
      add(panel, h('p', {}, c.members.map((m, i) => [i ? ', ' : '', nodeLink(m)])));
      if (c.agreements.length) {
        add(panel, h('ul', { class: 'plain' }, c.agreements.slice(0, 8).map((a) => h('li', {},
          h('span', { class: 'st-' + a.stance, text: (a.stance === 'support' ? 'support' : 'object to') + ' ' }), nodeLink(a.proposal),
          h('span', { class: 'meta', text: ` (${a.members.length} members)` })))));
      }
    }
  }
  function networkSection(id) {
    if (!NET || !NET.nodes[id]) return null;
    const ties = (NET_EDGES[id] || []).slice().sort((x, y) => y.weight - x.weight);
    const conflicts = (NET_EDGES[id] || []).filter((e) => e.conflict).sort((x, y) => y.conflict - x.conflict);
    const c = coalitionOf(id);
    return [h('h3', { text: 'In the actor network' }),
      h('p', {}, c ? `coalition ${c}` : 'in no coalition', c ? h('span', { class: 'swatch coalition-' + Math.min(c, 8) }) : null),
      ties.length ? h('p', {}, 'agrees most with: ', ties.slice(0, 6).map((e, i) => [i ? ', ' : '', nodeLink(other(e, id)), ` (${e.weight})`])) : null,
      conflicts.length ? h('p', {}, 'disagrees most with: ', conflicts.slice(0, 6).map((e, i) => [i ? ', ' : '', nodeLink(other(e, id)), ` (${e.conflict})`])) : null];
  }
  let tlProposal = null;
  function renderTimeline() {
    if (!TL) return;
    const ids = Object.keys(TL.proposals);
    if (!tlProposal || !TL.proposals[tlProposal]) {
      const ranked = DATA.home.contested.map((r) => r.id).filter((p) => TL.proposals[p]);
      tlProposal = (state.focus && TL.proposals[state.focus]) ? state.focus : (ranked[0] || ids[0]);
    }
    const box = $('timeline');
    box.textContent = '';
    const sel = h('select', { id: 'timeline-proposal', 'aria-label': 'Proposal' });
    for (const p of ids.slice().sort(byLabel)) add(sel, h('option', { value: p, text: short(label(p), 70), selected: p === tlProposal }));
    sel.addEventListener('change', () => { tlProposal = sel.value; renderTimeline(); sel.focus(); });
    $('timeline-title').textContent = '';
    add($('timeline-title'), h('label', {}, 'Timeline of ', sel));
    const t = TL.proposals[tlProposal], rows = t.months;
    const W = Math.max(560, rows.length * 34 + 80), half = 110, top = 16, H = top + 2 * half + 40, left = 44;
    const max = Math.max(1, ...rows.map((r) => Math.max(r.supporters.length, r.objectors.length)));
    const bw = (W - left - 10) / Math.max(rows.length, 1), mid = top + half;
    const svg = s('svg', { width: W, height: H, role: 'img', id: 'timeline-chart',
      'aria-label': `Supporters and objectors of ${label(tlProposal)} per month` });
    rows.forEach((r, i) => {
      const x = left + i * bw + 3, w = Math.max(bw - 6, 2);
      const up = (r.supporters.length / max) * half, down = (r.objectors.length / max) * half;
      if (up) add(svg, s('rect', { class: 'bar-support', x, y: mid - up, width: w, height: up },
        s('title', { text: `${r.month}: ${plural(r.supporters.length, 'supporter')} (${plural(r.support_claims, 'claim')}): ${r.supporters.map(label).join(', ')}` })));
      if (down) add(svg, s('rect', { class: 'bar-object', x, y: mid, width: w, height: down },
        s('title', { text: `${r.month}: ${plural(r.objectors.length, 'objector')} (${plural(r.object_claims, 'claim')}): ${r.objectors.map(label).join(', ')}` })));
      if (r.changed.length) add(svg, s('circle', { class: 'changed', cx: x + w / 2, cy: top + 4, r: 4 },
        s('title', { text: `${r.month}: stance changed: ${r.changed.map(label).join(', ')}` })));
      if (rows.length <= 24 || i % Math.ceil(rows.length / 24) === 0) {
        add(svg, s('g', { class: 'axis' }, s('text', { x: x + w / 2, y: H - 14, 'text-anchor': 'middle', text: r.month })));
      }
    });
    add(svg, s('g', { class: 'axis' }, s('line', { x1: left, y1: mid, x2: W - 10, y2: mid }),
      s('text', { x: left - 6, y: top + 10, 'text-anchor': 'end', text: max }), s('text', { x: left - 6, y: mid + 4, 'text-anchor': 'end', text: 0 }),
      s('text', { x: left - 6, y: mid + half, 'text-anchor': 'end', text: max })));
    add(box, h('p', { class: 'legend-line' }, h('span', { class: 'st-support', text: '▲ supporting actors' }), '   ', h('span', { class: 'st-object', text: '▼ objecting actors' }), '   ● a stance changed'), svg);
    add(box, h('h3', { text: `Stance changes (${t.changes.length})` }));
    if (!t.changes.length) add(box, h('p', { class: 'meta', text: 'no actor changed stance' }));
    add(box, h('ul', { class: 'plain', id: 'timeline-changes' }, t.changes.map((c) => h('li', {}, nodeLink(c.actor), ': ',
      h('span', { class: 'st-' + c.before, text: c.before }), ` (${c.before_month}) → `, h('span', { class: 'st-' + c.after, text: c.after }), ` (${c.month})`))));
    if (t.undated) add(box, h('p', { class: 'meta', text: `${plural(t.undated, 'claim')} from undated documents not counted` }));
    add(box, h('p', { class: 'keyline', text: TL.help }));
    renderPanel(tlProposal);
  }

  // ------------------------------------------------------------------ keyboard and start-up
  function globalKeys(e) {
    const t = e.target, typing = t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA');
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '/') { $('search').focus(); e.preventDefault(); }
    else if (e.key === '?') { $('help').showModal(); e.preventDefault(); }
    else if (e.key === 'm') { showView('map'); focusMap(); e.preventDefault(); }
    else if (e.key === 'p') { $('panel').focus(); e.preventDefault(); }
    else if (e.key === 'w') { go('overview'); e.preventDefault(); }
    else if (e.key === 'Backspace') { if (steps > 0) { steps--; history.back(); } e.preventDefault(); }
  }
  function start() {
    document.title = META.title;
    $('title').textContent = META.title;
    $('title').title = META.title;
    setupFilters();
    setupMap();
    setupSearch();
    $('help-button').addEventListener('click', () => $('help').showModal());
    $('help-close').addEventListener('click', () => $('help').close());
    $('tab-map').addEventListener('click', () => go(state.focus || 'overview'));
    if (DATA.network) { $('tab-network').hidden = false; $('tab-network').addEventListener('click', () => go('network')); }
    if (DATA.timeline) { $('tab-timeline').hidden = false; $('tab-timeline').addEventListener('click', () => go('timeline')); }
    document.addEventListener('keydown', globalKeys);
    window.addEventListener('hashchange', route);
    applyFilters(true);
    route();
    document.body.dataset.ready = '1';
    document.body.dataset.readyMs = String(Math.round(performance.now() - T0));
  }
  start();
})();
