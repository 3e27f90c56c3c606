// RS256 JWTs signed with a per-process key pair. The app never verifies signatures (MSAL-style
// SPAs don't), but the DevOps sandbox does, so a hand-edited token is rejected like the real one.
import { generateKeyPairSync, createSign, createVerify, createHash } from 'node:crypto';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = publicKey.export({ format: 'jwk' });
export const KID = createHash('sha256').update(jwk.n).digest('base64url').slice(0, 27);
export const JWKS = { keys: [{ kty: 'RSA', use: 'sig', kid: KID, x5t: KID, n: jwk.n, e: jwk.e, alg: 'RS256' }] };

const enc = (obj) => Buffer.from(JSON.stringify(obj)).toString('base64url');

export function signJwt(payload) {
  const head = enc({ typ: 'JWT', alg: 'RS256', kid: KID, x5t: KID });
  const body = enc(payload);
  const sig = createSign('RSA-SHA256').update(`${head}.${body}`).sign(privateKey).toString('base64url');
  return `${head}.${body}.${sig}`;
}

// Returns the payload when the signature is ours, else null. Claims are checked by the caller.
export function verifyJwt(token) {
  const parts = String(token || '').split('.');
  if (parts.length !== 3) return null;
  try {
    const head = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    if (head.alg !== 'RS256') return null;
    const ok = createVerify('RSA-SHA256').update(`${parts[0]}.${parts[1]}`)
      .verify(publicKey, Buffer.from(parts[2], 'base64url'));
    return ok ? JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) : null;
  } catch {
    return null;
  }
}

export const decodeJwt = (token) => JSON.parse(Buffer.from(String(token).split('.')[1], 'base64url').toString('utf8'));
