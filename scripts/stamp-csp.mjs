// Used by configure-site.sh: sets connect-src to 'self' + the given origins in the CSP meta tag
// of index.html, and writes hosting/ samples (nginx.conf, staticwebapp.config.json) with that
// same policy (plus frame-ancestors, which only a header can carry) into the output folder.
//   node scripts/stamp-csp.mjs dist/index.html hosting hosting/generated origin...
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const [indexFile, hostingDir, outDir, ...origins] = process.argv.slice(2);
const connect = ["'self'", ...origins].join(' ');
const setConnect = (csp) => csp.replace(/connect-src[^;"]*/, `connect-src ${connect}`);

let html = readFileSync(indexFile, 'utf8');
let csp = null;
html = html.replace(/<meta\b[^>]*>/gi, (tag) => {
  if (!/http-equiv="Content-Security-Policy"/i.test(tag)) return tag;
  return tag.replace(/content="([^"]*)"/, (_, content) => { csp = setConnect(content); return `content="${csp}"`; });
});
if (!csp) { console.error(`${indexFile} has no Content-Security-Policy meta tag`); process.exit(1); }
writeFileSync(indexFile, html);

const header = /frame-ancestors/.test(csp) ? csp : `${csp}; frame-ancestors 'none'`;
mkdirSync(outDir, { recursive: true });
const nginx = readFileSync(path.join(hostingDir, 'nginx.conf'), 'utf8')
  .replace(/add_header Content-Security-Policy "[^"]*"/, `add_header Content-Security-Policy "${header}"`);
writeFileSync(path.join(outDir, 'nginx.conf'), nginx);
const swa = JSON.parse(readFileSync(path.join(hostingDir, 'staticwebapp.config.json'), 'utf8'));
swa.globalHeaders['Content-Security-Policy'] = header;
writeFileSync(path.join(outDir, 'staticwebapp.config.json'), JSON.stringify(swa, null, 2) + '\n');
