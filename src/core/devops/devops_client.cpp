#include "core/devops/devops_client.h"

#include <algorithm>
#include <deque>
#include <memory>
#include <set>
#include <utility>

#include "core/devops/client_errors.h"
#include "core/devops/decoders.h"
#include "core/devops/http_errors.h"
#include "core/devops/requests.h"
#include "core/devops/retry_policy.h"
#include "core/devops/tenant_routing.h"
#include "core/devops/throttled_reads.h"
#include "core/error_codes.h"

namespace patdesk::devops {
namespace {

constexpr int kMaxInFlight = 4;
constexpr int kMaxPages = 1000;  // a safety net on top of the repeated-token check
constexpr int64_t kDayMs = 86400000;
constexpr int64_t kMaxRotateLifetimeMs = 365 * kDayMs;
constexpr int64_t kDefaultRotateLifetimeMs = 30 * kDayMs;

}  // namespace

struct DevOpsClient::Impl {
  struct State {
    std::string profileBase;
    std::string tokensBase;
    Platform platform;
    std::function<std::string()> accessToken;
    TokenRenewal renewal;
    std::deque<std::shared_ptr<Job>> queue;
    int inFlight = 0;
    std::set<int> timers;
    std::unique_ptr<ThrottledReads> throttled;  // reads waiting out a 429 (clock only)
  };
  using StatePtr = std::shared_ptr<State>;
  using WeakState = std::weak_ptr<State>;

  StatePtr state;

  static void pump(const StatePtr& s) {
    while (s->inFlight < kMaxInFlight && !s->queue.empty()) {
      std::shared_ptr<Job> job = s->queue.front();
      s->queue.pop_front();
      ++s->inFlight;
      if (!s->platform.http) {
        --s->inFlight;
        job->done(HttpResponse{});
        continue;
      }
      Renew ensure = ensureFreshFor(s->renewal, tenantOf(s->renewal, *job));
      if (!ensure) {
        transmit(s, job);
        continue;
      }
      WeakState weak = s;
      // The slot stays taken while a refresh runs; the request then goes with the new token.
      ensure([weak, job](bool) {
        if (StatePtr st = weak.lock()) transmit(st, job);
      });
    }
  }

  static void transmit(const StatePtr& s, const std::shared_ptr<Job>& job) {
    setBearer(job->request, bearerFor(s->renewal, s->accessToken, tenantOf(s->renewal, *job)));
    WeakState weak = s;
    s->platform.http->send(job->request, [weak, job](HttpResponse r) {
      StatePtr st = weak.lock();
      if (!st) return;  // the client is gone: nobody is waiting any more
      if (refusesBearer(r)) learnTenant(st->renewal, *job, r);
      Renew refresh =
          refusesBearer(r) ? refreshFor(st->renewal, tenantOf(st->renewal, *job)) : Renew();
      if (refusesBearer(r) && !job->replayed && refresh) {
        const std::string claims = claimsChallengeOf(r);
        if (claims.empty()) {
          // Refused before acting: refresh once and send the same request again.
          job->replayed = true;
          auto refused = std::make_shared<HttpResponse>(std::move(r));
          refresh([weak, job, refused](bool ok) {
            StatePtr again = weak.lock();
            if (!again) return;
            if (ok) return transmit(again, job);
            --again->inFlight;
            job->done(std::move(*refused));
            pump(again);
          });
          return;
        }
        if (st->renewal.onClaimsChallenge) st->renewal.onClaimsChallenge(claims);
      }
      --st->inFlight;
      if (shouldRetry(*job, r) && throttledWithoutRetryAfter(r) && st->throttled) {
        st->throttled->wait(job, std::move(r), resumer(st));
      } else if (shouldRetry(*job, r)) {
        const int64_t delay = backoffMs(job->attempt, r);
        ++job->attempt;
        retryLater(st, job, delay);
      } else {
        job->done(std::move(r));
      }
      pump(st);
    });
  }

  static void retryLater(const StatePtr& s, const std::shared_ptr<Job>& job, int64_t delayMs) {
    if (!s->platform.clock) {
      enqueue(s, job);
      return;
    }
    WeakState weak = s;
    auto id = std::make_shared<int>(0);
    *id = s->platform.clock->schedule(delayMs, [weak, job, id] {
      StatePtr st = weak.lock();
      if (!st) return;
      st->timers.erase(*id);
      enqueue(st, job);
    });
    s->timers.insert(*id);
  }

  static ThrottledReads::Resume resumer(const StatePtr& s) {
    WeakState weak = s;
    return [weak](std::shared_ptr<Job> job) {
      if (StatePtr st = weak.lock()) enqueue(st, std::move(job));
    };
  }

  static void enqueue(const StatePtr& s, std::shared_ptr<Job> job) {
    s->queue.push_back(std::move(job));
    pump(s);
  }

  // Returns the job so that a caller may ask, in `done`, how many retries it took.
  static std::shared_ptr<Job> send(const StatePtr& s, HttpRequest request, RetryPolicy policy,
                                   std::function<void(HttpResponse)> done,
                                   const std::string& organization = {}) {
    auto job = std::make_shared<Job>();
    job->request = std::move(request);
    job->policy = policy;
    job->organization = organization;
    job->done = std::move(done);
    enqueue(s, job);
    return job;
  }

  // A PatTokenResult that must carry a token.
  static Result<PatToken> patTokenFrom(const HttpResponse& r, const std::string& organization) {
    Status status = classifyResponse(r);
    if (!status) return status.error();
    auto result = decodePatTokenResult(r.body);
    if (!result) return fromResponse(result.error(), r);
    if (!result.value().patToken) {
      return fromResponse(malformedError("the response holds no token"), r);
    }
    PatToken token = std::move(*result.value().patToken);
    token.organization = organization;
    return token;
  }

  struct ListContext {
    std::string organization;
    ListQuery query;
    std::set<std::string> seenTokens;
    int pages = 0;
    std::function<void(std::vector<PatToken>, int)> onPage;
    std::function<void(Status)> done;
  };

  static void listPage(const StatePtr& s, std::shared_ptr<ListContext> ctx,
                       const std::string& continuationToken) {
    WeakState weak = s;
    send(
        s, listPatsRequest(s->tokensBase, ctx->organization, ctx->query, continuationToken, ""),
        RetryPolicy::Read,
        [weak, ctx](HttpResponse r) {
          Status status = classifyResponse(r);
          if (!status) return ctx->done(status.error());
          auto page = decodePatPage(r.body);
          if (!page) return ctx->done(fromResponse(page.error(), r));
          for (auto& t : page.value().tokens) {
            t.organization = ctx->organization;
            if (ctx->query.filter == DisplayFilter::Revoked) t.revoked = true;
          }
          ++ctx->pages;
          if (ctx->onPage) ctx->onPage(std::move(page.value().tokens), ctx->pages);
          const std::string next = page.value().continuationToken;
          // Stop at the end, on a token already followed (a server loop), or at the cap.
          if (next.empty() || !ctx->seenTokens.insert(next).second || ctx->pages >= kMaxPages) {
            return ctx->done(okStatus());
          }
          StatePtr st = weak.lock();
          if (!st) return;
          listPage(st, ctx, next);
        },
        ctx->organization);
  }

  static void createPat(const StatePtr& s, const std::string& organization,
                        const CreatePatRequest& request,
                        std::function<void(Result<PatToken>)> done) {
    send(
        s, createPatRequest(s->tokensBase, organization, request, ""), RetryPolicy::Never,
        [organization, done = std::move(done)](HttpResponse r) {
          auto token = patTokenFrom(r, organization);
          if (!token) {
            const Error& e = token.error();
            return done(isAmbiguousCreateFailure(e) ? createAmbiguous(e) : e);
          }
          if (token.value().token.empty()) {
            return done(createAmbiguous(
                fromResponse(malformedError("the new token's secret is missing"), r)));
          }
          done(std::move(token));
        },
        organization);
  }

  static void revokePat(const StatePtr& s, const std::string& organization,
                        const std::string& authorizationId, std::function<void(Status)> done) {
    auto attempts = std::make_shared<std::weak_ptr<Job>>();
    *attempts = send(
        s, revokePatRequest(s->tokensBase, organization, authorizationId, ""),
        RetryPolicy::Idempotent,
        [done = std::move(done), attempts](HttpResponse r) {
          const std::shared_ptr<Job> job = attempts->lock();
          const bool retried = job && job->attempt > 0;
          Status status = classifyResponse(r);
          // A retried DELETE whose first attempt took effect finds the token
          // gone: that is the revoke we asked for, not a failure.
          if (!status && retried && isTokenGone(status.error())) {
            return done(okStatus());
          }
          if (!status) return done(status.error());
          if (r.status != 200 && r.status != 204) {
            Error e = makeError(errc::kDevopsUnexpectedResponse,
                                "Azure DevOps answered the revoke with HTTP " +
                                    std::to_string(r.status) + " instead of 200 or 204.",
                                "Refresh the list to check whether the token was "
                                "revoked.");
            return done(fromResponse(e, r));
          }
          done(okStatus());
        },
        organization);
  }
};

DevOpsClient::DevOpsClient(std::string profileBaseUrl, std::string tokensBaseUrl, Platform platform,
                           std::function<std::string()> accessToken)
    : impl_(new Impl) {
  impl_->state = std::make_shared<Impl::State>();
  impl_->state->profileBase = std::move(profileBaseUrl);
  impl_->state->tokensBase = std::move(tokensBaseUrl);
  impl_->state->platform = platform;
  impl_->state->accessToken = std::move(accessToken);
  if (platform.clock) {
    impl_->state->throttled = std::make_unique<ThrottledReads>(platform.clock, platform.random);
  }
}

DevOpsClient::~DevOpsClient() {
  if (impl_->state->platform.clock) {
    for (int id : impl_->state->timers) impl_->state->platform.clock->cancel(id);
  }
  delete impl_;
}

int DevOpsClient::inFlight() const { return impl_->state->inFlight; }

void DevOpsClient::setTokenRenewal(TokenRenewal renewal) {
  impl_->state->renewal = std::move(renewal);
}

void DevOpsClient::getProfile(std::function<void(Result<Profile>)> done) {
  const auto& s = impl_->state;
  Impl::send(s, profileMeRequest(s->profileBase, ""), RetryPolicy::Read,
             [done = std::move(done)](HttpResponse r) {
               Status status = classifyResponse(r);
               if (!status) return done(status.error());
               auto profile = decodeProfile(r.body);
               if (!profile) return done(fromResponse(profile.error(), r));
               done(std::move(profile));
             });
}

void DevOpsClient::listOrganizations(const std::string& memberId,
                                     std::function<void(Result<std::vector<Organization>>)> done) {
  const auto& s = impl_->state;
  Impl::send(s, accountsRequest(s->profileBase, memberId, ""), RetryPolicy::Read,
             [done = std::move(done)](HttpResponse r) {
               Status status = classifyResponse(r);
               if (!status) return done(status.error());
               auto orgs = decodeAccounts(r.body);
               if (!orgs) return done(fromResponse(orgs.error(), r));
               done(std::move(orgs));
             });
}

void DevOpsClient::listPats(const std::string& organization, const ListQuery& query,
                            std::function<void(std::vector<PatToken> page, int pageNumber)> onPage,
                            std::function<void(Status)> done) {
  auto ctx = std::make_shared<Impl::ListContext>();
  ctx->organization = organization;
  ctx->query = query;
  ctx->onPage = std::move(onPage);
  ctx->done = std::move(done);
  Impl::listPage(impl_->state, ctx, "");
}

void DevOpsClient::getPat(const std::string& organization, const std::string& authorizationId,
                          std::function<void(Result<PatToken>)> done) {
  const auto& s = impl_->state;
  Impl::send(
      s, getPatRequest(s->tokensBase, organization, authorizationId, ""), RetryPolicy::Read,
      [organization, done = std::move(done)](HttpResponse r) {
        done(Impl::patTokenFrom(r, organization));
      },
      organization);
}

void DevOpsClient::createPat(const std::string& organization, const CreatePatRequest& request,
                             std::function<void(Result<PatToken>)> done) {
  Impl::createPat(impl_->state, organization, request, std::move(done));
}

void DevOpsClient::updatePat(const std::string& organization, const UpdatePatRequest& request,
                             std::function<void(Result<PatToken>)> done) {
  const auto& s = impl_->state;
  Impl::send(
      s, updatePatRequest(s->tokensBase, organization, request, ""), RetryPolicy::Idempotent,
      [organization, done = std::move(done)](HttpResponse r) {
        done(Impl::patTokenFrom(r, organization));
      },
      organization);
}

void DevOpsClient::revokePat(const std::string& organization, const std::string& authorizationId,
                             std::function<void(Status)> done) {
  Impl::revokePat(impl_->state, organization, authorizationId, std::move(done));
}

void DevOpsClient::rotatePat(const std::string& organization, const PatToken& old,
                             std::function<void(const std::string& step)> step,
                             std::function<void(Result<RotateOutcome>)> done) {
  const auto& s = impl_->state;
  const int64_t now = s->platform.clock ? s->platform.clock->nowMs() : 0;
  int64_t lifetime = old.validToMs - old.validFromMs;
  if (old.validToMs == 0 || old.validFromMs == 0 || lifetime <= 0) {
    lifetime = kDefaultRotateLifetimeMs;
  }
  lifetime = std::min(lifetime, kMaxRotateLifetimeMs);

  CreatePatRequest request;
  request.displayName = old.displayName;
  request.scope = old.scope;
  request.validToMs = now + lifetime;
  request.allOrgs = false;  // targeted to this organization, even when the old one was global

  auto report = std::make_shared<std::function<void(const std::string&)>>(std::move(step));
  auto finish = std::make_shared<std::function<void(Result<RotateOutcome>)>>(std::move(done));
  if (*report) (*report)("Creating the replacement…");
  Impl::WeakState weak = s;
  const std::string oldId = old.authorizationId;
  Impl::createPat(s, organization, request,
                  [weak, organization, oldId, report, finish](Result<PatToken> created) {
                    if (!created) return (*finish)(created.error());
                    Impl::StatePtr st = weak.lock();
                    if (!st) return;
                    if (*report) (*report)("Revoking the old token…");
                    auto replacement = std::make_shared<PatToken>(std::move(created.value()));
                    Impl::revokePat(st, organization, oldId, [replacement, finish](Status revoked) {
                      RotateOutcome outcome;
                      outcome.replacement = std::move(*replacement);
                      outcome.oldRevoked = revoked.ok();
                      if (!revoked) outcome.revokeError = revoked.error();
                      (*finish)(std::move(outcome));
                    });
                  });
}

void DevOpsClient::setThrottleListener(std::function<void(const ThrottleStatus&)> listener) {
  if (impl_->state->throttled) impl_->state->throttled->setListener(std::move(listener));
}

void DevOpsClient::retryThrottledNow() {
  if (impl_->state->throttled) impl_->state->throttled->retryNow(Impl::resumer(impl_->state));
}

void DevOpsClient::cancelThrottled() {
  if (impl_->state->throttled) impl_->state->throttled->cancel();
}

}  // namespace patdesk::devops
