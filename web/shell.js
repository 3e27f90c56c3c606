// patdesk page shell: boots the wasm module, feeds browser input to it, and exposes the
// test hook window.patdesk.{items,state}. No inline script anywhere (strict CSP).
'use strict';

(function () {
  // 0. Never run inside a frame (clickjacking): a meta CSP cannot carry frame-ancestors and
  //    static hosts often cannot send headers, so the page itself refuses. Nothing else runs:
  //    no sign-in, no address-bar handling, no wasm.
  if (window.top !== window.self) {
    document.getElementById('loading').classList.add('done');
    document.getElementById('fatal-text').textContent = 'patdesk does not run inside a frame. ' +
      'Open it in its own browser tab, at its own address.';
    document.getElementById('fatal').hidden = false;
    document.getElementById('canvas').style.visibility = 'hidden';
    window.Module = { noInitialRun: true };
    window.patdeskFramed = true;
    return;
  }

  try { performance.mark('patdesk:shell-start'); } catch (e) { /* diagnostics only */ }

  // 1. An authorization response must leave the address bar before anything else runs.
  //    It is kept in memory only, for the wasm sign-in code to read once.
  var href = window.location.href;
  var responseInUrl = /[#?&](code|error)=/.test(window.location.hash + '&' + window.location.search);
  if (responseInUrl) {
    window.history.replaceState(null, '', href.split(/[?#]/)[0]);
  }

  var canvas = document.getElementById('canvas');
  var textInput = document.getElementById('text-input');
  var loading = document.getElementById('loading');
  // Back from the identity provider, this spinner stays until the inventory is ready to draw
  // (core/app/first_frame.h): it says what is happening.
  if (responseInUrl) loading.querySelector('p').textContent = 'Signing in…';

  function fatal(text) {
    loading.classList.add('done');
    document.getElementById('fatal-text').textContent = text;
    document.getElementById('fatal').hidden = false;
    canvas.style.visibility = 'hidden';
  }



  // ---- Load timeline (performance.mark): tests/bench/bench.mjs prints these marks.
  //      "ready" (web_main.cpp: the first frame with items on screen) also starts the
  //      background load of the deferred wasm, so that it never competes with the first frame.
  function mark(name) {
    try { performance.mark('patdesk:' + name); } catch (e) { /* marks are only diagnostics */ }
    if (name === 'ready') setTimeout(loadDeferredInBackground, 0);
  }

  // ---- The deferred half of the wasm (cmake/WebApp.cmake, tools/wasm_split/): patdesk.wasm
  //      holds what the first screens run, patdesk.deferred.wasm the rest (lists, panels,
  //      create, export, ...). It is compiled in the background after the first usable frame
  //      and then installed into the shared function table. A deferred function called before
  //      that (a path the recorded list missed) reaches loadDeferredNow through the runtime's
  //      placeholder hook, which loads it synchronously: slower once, never wrong.
  var deferred = { promise: null, module: null, installed: false };
  function compileDeferred() {
    if (!deferred.promise) {
      mark('deferred-requested');
      var fromBytes = function () {
        return fetch('patdesk.deferred.wasm', { credentials: 'same-origin' })
          .then(function (r) { return r.arrayBuffer(); })
          .then(function (bytes) { return WebAssembly.compile(bytes); });
      };
      deferred.promise = fetch('patdesk.deferred.wasm', { credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) throw new Error('patdesk.deferred.wasm could not be loaded (HTTP ' + response.status + ')');
          if (typeof WebAssembly.compileStreaming !== 'function') return fromBytes();
          return WebAssembly.compileStreaming(response).then(null, fromBytes);
        })
        .then(function (module) {
          mark('deferred-compiled');
          if (!deferred.module) deferred.module = module;
          return deferred.module;
        });
    }
    return deferred.promise;
  }
  function installDeferred(primaryExports) {
    if (deferred.installed) return;
    new WebAssembly.Instance(deferred.module, { primary: primaryExports });
    deferred.installed = true;
    mark('deferred-installed');
    wantAllGlyphs();
  }
  // The first frames use a font atlas of a third of the glyphs (fonts.cpp); the full one is
  // built once the deferred half is in: right away when back from sign-in (the runtime has
  // not started yet then), else when the page is next idle.
  var allGlyphsWanted = false;
  function wantAllGlyphs() {
    allGlyphsWanted = true;
    if (!ready()) return; // onRuntimeInitialized asks
    var ask = function () { Module._patdesk_load_all_glyphs(); };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(ask, { timeout: 500 });
    else setTimeout(ask, 50);
  }
  function loadDeferredInBackground() {
    compileDeferred().then(function () {
      if (window.Module && window.Module.asm) installDeferred(window.Module.asm);
    }, function (e) {
      // Not fatal yet: the first call into it retries synchronously and reports then.
      console.warn('patdesk: background load of the deferred module failed: ' + (e && e.message ? e.message : e));
    });
  }
  function loadDeferredNow(file, imports) {
    if (deferred.installed) return;
    if (!deferred.module) {
      var xhr = new XMLHttpRequest();
      xhr.open('GET', 'patdesk.deferred.wasm', false); // synchronous: the caller is waiting
      xhr.overrideMimeType('text/plain; charset=x-user-defined'); // bytes, as a binary string
      xhr.send(null);
      if (xhr.status !== 200) throw new Error('patdesk.deferred.wasm could not be loaded (HTTP ' + xhr.status + ')');
      var text = xhr.responseText, bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
      deferred.module = new WebAssembly.Module(bytes);
      mark('deferred-loaded-synchronously');
    }
    installDeferred(imports.primary);
  }

  // ---- Early downloads: patdesk.wasm and config.json are requested now, while patdesk.js is
  //      still downloading, instead of one after the other once the runtime has started.
  //      The runtime takes the wasm through Module.instantiateWasm and the app takes the
  //      config through patdeskShell.takeConfig.
  function startEarlyDownloads() {
    var early = { config: null, configWaiters: [] };
    early.wasm = fetch('patdesk.wasm', { credentials: 'same-origin' });
    early.wasm.then(function () { mark('wasm-response'); }, function () {});
    // Back from the identity provider, the signed-in screens come next: both halves at once.
    if (responseInUrl) compileDeferred().then(null, function () {});
    fetch('config.json', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.text().then(function (t) { return { status: r.status, text: t }; }); })
      .then(null, function () { return { status: 0, text: '' }; }) // network error: like XHR
      .then(function (result) {
        mark('config-read');
        early.config = result;
        var waiters = early.configWaiters;
        early.configWaiters = [];
        for (var i = 0; i < waiters.length; i++) waiters[i](result.status, result.text, pageCsp());
      });
    return early;
  }

  // Streaming compile of the early wasm response; a server that sends the wrong MIME type
  // gets the ArrayBuffer path instead.
  function instantiateEarlyWasm(early, imports) {
    function fromBytes() {
      return fetch('patdesk.wasm', { credentials: 'same-origin' })
        .then(function (r) { return r.arrayBuffer(); })
        .then(function (bytes) { return WebAssembly.instantiate(bytes, imports); });
    }
    return early.wasm.then(function (response) {
      if (!response.ok) throw new Error('patdesk.wasm could not be loaded (HTTP ' + response.status + ')');
      if (typeof WebAssembly.instantiateStreaming !== 'function') return fromBytes();
      return WebAssembly.instantiateStreaming(response, imports).then(null, fromBytes);
    });
  }

  // The page's own Content-Security-Policy (its meta tag; a header's cannot be read). The app
  // checks config.json's origins against its connect-src at start-up, before any sign-in, and
  // shows the setup screen naming an origin the page may not connect to.
  function pageCsp() {
    var meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    return (meta && meta.getAttribute('content')) || '';
  }

  // config.json as {status, text} (+ the page's CSP): now if it has arrived (the app's first
  // frame is then already the sign-in screen), else as soon as it does.
  function takeEarlyConfig(early, done) {
    if (early.config) done(early.config.status, early.config.text, pageCsp());
    else early.configWaiters.push(done);
  }

  // Connections the page's own CSP refused, by origin: a failed request (status 0) to one of
  // them is reported as a CSP block, not as CORS or the network.
  var cspBlockedOrigins = {};
  document.addEventListener('securitypolicyviolation', function (e) {
    if (!/^(connect-src|default-src)/.test(e.effectiveDirective || e.violatedDirective || '')) return;
    try { cspBlockedOrigins[new URL(e.blockedURI).origin] = true; } catch (err) { /* not a URL */ }
  });

  // ---- The ARIA mirror (a11y_mirror.js) is off by default and loaded only when "Enable screen
  //      reader support" (the page's first element) is pressed. Until then this stand-in
  //      answers for it; its key guard is registered now, in the capture phase, so that it runs
  //      before the wasm's key listeners (which are registered when the runtime starts).
  window.patdeskA11y = {
    loading: false,
    changed: function () {},
    enabled: function () { return false; },
    ownsFocus: function () { return false; }
  };
  ['keydown', 'keypress', 'keyup'].forEach(function (type) {
    window.addEventListener(type, function (e) {
      if (window.patdeskA11y.guardKey) window.patdeskA11y.guardKey(e);
    }, true);
  });
  document.getElementById('a11y-enable').addEventListener('click', function () {
    if (window.patdeskA11y.enable) { window.patdeskA11y.enable(); return; }
    if (window.patdeskA11y.loading) return;
    window.patdeskA11y.loading = true;
    var script = document.createElement('script');
    script.src = 'a11y_mirror.js';
    script.onload = function () { window.patdeskA11y.enable(); };
    script.onerror = function () { window.patdeskA11y.loading = false; };
    document.body.appendChild(script);
  });

  var shell = {
    cspBlocked: function (origin) { return cspBlockedOrigins[origin] === true; },
    currentHref: href,
    // This load carries an authorization response (web_main.cpp schedules the first frame by it).
    backFromSignIn: responseInUrl,
    firstFrameSeen: false,
    firstFrame: function () {
      mark('first-frame');
      shell.firstFrameSeen = true;
      canvas.classList.add('drawn');
      loading.classList.add('done');
    },
    setTextInputActive: function (active) {
      // While a screen reader user is in the ARIA mirror, its own <input> is the editor.
      if (window.patdeskA11y && window.patdeskA11y.ownsFocus()) return;
      if (active) { if (document.activeElement !== textInput) textInput.focus({ preventScroll: true }); }
      else if (document.activeElement === textInput) textInput.blur();
    },
    setCursor: function (cursor) {
      if (canvas.style.cursor !== cursor) canvas.style.cursor = cursor;
    },
    // Copy: the async Clipboard API first, then a select-all + execCommand fallback.
    clipboardWrite: function (text) {
      function fallback() {
        var area = document.createElement('textarea');
        area.value = text;
        area.setAttribute('readonly', '');
        area.style.position = 'fixed';
        area.style.opacity = '0';
        document.body.appendChild(area);
        area.select();
        var ok = false;
        try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
        area.value = '';
        document.body.removeChild(area);
        textInput.focus({ preventScroll: true });
        return ok;
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return fallback(); });
      }
      return Promise.resolve(fallback());
    },
    mark: mark,
    noWebGL: function () {
      fatal('This browser cannot draw patdesk: WebGL2 is unavailable or disabled. ' +
        'Turn on hardware acceleration, or try a current Chrome, Edge, Firefox or Safari.');
    },
    takeConfig: function (done) { takeEarlyConfig(early, done); },
    clipboardRead: function () {
      if (!navigator.clipboard || !navigator.clipboard.readText) return Promise.resolve(null);
      return navigator.clipboard.readText().then(function (t) { return t; }, function () { return null; });
    }
  };
  window.patdeskShell = shell;

  // No WebGL2 probe here: creating a throw-away context cost ~30 ms of start-up in software GL,
  // and the downloads waited for it. The wasm creates the one context and calls noWebGL()
  // when the browser refuses it.
  var early = startEarlyDownloads();

  function ready() { return window.Module && window.Module.calledRun; }

  function resize() {
    if (!ready()) return;
    Module._patdesk_resize(window.innerWidth, window.innerHeight, window.devicePixelRatio || 1);
  }

  // devicePixelRatio changes (zoom, moving to another monitor) re-rasterise the fonts.
  function watchPixelRatio() {
    var query = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
    var onChange = function () { query.removeEventListener('change', onChange); resize(); watchPixelRatio(); };
    query.addEventListener('change', onChange);
  }

  function canvasPoint(e) {
    var r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }
  var buttonMap = { 0: 0, 1: 2, 2: 1 }; // DOM left/middle/right -> ImGui left/right/middle

  function wireInput() {
    canvas.addEventListener('pointermove', function (e) {
      var p = canvasPoint(e); Module._patdesk_pointer_move(p[0], p[1]);
    });
    canvas.addEventListener('pointerdown', function (e) {
      e.preventDefault(); // keep focus where it is (the text field), no text selection
      try { canvas.setPointerCapture(e.pointerId); } catch (err) {}
      var p = canvasPoint(e);
      Module._patdesk_pointer_move(p[0], p[1]);
      Module._patdesk_pointer_button(p[0], p[1], buttonMap[e.button] || 0, 1);
    });
    var up = function (e) {
      var p = canvasPoint(e);
      Module._patdesk_pointer_button(p[0], p[1], buttonMap[e.button] || 0, 0);
      if (e.pointerType === 'touch') Module._patdesk_pointer_move(-1e6, -1e6); // no hover after a tap
    };
    canvas.addEventListener('pointerup', up);
    canvas.addEventListener('pointercancel', up);
    canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
    canvas.addEventListener('wheel', function (e) {
      e.preventDefault();
      var unit = e.deltaMode === 1 ? 1 / 3 : (e.deltaMode === 2 ? 10 : 1 / 100);
      Module._patdesk_wheel(-e.deltaX * unit, -e.deltaY * unit);
    }, { passive: false });

    function sendText(text) {
      if (!text) return;
      // Control characters (Enter, Tab) arrive as keys (web_main.cpp's key listeners), not as text.
      var clean = text.replace(/[\u0000-\u001f\u007f]/g, '');
      if (!clean) return;
      var n = clean.length * 4 + 1, p = Module._malloc(n);
      var bytes = new TextEncoder().encode(clean);
      HEAPU8.set(bytes, p); HEAPU8[p + bytes.length] = 0;
      Module._patdesk_text(p);
      Module._free(p);
    }
    textInput.addEventListener('input', function (e) {
      if (e.isComposing) return;   // wait for compositionend
      sendText(textInput.value);
      textInput.value = '';
    });
    textInput.addEventListener('compositionend', function (e) {
      sendText(e.data || textInput.value);
      textInput.value = '';
    });
    // Ctrl+V: ImGui ignores characters typed while Ctrl is down, so that paste goes through
    // ImGui's own shortcut (its clipboard hook returns this text). A paste from a menu, or
    // Cmd+V on a Mac, arrives as ordinary text.
    var ctrlVDown = false;
    window.addEventListener('keydown', function (e) {
      ctrlVDown = e.ctrlKey && !e.metaKey && (e.key === 'v' || e.key === 'V');
    }, true);
    window.addEventListener('keyup', function () { ctrlVDown = false; }, true);
    document.addEventListener('paste', function (e) {
      if (window.patdeskA11y && window.patdeskA11y.ownsFocus()) return; // a mirror <input> pastes itself
      var text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
      e.preventDefault();
      textInput.value = '';
      if (!text) return;
      if (ctrlVDown) {
        var bytes = new TextEncoder().encode(text), p = Module._malloc(bytes.length + 1);
        HEAPU8.set(bytes, p); HEAPU8[p + bytes.length] = 0;
        Module._patdesk_paste_shortcut(p);
        Module._free(p);
      } else {
        sendText(text);
      }
    });
    window.addEventListener('blur', function () { Module._patdesk_blur(); });
    // A create link (#new?…) opened in a tab that already runs patdesk changes only the
    // fragment: no reload, so the app is told to read the address again.
    window.addEventListener('hashchange', function () {
      window.patdeskShell.currentHref = window.location.href;
      Module._patdesk_address_changed();
    });
    window.addEventListener('resize', resize);
    canvas.addEventListener('webglcontextlost', function (e) {
      e.preventDefault();
      fatal('The graphics context was lost (the GPU was reset or the tab was in the background too long). ' +
        'Reload the page; your tokens were never stored, so sign in again.');
    });
  }

  window.patdesk = {
    // This frame's visible, labelled UI items in CSS pixels relative to the page.
    items: function () {
      if (!ready()) return [];
      var r = canvas.getBoundingClientRect();
      var items = JSON.parse(UTF8ToString(Module._patdesk_items_json()));
      for (var i = 0; i < items.length; i++) {
        items[i].x += r.left + window.scrollX;
        items[i].y += r.top + window.scrollY;
      }
      return items;
    },
    // Frames drawn so far and whether more are queued (lets tests wait for the UI to settle).
    frame: function () {
      if (!ready()) return { count: 0, pending: true };
      return { count: Module._patdesk_frame_count(), pending: !!Module._patdesk_frame_pending() };
    },
    // Non-secret app state (never a token or a PAT value).
    state: function () {
      if (!ready()) return { screen: 'booting' };
      return JSON.parse(UTF8ToString(Module._patdesk_state_json()));
    }
  };

  window.Module = {
    canvas: canvas,
    print: function (t) { console.log(t); },
    printErr: function (t) { console.warn(t); },
    onAbort: function (what) { fatal('patdesk stopped unexpectedly (' + what + '). Reload the page.'); },
    onRuntimeInitialized: function () {
      mark('runtime-ready');
      if (allGlyphsWanted) Module._patdesk_load_all_glyphs();
      wireInput();
      watchPixelRatio();
      // Sized before main() runs (next), so that start-up builds the atlas and warms the GPU
      // up for the real canvas size instead of waiting for the first animation frame.
      Module._patdesk_resize(window.innerWidth, window.innerHeight, window.devicePixelRatio || 1);
    },
    locateFile: function (path) { return path; },
    loadSplitModule: loadDeferredNow,
    instantiateWasm: function (imports, receive) {
      var deferredFirst = responseInUrl ? compileDeferred().then(null, function () { return null; }) : null;
      instantiateEarlyWasm(early, imports).then(function (result) {
        mark('wasm-instantiated');
        return Promise.resolve(deferredFirst).then(function (module) {
          if (module) installDeferred(result.instance.exports);
          receive(result.instance, result.module);
        });
      }).then(null, function (e) {
        fatal('patdesk failed to load: ' + (e && e.message ? e.message : e));
      });
      return {}; // asynchronous: the runtime waits for receive()
    }
  };
  // Back from the identity provider with the Back button can restore this page from the
  // back/forward cache, frozen at "Signing in…": load it afresh instead, so start-up sees no
  // response, drops the unused round-trip entry and shows the sign-in screen.
  window.addEventListener('pageshow', function (e) {
    if (!e.persisted || !ready()) return;
    var screen = window.patdesk.state().screen;
    if (screen === 'signingIn' || screen === 'booting') window.location.reload();
  });
  window.addEventListener('error', function (e) {
    if (!shell.firstFrameSeen && e.filename && /patdesk\.js$/.test(e.filename)) fatal('patdesk failed to load: ' + e.message);
  });
})();
