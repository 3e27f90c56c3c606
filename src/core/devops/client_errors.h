// How the DevOps client shapes the errors of its calls: a decoder error with the answer's
// status and activity id, "not known whether the token was created", and the two answers a
// retried revoke or a failed create are judged by. Kept apart so devops_client.cpp holds the
// request flow only.
#pragma once

#include "core/error.h"
#include "core/platform/http.h"

namespace patdesk::devops {

// Adds the response's status and activity id to a decoder error.
Error fromResponse(Error e, const HttpResponse& r);
// A create whose outcome is unknown (network, server or malformed answer): refresh first.
Error createAmbiguous(const Error& cause);
// authorizationNotFound / tokenNotFound: the token is already gone.
bool isTokenGone(const Error& e);
// A failure after which a create may or may not have happened.
bool isAmbiguousCreateFailure(const Error& e);

}  // namespace patdesk::devops
