// One-shot (or count-limited) fault injection: POST /_sandbox/fault queues, listeners consume.
import { guid, send, delay } from './http.mjs';

export const TARGETS = ['token', 'authorize', 'profile', 'accounts', 'list', 'get', 'create', 'update', 'revoke'];
export const KINDS = ['status', 'drop', 'html203', 'malformed', 'delay'];

export function addFault(state, spec) {
  const fault = {
    id: guid(),
    target: spec.target,
    kind: spec.kind ?? 'status',
    status: Number(spec.status ?? 500),
    retryAfter: spec.retryAfter != null ? String(spec.retryAfter) : null,
    delayMs: Number(spec.delayMs ?? 0),
    count: Math.max(1, Number(spec.count ?? 1)),
    body: spec.body ?? null,
    contentType: spec.contentType ?? null,
    afterCommit: !!spec.afterCommit,
  };
  // patdesk answers a refused bearer (401, or a 203 sign-in page) from Azure DevOps with one
  // silent refresh and a replay of the same request. A fault that stands for "the service
  // refuses this person" refuses that replay too, unless coverReplay is false.
  const refusesBearer = fault.kind === 'html203' || (fault.kind === 'status' && fault.status === 401);
  fault.coversReplay = refusesBearer && !['token', 'authorize'].includes(fault.target) && spec.coverReplay !== false;
  if (!TARGETS.includes(fault.target)) throw Object.assign(new Error(`target must be one of ${TARGETS.join('|')}`), { status: 400 });
  if (!KINDS.includes(fault.kind)) throw Object.assign(new Error(`kind must be one of ${KINDS.join('|')}`), { status: 400 });
  state.faults.push(fault);
  return fault;
}

// `key` (method and URL) ties a covered replay to the request that met the fault first.
export function takeFault(state, target, key = null) {
  const r = key ? state.faults.findIndex((f) => f.target === target && f.replayOf === key) : -1;
  if (r >= 0) return state.faults.splice(r, 1)[0];
  const i = state.faults.findIndex((f) => f.target === target && !f.replayOf);
  if (i < 0) return null;
  const f = state.faults[i];
  if (--f.count <= 0) state.faults.splice(i, 1);
  if (f.coversReplay && key) state.faults.push({ ...f, id: guid(), count: 1, coversReplay: false, replayOf: key });
  return f;
}

export const SIGN_IN_HTML = `<!DOCTYPE html>
<html><head><title>Azure DevOps Services | Sign In</title></head>
<body><h1>Sign in</h1><p>You need to sign in to access Azure DevOps Services (sandbox).</p>
<a href="https://app.vssps.visualstudio.com/_signin">Sign in</a></body></html>`;

// Truncated JSON, like a connection cut mid-body behind a proxy.
const MALFORMED = {
  token: '{"token_type":"Bearer","scope":"499b84ac-1321-427f-aa17-267ca6975798/user_impersonation","expires_in":35',
  profile: '{"displayName":"Ada Lovelace","publicAlias":"d6245f20-2af8',
  accounts: '{"count":2,"value":[{"accountId":"6affcbef-fe5d-44c6-8a29-439b79',
  list: '{"continuationToken":"","patTokens":[{"displayName":"all_access_token","validTo":"2020-11-23T04:0',
  get: '{"patToken":{"displayName":"analytics_token","validTo":"2020-12-01T23:4',
  create: '{"patToken":{"displayName":"new_token","validTo":"2020-12-01T23:46:23.32Z","scope":"app_to',
  update: '{"patToken":{"displayName":"updated_token","validTo":"2020-12-25T23:4',
  revoke: '{"$id":"1","innerExcep',
  authorize: '<html><body><p>Something went wro',
};

function defaultStatusBody(fault, activityId) {
  if (fault.target === 'token') {
    return JSON.stringify({
      error: 'temporarily_unavailable',
      error_description: `AADSTS90033: A transient error has occurred. Please try again.\r\nTrace ID: ${guid()}\r\nCorrelation ID: ${guid()}`,
      error_codes: [90033],
    });
  }
  if (fault.target === 'authorize') {
    return `<!DOCTYPE html><html><body><h1>Sign in failed (${fault.status})</h1><p>Sandbox fault.</p></body></html>`;
  }
  const throttled = fault.status === 429 || fault.status === 503;
  return JSON.stringify({
    $id: '1', innerException: null,
    message: throttled
      ? `TF400733: The request has been throttled or the service is unavailable. Activity Id: ${activityId}.`
      : `TF400898: An Internal Error Occurred. Activity Id: ${activityId}.`,
    typeName: 'Microsoft.VisualStudio.Services.Common.VssServiceException, Microsoft.VisualStudio.Services.Common',
    typeKey: 'VssServiceException', errorCode: 0, eventId: 3000,
  });
}

// Applies a fault. Returns true when the response has been handled (or dropped); false means
// "continue normally" (a pure delay). `headers` are the listener's CORS/ActivityId headers,
// kept on faulted responses so the browser can read them.
export async function applyFault(fault, res, headers = {}, entry = null) {
  if (fault.delayMs > 0) await delay(fault.delayMs);
  if (res.destroyed) return true;
  if (fault.kind === 'delay') return false;
  if (fault.kind === 'drop') {
    if (entry) entry.status = 'dropped';
    res.socket?.destroy();
    res.destroy();
    return true;
  }
  const h = { ...headers, 'Cache-Control': 'no-store' };
  if (fault.kind === 'html203') {
    send(res, 203, SIGN_IN_HTML, { ...h, 'Content-Type': 'text/html; charset=utf-8' });
    return true;
  }
  if (fault.kind === 'malformed') {
    const isHtml = fault.target === 'authorize';
    send(res, 200, fault.body ?? MALFORMED[fault.target],
      { ...h, 'Content-Type': isHtml ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8' });
    return true;
  }
  // kind === 'status'
  if (fault.retryAfter != null) h['Retry-After'] = fault.retryAfter;
  const isHtml = fault.target === 'authorize';
  const ct = fault.contentType ?? (isHtml ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8');
  send(res, fault.status, fault.body ?? defaultStatusBody(fault, headers.ActivityId ?? guid()), { ...h, 'Content-Type': ct });
  return true;
}

