// The ARIA mirror of the canvas: a DOM of real roles (buttons, checkboxes, radios, textboxes,
// combobox + listbox, table rows and cells, dialogs, status, alert) kept in sync with the
// app's semantic item registry, so screen readers, voice control, magnifiers and the
// browser's accessibility tree see what the canvas draws.
//
// - Updated only when the wasm says the registry changed (patdeskA11y.changed(), called after a
//   frame whose registry hash differs): an idle page does nothing, and this file never asks
//   for an animation frame.
// - Elements sit over the canvas at the items' rectangles, transparent, pointer-events:none
//   except the focused one (style.css), so magnifiers and touch exploration find them.
// - Focus goes both ways: DOM focus on an element moves ImGui's focus there
//   (Module._patdesk_a11y_focus); ImGui moving focus (a panel opening) moves DOM focus, while
//   the mirror owns DOM focus. Activation (Enter, Space, click) calls
//   Module._patdesk_a11y_activate: ImGui presses the control, no synthetic mouse coordinates.
// - Keys pressed in the mirror stay in the DOM (the canvas never sees them, except Escape),
//   so Tab follows the DOM order, which is the registry's (drawing) order.
// - Text typed into a mirror <input> replaces the field's text (Module._patdesk_a11y_set_text).
// - The copy-once secret never reaches the DOM: the wasm reports that field without a value.
(function () {
  'use strict';

  var root = null;
  var nodes = new Map();     // key -> element (items, containers, rows, cells)
  var ownsFocus = false;     // DOM focus is (or was last) on a mirror element
  var focusingFromApp = false;
  var lastAppFocus = null;   // the registry's focused item at the last update
  var sentText = new Map();  // item key -> the last text sent for it
  var stats = { updates: 0, totalMs: 0, jsonMs: 0, maxMs: 0, lastMs: 0, samples: [] };
  // Off until "Enable screen reader support" is pressed (index.html; shell.js loads this file
  // then): the mirror's cost while scrolling 10,000 rows measured above the 1 ms/frame budget.
  // Off, it costs nothing at all, not even its download.
  var enabled = false;

  function ensureRoot() {
    if (root) return root;
    root = document.createElement('div');
    root.id = 'a11y-mirror';
    document.body.insertBefore(root, document.body.firstChild);
    root.addEventListener('focusin', onFocusIn);
    root.addEventListener('click', onClick);
    root.addEventListener('input', onInput);
    return root;
  }

  function inMirror(node) { return !!(root && node && root.contains(node)); }

  // Keys typed in the mirror must not reach the canvas (web_main.cpp listens on window, in the
  // capture phase, and would move ImGui's focus or type into its own editor too). shell.js
  // registers the window listeners at page start, before the wasm's, and calls this one.
  // Escape still goes through: it closes panels, and nothing in the DOM uses it.
  function keepKeyInMirror(e) {
    if (!inMirror(e.target) || e.key === 'Escape') return;
    if (e.type === 'keydown') onMirrorKey(e);  // nothing after this listener sees the key
    e.stopImmediatePropagation();
  }
  document.addEventListener('focusin', function (e) { if (!inMirror(e.target)) ownsFocus = false; }, true);

  function itemKey(el) { return el && el.dataset ? el.dataset.key : undefined; }

  function onFocusIn(e) {
    var key = itemKey(e.target);
    ownsFocus = true;
    if (key === undefined || focusingFromApp || !window.Module || !Module._patdesk_a11y_focus) return;
    Module._patdesk_a11y_focus(Number(key) >>> 0);
  }

  function onClick(e) {
    var el = e.target.closest ? e.target.closest('[data-activate]') : null;
    if (!el || el.getAttribute('aria-disabled') === 'true') return;
    e.preventDefault();
    Module._patdesk_a11y_activate(Number(el.dataset.key) >>> 0);
  }

  // Options and menu items are not <button>s: Enter and Space activate them here.
  function onMirrorKey(e) {
    var el = e.target;
    if (!el.dataset || !el.dataset.activate || el.tagName === 'BUTTON') return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      Module._patdesk_a11y_activate(Number(el.dataset.key) >>> 0);
    }
  }

  function onInput(e) {
    var el = e.target;
    if (el.tagName !== 'INPUT' || el.readOnly || e.isComposing) return;
    var text = el.value;
    sentText.set(el.dataset.key, text);
    var bytes = new TextEncoder().encode(text), p = Module._malloc(bytes.length + 1);
    HEAPU8.set(bytes, p); HEAPU8[p + bytes.length] = 0;
    Module._patdesk_a11y_set_text(Number(el.dataset.key) >>> 0, p);
    Module._free(p);
  }

  // ---- Building elements (each attribute written only when it differs).
  function setAttr(el, name, value) {
    if (value === null || value === undefined || value === false) {
      if (el.hasAttribute(name)) el.removeAttribute(name);
    } else {
      var v = String(value);
      if (el.getAttribute(name) !== v) el.setAttribute(name, v);
    }
  }
  function setText(el, text) { if (el.textContent !== text) el.textContent = text; }
  // Positions are compared as numbers kept on the element (no style strings read back).
  function place(el, it) {
    var s = el.style;
    if (el._x !== it.x) { el._x = it.x; s.left = it.x + 'px'; }
    if (el._y !== it.y) { el._y = it.y; s.top = it.y + 'px'; }
    if (el._w !== it.w) { el._w = it.w; s.width = Math.max(1, it.w) + 'px'; }
    if (el._h !== it.h) { el._h = it.h; s.height = Math.max(1, it.h) + 'px'; }
  }

  var TAGS = { text: 'span', heading: 'h2', button: 'button', checkbox: 'button', radio: 'button',
    textbox: 'input', combobox: 'button', option: 'div', menuitem: 'div', columnheader: 'button', status: 'div' };

  function elementFor(key, tag) {
    var el = nodes.get(key);
    if (el && el.tagName.toLowerCase() === tag) return el;
    el = document.createElement(tag);
    if (tag === 'button') el.type = 'button';
    if (tag === 'input') { el.type = 'text'; el.autocomplete = 'off'; el.spellcheck = false; }
    el.dataset.key = key.slice(2);
    nodes.set(key, el);
    return el;
  }

  // Marks an element as part of this update (the rest is forgotten afterwards).
  var generation = 0;
  function used(el) { el._gen = generation; return el; }

  function sortWords(s) { return s === 1 ? 'ascending' : (s === -1 ? 'descending' : null); }

  // Everything but the position: an item whose signature did not change is only re-placed
  // (scrolling moves every row, and changes little else).
  function signature(it) {
    return it.r + '\u0001' + it.n + '\u0001' + (it.v || '') + '\u0001' + (it.ch ? 1 : 0) + (it.ex ? 1 : 0) +
      (it.se ? 1 : 0) + (it.d ? 1 : 0) + (it.ro ? 1 : 0) + (it.ns ? 1 : 0) + (it.s || 0) + (it.ex === undefined ? 'u' : '');
  }

  function itemElement(it) {
    var key = 'i:' + it.k;
    var known = nodes.get(key);
    var sig = signature(it);
    if (known && known._sig === sig && (it.r !== 'textbox' || document.activeElement !== known)) {
      place(known, it);
      return used(known);
    }
    // A header of a column that does not sort is just its name.
    var el = elementFor(key, it.ns ? 'span' : (TAGS[it.r] || 'span'));
    var activatable = it.r !== 'text' && it.r !== 'heading' && it.r !== 'textbox' && it.r !== 'status' && !it.ns;
    setAttr(el, 'data-activate', activatable ? '1' : null);
    setAttr(el, 'id', 'a11y-' + it.k);
    switch (it.r) {
      case 'checkbox': case 'radio':
        setAttr(el, 'role', it.r); setAttr(el, 'aria-checked', it.ch ? 'true' : 'false'); setText(el, it.n); break;
      case 'combobox':
        setAttr(el, 'role', 'combobox'); setAttr(el, 'aria-label', it.n);
        setAttr(el, 'aria-expanded', it.ex ? 'true' : 'false'); setAttr(el, 'aria-haspopup', 'listbox');
        setText(el, it.v || ''); break;
      case 'option':
        setAttr(el, 'role', 'option'); setAttr(el, 'aria-selected', it.se ? 'true' : 'false');
        setAttr(el, 'tabindex', '0'); setText(el, it.n); break;
      case 'menuitem':
        setAttr(el, 'role', 'menuitem'); setAttr(el, 'tabindex', '0'); setText(el, it.n); break;
      case 'columnheader': {
        if (it.ns) { setAttr(el, 'aria-label', null); setText(el, it.n); break; }
        var dir = sortWords(it.s);
        setAttr(el, 'aria-label', 'Sort by ' + it.n.toLowerCase() + (dir ? ', ' + dir : ''));
        setText(el, it.n); break;
      }
      case 'textbox':
        setAttr(el, 'aria-label', it.n);
        el.readOnly = !!it.ro;
        if (it.ro) { if (el.value !== '') el.value = ''; break; }  // concealed: never a value
        var v = it.v || '';
        if (el.value !== v && (document.activeElement !== el || sentText.get(String(it.k)) !== v)) el.value = v;
        break;
      case 'status':
        setAttr(el, 'role', 'status'); setAttr(el, 'aria-live', 'polite'); setText(el, it.n); break;
      default:
        setText(el, it.n);
        if (it.ex !== undefined) setAttr(el, 'aria-expanded', it.ex ? 'true' : 'false');
    }
    setAttr(el, 'aria-disabled', it.d ? 'true' : null);
    setAttr(el, 'class', 'a11y-item');
    place(el, it);
    el._sig = sig;
    return used(el);
  }

  var CONTAINER_ROLES = { main: null, dialog: 'dialog', listbox: 'listbox', menu: 'menu', status: 'status', alert: 'alert' };

  function containerElement(c, items) {
    var key = 'c:' + c.k;
    var el = used(elementFor(key, c.r === 'main' ? 'main' : 'div'));
    setAttr(el, 'role', CONTAINER_ROLES[c.r]);
    setAttr(el, 'class', 'a11y-group');
    if (c.r === 'dialog') {
      setAttr(el, 'aria-modal', 'true');
      setAttr(el, 'tabindex', '-1');
      var heading = items.find(function (it) { return it.r === 'heading'; });
      setAttr(el, 'aria-labelledby', heading ? 'a11y-' + heading.k : null);
      setAttr(el, 'aria-label', heading ? null : c.n);
    }
    if (c.r === 'status') setAttr(el, 'aria-live', 'polite');
    if (c.r === 'main') setAttr(el, 'aria-label', 'patdesk');
    return el;
  }

  // Puts `children` into `parent` in this order, moving only what is out of place.
  function reconcile(parent, children) {
    var i = 0;
    for (; i < children.length; i++) {
      var want = children[i];
      var have = parent.childNodes[i];
      if (have !== want) parent.insertBefore(want, have || null);
    }
    while (parent.childNodes.length > children.length) parent.removeChild(parent.lastChild);
  }

  // Table items become table > row > (columnheader | cell) > control.
  function tableChildren(tableKey, items) {
    var table = used(elementFor('t:' + tableKey, 'div'));
    setAttr(table, 'role', 'table');
    setAttr(table, 'aria-label', 'Tokens');
    setAttr(table, 'class', 'a11y-group');
    var rows = [], byRow = new Map();
    items.forEach(function (it) {
      var row = byRow.get(it.row);
      // A row is keyed by its first item (the token's own checkbox), not by its position: while
      // scrolling, rows that stay on screen keep their elements and only move.
      if (!row) { row = { key: tableKey + ':' + it.k, header: !!it.hr, cells: new Map(), order: [] }; byRow.set(it.row, row); rows.push(row); }
      var cell = row.cells.get(it.col);
      if (!cell) { cell = []; row.cells.set(it.col, cell); row.order.push(it.col); }
      cell.push(it);
    });
    reconcile(table, rows.map(function (row) {
      var rowEl = used(elementFor('r:' + row.key, 'div'));
      setAttr(rowEl, 'role', 'row');
      setAttr(rowEl, 'class', 'a11y-group');
      reconcile(rowEl, row.order.map(function (col) {
        var its = row.cells.get(col);
        var cellEl = used(elementFor('x:' + row.key + ':' + col, 'div'));
        setAttr(cellEl, 'role', row.header ? 'columnheader' : 'cell');
        setAttr(cellEl, 'class', 'a11y-group');
        var sorted = row.header ? its.find(function (it) { return it.s; }) : null;
        setAttr(cellEl, 'aria-sort', row.header ? (sorted ? sortWords(sorted.s) : 'none') : null);
        reconcile(cellEl, its.map(itemElement));
        return cellEl;
      }));
      return rowEl;
    }));
    return table;
  }

  function update() {
    var t0 = performance.now();
    generation++;
    var data = JSON.parse(UTF8ToString(Module._patdesk_a11y_json()));
    stats.jsonMs += performance.now() - t0;  // registry to JS objects; the rest is DOM work
    var cs = data.containers;
    var groups = cs.map(function () { return { children: [], tables: new Map(), items: [] }; });
    var top = [];
    var focusedItem = null;
    function entry(index) {  // a container's children, its element placed in its parent once
      var g = groups[index];
      if (!g.placed) {
        g.placed = true;
        var parent = cs[index].p;
        if (parent >= 0 && parent !== index) entry(parent).children.push({ group: index });
        else top.push(index);
      }
      return g;
    }
    data.items.forEach(function (it) {
      if (!groups[it.c]) return;
      if (it.f) focusedItem = it;
      var g = entry(it.c);
      g.items.push(it);
      if (it.t) {
        if (!g.tables.has(it.t)) { g.tables.set(it.t, []); g.children.push({ table: it.t }); }
        g.tables.get(it.t).push(it);
      } else {
        g.children.push(it);
      }
    });
    function build(index) {
      var g = groups[index];
      var el = containerElement(cs[index], g.items);
      reconcile(el, g.children.map(function (ch) {
        if (ch.group !== undefined) return build(ch.group);
        return ch.table ? tableChildren(ch.table, g.tables.get(ch.table)) : itemElement(ch);
      }));
      return el;
    }
    reconcile(ensureRoot(), top.map(build));
    // Forget elements that left the registry (reconcile() already took them out of the DOM).
    nodes.forEach(function (el, key) { if (el._gen !== generation) { nodes.delete(key); sentText.delete(key.slice(2)); } });
    followAppFocus(focusedItem);
    var ms = performance.now() - t0;
    stats.updates++; stats.totalMs += ms; stats.lastMs = ms; if (ms > stats.maxMs) stats.maxMs = ms;
    if (stats.samples.length < 5000) stats.samples.push(ms);  // tests/bench/a11y_bench.mjs reads these
  }

  // ImGui moved focus (a panel opened, an item vanished): DOM focus follows, but only while
  // the mirror owns it (a mouse or canvas-keyboard user keeps the page's own focus).
  function followAppFocus(focusedItem) {
    var key = focusedItem ? focusedItem.k : null;
    var moved = key !== lastAppFocus;
    lastAppFocus = key;
    if (!ownsFocus) return;
    var active = document.activeElement;
    var target = focusedItem && moved ? nodes.get('i:' + focusedItem.k) : null;
    if (!target && (!inMirror(active) || active === root)) {
      target = root.querySelector('[role="dialog"]') || root.querySelector('button, input, [tabindex="0"]');
    }
    if (!target || target === active) return;
    focusingFromApp = true;
    try { target.focus({ preventScroll: true }); } finally { focusingFromApp = false; }
  }

  function enable() {
    if (enabled) return;
    enabled = true;
    var button = document.getElementById('a11y-enable');
    if (!window.Module || !Module._patdesk_a11y_json) return;
    // Focus moves into the mirror (the control ImGui has focused, else the first one), so the
    // screen reader continues there; the button leaves the page.
    ownsFocus = true;
    lastAppFocus = undefined;
    update();
    if (button) button.hidden = true;
  }

  // Replaces shell.js's stand-in, which loaded this file when the button was pressed.
  window.patdeskA11y = {
    enable: enable,
    guardKey: keepKeyInMirror,
    changed: function () { if (enabled && window.Module && Module._patdesk_a11y_json) update(); },
    enabled: function () { return enabled; },
    ownsFocus: function () { return ownsFocus && inMirror(document.activeElement); },
    stats: stats
  };
})();
