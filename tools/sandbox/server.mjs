#!/usr/bin/env node
// patdesk local sandbox: static site + identity (Entra v2-like) + Azure DevOps profile/tokens.
// Four listeners on four ports = four origins, so CORS behaves as in production.
//   node tools/sandbox/server.mjs [--host 127.0.0.1] [--site-port 8400] [--id-port 8401]
//     [--profile-port 8402] [--tokens-port 8403] [--dist dist] [--auto-sign-in] [--csp-header] [--quiet]
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createState } from './state.mjs';
import { createIdentityHandler } from './identity.mjs';
import { createDevopsHandler } from './devops.mjs';
import { createSiteHandler, generatedConfig } from './static.mjs';
import { createControlHandler } from './control.mjs';
import { sendJson } from './http.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => { server.off('error', reject); resolve(server.address().port); });
  });
}

export async function startSandbox(options = {}) {
  const opts = {
    host: '127.0.0.1', sitePort: 8400, idPort: 8401, profilePort: 8402, tokensPort: 8403,
    dist: path.join(repoRoot, 'dist'), autoSignIn: false, cspHeader: false, quiet: true, ...options,
  };
  const state = createState({ autoSignIn: opts.autoSignIn });
  const handlers = {
    site: createSiteHandler(state, opts, createControlHandler(state, generatedConfig)),
    identity: createIdentityHandler(state),
    profile: createDevopsHandler(state, 'profile'),
    tokens: createDevopsHandler(state, 'tokens'),
  };
  const servers = {};
  for (const name of Object.keys(handlers)) {
    servers[name] = http.createServer(async (req, res) => {
      const url = new URL(req.url, 'http://sandbox.invalid');
      // The control API is not logged: tests count the app's round trips, not their own.
      const entry = name === 'site' && url.pathname.startsWith('/_sandbox') ? null : state.logRequest(name, req);
      res.on('finish', () => {
        if (entry) entry.status = res.statusCode;
        if (!opts.quiet) process.stderr.write(`${name} ${req.method} ${req.url} -> ${res.statusCode}\n`);
      });
      try {
        await handlers[name](req, res, url, entry);
      } catch (e) {
        if (!opts.quiet) process.stderr.write(`${name} error: ${e.stack}\n`);
        if (!res.headersSent && !res.destroyed) sendJson(res, 500, { error: String(e.message) });
      }
    });
    servers[name].keepAliveTimeout = 2000;
  }
  const ports = {
    site: await listen(servers.site, opts.sitePort, opts.host),
    identity: await listen(servers.identity, opts.idPort, opts.host),
    profile: await listen(servers.profile, opts.profilePort, opts.host),
    tokens: await listen(servers.tokens, opts.tokensPort, opts.host),
  };
  const h = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host;
  const origin = (p) => `http://${h}:${p}`;
  // publicSite: the page is served by another server (e.g. nginx in tests/e2e/nginx.test.mjs);
  // CORS, the registered redirect URI and urls.site follow it, the control API stays here.
  const site = opts.publicSite || `${origin(ports.site)}/`;
  state.urls = {
    site,
    identity: origin(ports.identity),
    profile: origin(ports.profile),
    tokens: origin(ports.tokens),
    control: `${origin(ports.site)}/_sandbox`,
    siteOrigin: new URL(site).origin,
    redirectUri: site,
  };
  const urls = {
    site: state.urls.site, identity: state.urls.identity, profile: state.urls.profile,
    tokens: state.urls.tokens, control: state.urls.control,
  };
  return {
    urls,
    state,
    async close() {
      await Promise.all(Object.values(servers).map((s) => new Promise((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections(); // also ends keep-alive sockets and requests stuck in a delay fault
      })));
    },
  };
}

function parseArgs(argv) {
  const o = {};
  const num = { '--site-port': 'sitePort', '--id-port': 'idPort', '--profile-port': 'profilePort', '--tokens-port': 'tokensPort' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (num[a]) o[num[a]] = Number(argv[++i]);
    else if (a === '--host') o.host = argv[++i];
    else if (a === '--dist') o.dist = path.resolve(argv[++i]);
    else if (a === '--auto-sign-in') o.autoSignIn = true;
    else if (a === '--csp-header') o.cspHeader = true;
    else if (a === '--quiet') o.quiet = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: node tools/sandbox/server.mjs [--host H] [--site-port N] [--id-port N] [--profile-port N] [--tokens-port N] [--dist DIR] [--auto-sign-in] [--csp-header] [--quiet]\n');
      process.exit(0);
    } else {
      process.stderr.write(`unknown argument: ${a}\n`);
      process.exit(2);
    }
  }
  return o;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = { quiet: false, ...parseArgs(process.argv.slice(2)) };
  const sb = await startSandbox(opts);
  process.stdout.write(JSON.stringify({ ready: true, ...sb.urls }) + '\n');
  const stop = () => sb.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
