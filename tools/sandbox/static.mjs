// Site listener: dist/ files (gzip, no-store), a generated /config.json, optional CSP header,
// and the /_sandbox control API mounted on the same origin.
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { send } from './http.mjs';
import { CLIENT_ID, ADO_RESOURCE } from './state.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.css': 'text/css; charset=utf-8', '.otf': 'font/otf', '.ttf': 'font/ttf',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.woff2': 'font/woff2',
};
const NO_GZIP = new Set(['.png', '.woff2', '.ico']); // already compressed

export function generatedConfig(state) {
  return {
    clientId: CLIENT_ID,
    authority: `${state.urls.identity}/organizations`,
    redirectUri: state.urls.redirectUri,
    scopes: [`${ADO_RESOURCE}/.default`],
    devopsProfileBaseUrl: state.urls.profile,
    devopsTokensBaseUrl: state.urls.tokens,
  };
}

// The CSP of the served index.html's <meta http-equiv="Content-Security-Policy">, attributes in any order.
export function cspFromHtml(html) {
  for (const tag of html.match(/<meta\b[^>]*>/gi) || []) {
    const attrs = {};
    for (const m of tag.matchAll(/([\w-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) attrs[m[1].toLowerCase()] = m[3] ?? m[4];
    if ((attrs['http-equiv'] || '').toLowerCase() === 'content-security-policy' && attrs.content) return attrs.content;
  }
  return null;
}

// dist/index.html names only Microsoft's hosts in connect-src. Served by the sandbox, the page
// must reach the sandbox's own origins instead, so they are added here (and only here): the
// deployable page never allows loopback.
export function withSandboxOrigins(html, state) {
  const origins = [state.urls.identity, state.urls.profile, state.urls.tokens].map((u) => new URL(u).origin);
  // Only inside the CSP meta tag's content (comments may mention connect-src too).
  return html.replace(/<meta\b[^>]*>/gi, (tag) => (/Content-Security-Policy/i.test(tag)
    ? tag.replace(/(connect-src)([^;"]*)/, (_, name, rest) => `${name}${rest} ${origins.join(' ')}`)
    : tag));
}

export function createSiteHandler(state, options, control) {
  const dist = path.resolve(options.dist);
  const gzCache = new Map(); // path -> {key, buf}
  let cspCache = null;
  // asDeployed: dist/ exactly as a static host serves it (its own config.json, index.html not
  // stamped with the sandbox's origins), to test what scripts/configure-site.sh produced.
  const served = (html) => (options.asDeployed ? html : withSandboxOrigins(html, state));

  async function securityHeaders() {
    if (!options.cspHeader) return {};
    if (!cspCache) {
      let csp = null;
      try { csp = cspFromHtml(served(await readFile(path.join(dist, 'index.html'), 'utf8'))); } catch { /* no index.html */ }
      csp = (csp || "default-src 'self'").trim().replace(/;\s*$/, '');
      if (!/frame-ancestors/.test(csp)) csp += "; frame-ancestors 'none'";
      cspCache = csp;
    }
    return { 'Content-Security-Policy': cspCache, 'X-Frame-Options': 'DENY' };
  }

  // `gz`: precomputed gzip of `buf` (optional).
  function body(req, res, buf, type, ext, extra, gz = null) {
    const headers = { 'Content-Type': type, 'Cache-Control': 'no-store', Vary: 'Accept-Encoding', ...extra };
    if (/\bgzip\b/.test(req.headers['accept-encoding'] || '') && !NO_GZIP.has(ext)) {
      headers['Content-Encoding'] = 'gzip';
      buf = gz ?? gzipSync(buf, { level: 9 });
    }
    if (req.method === 'HEAD') {
      res.writeHead(200, { ...headers, 'Content-Length': buf.length });
      return res.end();
    }
    send(res, 200, buf, headers);
  }

  return async (req, res, url) => {
    if (url.pathname === '/_sandbox' || url.pathname.startsWith('/_sandbox/')) return control(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    const sec = await securityHeaders();
    if (url.pathname === '/config.json') {
      const o = state.configOverride;
      if (!o && !options.asDeployed) return body(req, res, Buffer.from(JSON.stringify(generatedConfig(state), null, 2)), TYPES['.json'], '.json', sec);
      if (!o) return body(req, res, await readFile(path.join(dist, 'config.json')).catch(() => Buffer.from('')), TYPES['.json'], '.json', sec);
      if (o.status !== 200) return send(res, o.status, o.raw ?? 'Not found', { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store', ...sec });
      return body(req, res, Buffer.from(o.raw), o.contentType || TYPES['.json'], '.json', sec);
    }
    let rel;
    try { rel = decodeURIComponent(url.pathname); } catch { return send(res, 400, 'Bad path'); }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dist, rel);
    if (!file.startsWith(dist + path.sep)) return send(res, 403, 'Forbidden');
    let st;
    try { st = await stat(file); } catch { st = null; }
    if (!st || !st.isFile()) {
      const hint = rel === '/index.html' ? `\n${dist} has no index.html: build the web app first (see README).` : '';
      return send(res, 404, `Not found: ${rel}${hint}`, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...sec });
    }
    const ext = path.extname(file).toLowerCase();
    let buf = await readFile(file);
    if (rel === '/index.html') buf = Buffer.from(served(buf.toString('utf8')));
    // Cache gzip output per file version: the benchmark reloads the same wasm many times.
    const key = `${st.mtimeMs}:${st.size}`;
    let gz = gzCache.get(file);
    if (!NO_GZIP.has(ext) && (!gz || gz.key !== key)) gzCache.set(file, gz = { key, buf: gzipSync(buf, { level: 9 }) });
    body(req, res, buf, TYPES[ext] || 'application/octet-stream', ext, sec, gz?.buf);
  };
}

