// Benchmark peer: the same job as patdesk (sign in with a full-page redirect + PKCE, list the
// person's organizations, list every PAT of each organization) done with @azure/msal-browser and
// a plain DOM table. It reads the same /config.json the sandbox generates for patdesk.
// window.peer.state() mirrors the parts of window.patdesk.state() that the benchmark reads.
'use strict';

(function () {
  var PROFILE_API = '7.1', ACCOUNTS_API = '7.1', TOKENS_API = '7.1-preview.1';
  var el = function (id) { return document.getElementById(id); };
  var state = { screen: 'booting', signedIn: false, organizations: [], tokens: [], busy: 0, lastError: null };
  var pca = null, config = null, account = null;
  window.peer = { state: function () { return JSON.parse(JSON.stringify(state)); } };

  function status(text) { el('status').textContent = text; }
  function fail(e) {
    state.lastError = { code: (e && e.errorCode) || 'error', message: String((e && e.message) || e) };
    status('Error: ' + state.lastError.message);
  }

  // The access token from the redirect is kept in memory until shortly before it expires; only
  // then does MSAL get a new one (silently, with its refresh token).
  var cached = null;
  async function accessToken() {
    if (cached && cached.expiresOn && cached.expiresOn.getTime() - Date.now() > 60000) return cached.accessToken;
    var request = { scopes: config.scopes, account: account };
    try {
      cached = await pca.acquireTokenSilent(request);
      return cached.accessToken;
    } catch (e) {
      await pca.acquireTokenRedirect(request);
      throw e;
    }
  }

  async function get(url) {
    var token = await accessToken();
    var res = await fetch(url, { headers: { Authorization: 'Bearer ' + token, Accept: 'application/json', 'X-TFS-FedAuthRedirect': 'Suppress' } });
    if (!res.ok) throw new Error(res.status + ' from ' + url.split('?')[0]);
    return res.json();
  }

  function render() {
    var body = el('tokens').tBodies[0];
    var frag = document.createDocumentFragment();
    state.tokens.forEach(function (t) {
      var tr = document.createElement('tr');
      [t.organization, t.displayName, t.scope, t.validTo].forEach(function (v) {
        var td = document.createElement('td'); td.textContent = v; tr.appendChild(td);
      });
      frag.appendChild(tr);
    });
    body.replaceChildren(frag);
    el('tokens').hidden = false;
  }

  async function listOrganization(org) {
    org.loading = true; org.pagesLoaded = 0; org.tokensLoaded = 0;
    var continuation = '';
    var mine = [];
    do {
      var url = config.devopsTokensBaseUrl.replace(/\/$/, '') + '/' + encodeURIComponent(org.name) +
        '/_apis/tokens/pats?api-version=' + TOKENS_API +
        (continuation ? '&continuationToken=' + encodeURIComponent(continuation) : '');
      var page = await get(url);
      (page.patTokens || []).forEach(function (p) {
        mine.push({ organization: org.name, id: p.authorizationId, displayName: p.displayName, scope: p.scope, validTo: p.validTo });
      });
      org.pagesLoaded++; org.tokensLoaded = mine.length;
      continuation = page.continuationToken || '';
    } while (continuation);
    state.tokens = state.tokens.filter(function (t) { return t.organization !== org.name; }).concat(mine);
    org.loading = false;
  }

  async function listAll() {
    state.busy++;
    status('Loading organizations…');
    try {
      var base = config.devopsProfileBaseUrl.replace(/\/$/, '');
      var me = await get(base + '/_apis/profile/profiles/me?api-version=' + PROFILE_API);
      var accounts = await get(base + '/_apis/accounts?memberId=' + encodeURIComponent(me.id) + '&api-version=' + ACCOUNTS_API);
      var list = Array.isArray(accounts) ? accounts : (accounts.value || []);
      state.organizations = list.map(function (a) { return { name: a.accountName, loading: true, pagesLoaded: 0, tokensLoaded: 0 }; });
      state.tokens = [];
      status('Loading tokens of ' + state.organizations.length + ' organizations…');
      await Promise.all(state.organizations.map(listOrganization));
      render();
      status(state.tokens.length + ' tokens in ' + state.organizations.length + ' organizations');
    } catch (e) {
      fail(e);
    } finally {
      state.busy--;
    }
  }

  async function boot() {
    config = await (await fetch('config.json', { cache: 'no-store' })).json();
    config.scopes = config.scopes || ['499b84ac-1321-427f-aa17-267ca6975798/.default'];
    var authority = config.authority || 'https://login.microsoftonline.com/organizations';
    pca = new msal.PublicClientApplication({
      auth: {
        clientId: config.clientId,
        authority: authority,
        knownAuthorities: [new URL(authority).host],
        redirectUri: config.redirectUri || location.href.split(/[?#]/)[0],
      },
      cache: { cacheLocation: 'sessionStorage' },
    });
    await pca.initialize();
    var result = await pca.handleRedirectPromise();
    account = (result && result.account) || pca.getAllAccounts()[0] || null;
    if (result && result.accessToken) cached = result;
    el('signin').addEventListener('click', function () {
      state.busy++;
      pca.loginRedirect({ scopes: config.scopes }).catch(fail);
    });
    el('refresh').addEventListener('click', listAll);
    if (!account) {
      state.screen = 'signin';
      status('');
      el('signin').hidden = false;
      return;
    }
    state.screen = 'main'; state.signedIn = true;
    state.user = { name: account.name, username: account.username };
    el('user').textContent = account.name || account.username;
    el('refresh').hidden = false;
    await listAll();
  }

  boot().catch(fail);
})();
