// Profile + Accounts APIs (app.vssps.visualstudio.com in production).
export function profileRoute({ state, user, url, target, vssError }) {
  if (target === 'profile') {
    const id = decodeURIComponent(url.pathname.split('/')[4] || '');
    if (id.toLowerCase() !== 'me' && id.toLowerCase() !== user.profileId) {
      return vssError(404, `VS800036: The profile with identifier '${id}' could not be found.`, 'ProfileNotFoundException');
    }
    const profile = {
      displayName: user.name, publicAlias: user.profileId, emailAddress: user.email,
      coreRevision: 1647, timeStamp: '2024-05-12T22:23:07.727+00:00', id: user.profileId, revision: 1647,
    };
    if (/^true$/i.test(url.searchParams.get('details') || '')) {
      const attr = (v) => ({ descriptor: {}, value: v, timeStamp: profile.timeStamp, revision: 1647 });
      profile.coreAttributes = {
        DisplayName: attr(user.name), EmailAddress: attr(user.email), PublicAlias: attr(user.profileId),
      };
    }
    return { status: 200, json: profile };
  }
  // accounts
  const memberId = url.searchParams.get('memberId');
  const ownerId = url.searchParams.get('ownerId');
  if (!memberId && !ownerId) {
    return vssError(400, 'VS800061: Either ownerId or memberId must be specified.', 'ArgumentException', 'System.ArgumentException, mscorlib');
  }
  if ((memberId ?? ownerId).toLowerCase() !== user.profileId) {
    return vssError(401, `TF400813: The user '${user.oid}' is not authorized to access this resource.`, 'UnauthorizedRequestException');
  }
  // Owner queries return nothing: sandbox users own no organizations.
  const names = memberId ? user.organizations : [];
  const value = names.map((n) => state.orgs.get(n.toLowerCase())).filter(Boolean).map((o) => ({
    accountId: o.accountId,
    accountUri: `${state.urls.tokens}/${encodeURIComponent(o.name)}/`,
    accountName: o.name,
    properties: {},
  }));
  return { status: 200, json: state.devops.accountsAsBareArray ? value : { count: value.length, value } };
}
