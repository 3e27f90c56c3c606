// Azure DevOps REST client: organization discovery and the PAT lifecycle.
// Asynchronous over the HttpClient capability. At most 4 requests in flight;
// GET retries 429/5xx with bounded backoff (honouring Retry-After); PUT/DELETE retry 5xx;
// create is NEVER retried automatically.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/devops/pat.h"
#include "core/devops/throttled_reads.h"
#include "core/devops/token_renewal.h"
#include "core/error.h"
#include "core/platform/capabilities.h"

namespace patdesk::devops {

struct RotateOutcome {
  PatToken replacement;  // carries the new secret in .token
  bool oldRevoked = false;
  std::optional<Error> revokeError;  // set when the old token could not be revoked
};

class DevOpsClient {
 public:
  // `accessToken` is asked for at send time so refreshed tokens are picked up.
  DevOpsClient(std::string profileBaseUrl, std::string tokensBaseUrl, Platform platform,
               std::function<std::string()> accessToken);
  ~DevOpsClient();
  DevOpsClient(const DevOpsClient&) = delete;
  DevOpsClient& operator=(const DevOpsClient&) = delete;

  void getProfile(std::function<void(Result<Profile>)> done);
  void listOrganizations(const std::string& memberId,
                         std::function<void(Result<std::vector<Organization>>)> done);

  // Follows continuationToken to the end ($top=100, same filters each page).
  // onPage runs for every page as it arrives (pageNumber from 1), then done runs once.
  void listPats(const std::string& organization, const ListQuery& query,
                std::function<void(std::vector<PatToken> page, int pageNumber)> onPage,
                std::function<void(Status)> done);
  void getPat(const std::string& organization, const std::string& authorizationId,
              std::function<void(Result<PatToken>)> done);
  void createPat(const std::string& organization, const CreatePatRequest& request,
                 std::function<void(Result<PatToken>)> done);
  void updatePat(const std::string& organization, const UpdatePatRequest& request,
                 std::function<void(Result<PatToken>)> done);
  void revokePat(const std::string& organization, const std::string& authorizationId,
                 std::function<void(Status)> done);
  // Create a clone (same name, scope, lifetime length), then revoke the old one.
  // `step` reports progress in plain words.
  void rotatePat(const std::string& organization, const PatToken& old,
                 std::function<void(const std::string& step)> step,
                 std::function<void(Result<RotateOutcome>)> done);

  int inFlight() const;

  // Keeps the token usable (see token_renewal.h): a fresh token before each request, and on
  // a refused bearer one refresh and one replay of the same request, POST included.
  void setTokenRenewal(TokenRenewal renewal);
  // Told whenever a throttled wait starts or ends.
  void setThrottleListener(std::function<void(const ThrottleStatus&)> listener);
  // "Retry now": every throttled read is sent again at once.
  void retryThrottledNow();
  // "Cancel": every throttled read gives up with its 429 error.
  void cancelThrottled();

 private:
  struct Impl;
  Impl* impl_;
};

// When Azure DevOps shortened a new token's validTo (more than a minute before what was asked,
// e.g. by the "maximum personal access token lifespan" policy), a sentence with both dates;
// nullopt otherwise.
std::optional<std::string> lifespanClampNotice(int64_t requestedMs, const PatToken& created);

}  // namespace patdesk::devops
