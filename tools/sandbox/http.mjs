// Small HTTP helpers shared by every listener (no framework on purpose: node: built-ins only).
import { randomUUID, createHash } from 'node:crypto';

export const guid = () => randomUUID();

// Deterministic v4-shaped GUID from a seed string, so default users/orgs keep stable ids.
export function detGuid(seed) {
  const h = createHash('sha256').update(String(seed)).digest('hex');
  const variant = ((parseInt(h[16], 16) & 3) | 8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const isGuid = (s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(String(s || ''));

export function send(res, status, body = '', headers = {}) {
  if (res.destroyed || res.headersSent) return;
  if (status === 204 || status === 304) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(String(body));
  res.writeHead(status, { 'Content-Length': buf.length, ...headers });
  res.end(buf);
}

export function sendJson(res, status, obj, headers = {}) {
  send(res, status, JSON.stringify(obj), { 'Content-Type': 'application/json; charset=utf-8', ...headers });
}

export function sendHtml(res, status, html, headers = {}) {
  send(res, status, html, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
}

export function redirect(res, location, headers = {}) {
  send(res, 302, '', { Location: location, 'Cache-Control': 'no-store', ...headers });
}

export function readBody(req, limit = 5_000_000) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) { reject(new Error('body too large')); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// .NET-style round-trip date: SQL datetime keeps 1/300 s ticks and trailing zeros are trimmed,
// e.g. "2020-11-02T22:56:52.1033333Z" / "2020-12-01T23:46:23.32Z" as in the recorded examples.
export function quantizeMs(ms) {
  const whole = Math.floor(ms / 1000) * 1000;
  return whole + Math.round(((ms - whole) * 0.3)) / 0.3;
}
export function dotnetDate(ms) {
  const whole = Math.floor(ms / 1000) * 1000;
  const frac = (ms - whole) / 1000;
  const base = new Date(whole).toISOString().slice(0, 19);
  const digits = frac.toFixed(7).slice(2).replace(/0+$/, '');
  return `${base}${digits ? '.' + digits : ''}Z`;
}

// Entra prints "2026-05-12 10:00:00Z" in error descriptions.
export const entraTimestamp = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ') + 'Z';

// unref: a pending delay fault must not keep a closed sandbox's process alive.
export const delay = (ms) => new Promise((r) => setTimeout(r, ms).unref());
