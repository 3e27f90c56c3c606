#include "core/app/token_operations.h"

#include <algorithm>
#include <memory>
#include <vector>

#include "core/app/create_link_flow.h"
#include "core/app/selectors.h"
#include "core/error_codes.h"
#include "core/text/iso8601.h"
#include "core/text/strings.h"

namespace patdesk::app {

// ---- create

void TokenOperations::openCreate(const intent::OpenCreate&) {
  // A plain "New token" is not a Recreate: drop what a Recreate filled in.
  if (!ctx_.state.createDraft.recreateOf.empty()) ctx_.state.createDraft = CreateDraft{};
  ctx_.state.panel = Panel::Create;
  inventory_.chooseDefaultOrganization();
}

void TokenOperations::changeCreateDraft(const intent::ChangeCreateDraft& i) {
  ctx_.state.createDraft = i.draft;
}

void TokenOperations::submitCreate(const intent::SubmitCreate&) {
  AppState& s = ctx_.state;
  const CreateDraft& draft = s.createDraft;
  if (creating_ || !validateCreate(draft, ctx_.now()).empty() || !ctx_.devops) return;
  devops::CreatePatRequest request;
  request.displayName = trimmedName(draft.name);
  request.scope = draft.fullAccess ? std::string("app_token") : trimmedName(draft.scope);
  request.validToMs = requestedExpiryMs(draft, ctx_.now());
  request.allOrgs = false;  // global PATs retire on 2026-12-01: never offered
  const std::string org = trimmedName(draft.organization);
  const int64_t requested = request.validToMs;
  const std::string replaces = draft.recreateOf;
  ctx_.feedback.beginBusy("Creating token…");
  ctx_.feedback.dismissError();
  creating_ = true;
  ctx_.devops->createPat(
      org, request, ctx_.guard([this, requested, replaces](Result<devops::PatToken> created) {
        creating_ = false;
        ctx_.feedback.endBusy();
        if (!created) {
          ctx_.feedback.fail(created.error());  // the draft stays exactly as typed
          return;
        }
        devops::PatToken& pat = created.value();  // no copy: show() wipes the only other one
        vault_.show(pat);
        if (auto notice = devops::lifespanClampNotice(requested, pat))
          ctx_.state.notices.push_back(*notice);
        inventory_.addOrReplaceRow(pat);
        ctx_.state.createDraft.name.clear();
        clearLinkPrefill(ctx_.state.createDraft);
        if (!replaces.empty()) {
          // The secret panel shows first; closing it offers to revoke the token replaced.
          ctx_.state.createDraft = CreateDraft{};
          if (inventory_.findRow(replaces)) ctx_.state.revokeOfferId = replaces;
        }
        ctx_.feedback.toast("Token \"" + pat.displayName + "\" created");
      }));
}

// The organization allows packaging scopes only: keep those of the draft (the person presses
// Create again; nothing is sent here).
void TokenOperations::keepOnlyPackagingScopes(const intent::KeepOnlyPackagingScopes&) {
  CreateDraft& draft = ctx_.state.createDraft;
  std::string kept;
  for (const std::string& word : text::splitWords(draft.scope)) {
    if (word.rfind("vso.packaging", 0) == 0) kept += (kept.empty() ? "" : " ") + word;
  }
  draft.fullAccess = false;
  draft.scope = kept;
  if (ctx_.state.lastError && ctx_.state.lastError->code == errc::kPolicyPackagingOnly)
    ctx_.feedback.dismissError();
}

// ---- details

void TokenOperations::openDetails(const intent::OpenDetails& i) {
  if (!inventory_.findRow(i.authorizationId)) return;
  ctx_.state.panelTokenId = i.authorizationId;
  ctx_.state.panel = Panel::Details;
  readBack(i.authorizationId);
}

// The list may be stale (another tab, the web UI, or a lifespan policy that shortened
// validTo after the fact), so Details asks the server again.
void TokenOperations::readBack(const std::string& id) {
  TokenRow* row = inventory_.findRow(id);
  if (!row || !ctx_.devops) return;
  const std::string org = row->pat.organization;
  const bool revoked = row->pat.revoked;
  ctx_.feedback.beginBusy("Reading token details…");
  ctx_.devops->getPat(org, id, ctx_.guard([this, org, revoked](Result<devops::PatToken> got) {
    ctx_.feedback.endBusy();
    if (!got) {
      ctx_.feedback.fail(got.error());
      return;
    }
    devops::PatToken pat = got.value();
    pat.revoked = revoked;
    pat.organization = org;
    inventory_.addOrReplaceRow(std::move(pat));
  }));
}

// ---- edit / extend

void TokenOperations::openEdit(const intent::OpenEdit& i) {
  TokenRow* row = inventory_.findRow(i.authorizationId);
  // Expired and global tokens can no longer be changed (they offer Recreate instead).
  if (!row || !allowedActions(row->pat, ctx_.now()).edit) return;
  EditDraft d;
  d.authorizationId = i.authorizationId;
  d.organization = row->pat.organization;
  d.name = row->pat.displayName;
  d.scope = row->pat.scope;
  d.extendDays = 0;
  ctx_.state.editDraft = d;
  ctx_.state.panelTokenId = i.authorizationId;
  ctx_.state.panel = Panel::Edit;
}

void TokenOperations::changeEditDraft(const intent::ChangeEditDraft& i) {
  ctx_.state.editDraft = i.draft;
}

void TokenOperations::submitEdit(const intent::SubmitEdit&) {
  const EditDraft draft = ctx_.state.editDraft;
  TokenRow* row = inventory_.findRow(draft.authorizationId);
  if (!row || !ctx_.devops || !validateEdit(draft, ctx_.now()).empty()) return;
  devops::UpdatePatRequest request;
  request.authorizationId = draft.authorizationId;
  const std::string name = trimmedName(draft.name);
  if (name != row->pat.displayName) request.displayName = name;
  if (trimmedName(draft.scope) != row->pat.scope) request.scope = trimmedName(draft.scope);
  const int64_t requested = requestedExtensionMs(draft, ctx_.now());
  if (requested != 0) request.validToMs = requested;
  ctx_.feedback.beginBusy("Saving changes…");
  ctx_.feedback.dismissError();
  ctx_.devops->updatePat(draft.organization, request,
                         ctx_.guard([this, requested](Result<devops::PatToken> updated) {
                           ctx_.feedback.endBusy();
                           if (!updated) {
                             ctx_.feedback.fail(updated.error());
                             return;
                           }
                           devops::PatToken pat = updated.value();
                           inventory_.addOrReplaceRow(pat);
                           ctx_.state.panel = Panel::None;
                           std::string message = "Saved \"" + pat.displayName + "\"";
                           if (requested != 0) {
                             if (auto notice = devops::lifespanClampNotice(requested, pat)) {
                               message += ". " + *notice;
                             } else {
                               message += ", now valid until " + text::formatDate(pat.validToMs);
                             }
                           }
                           ctx_.feedback.toast(message);
                         }));
}

// ---- recreate (expired and global tokens can no longer be changed)

void TokenOperations::openRecreate(const intent::OpenRecreate& i) {
  const TokenRow* row = inventory_.findRow(i.authorizationId);
  if (!row || !allowedActions(row->pat, ctx_.now()).recreate) return;
  CreateDraft d;
  d.name = row->pat.displayName;
  d.organization = row->pat.organization;  // a global token: the picker chooses one
  d.fullAccess = row->pat.scope == "app_token";
  d.scope = d.fullAccess ? std::string() : row->pat.scope;
  d.recreateOf = i.authorizationId;
  ctx_.state.createDraft = d;
  ctx_.state.panelTokenId = i.authorizationId;
  ctx_.state.panel = Panel::Create;
  ctx_.feedback.dismissError();
}

// ---- rotate

// Rotating revokes the current token: whatever uses it breaks, so it asks first.
void TokenOperations::rotate(const intent::Rotate& i) {
  const TokenRow* row = inventory_.findRow(i.authorizationId);
  if (!row || !allowedActions(row->pat, ctx_.now()).rotate) return;
  ctx_.state.panelTokenId = i.authorizationId;
  ctx_.state.panel = Panel::ConfirmRotate;
}

void TokenOperations::confirmRotate(const intent::ConfirmRotate&) {
  if (ctx_.state.panel != Panel::ConfirmRotate) return;
  TokenRow* row = inventory_.findRow(ctx_.state.panelTokenId);
  ctx_.state.panel = Panel::None;
  if (!row || !ctx_.devops) return;
  const devops::PatToken old = row->pat;
  ctx_.state.progressSteps.clear();
  ctx_.feedback.dismissError();
  ctx_.feedback.beginBusy("Rotating \"" + old.displayName + "\"…");
  ctx_.devops->rotatePat(
      old.organization, old,
      ctx_.guard([this](const std::string& step) { ctx_.state.progressSteps.push_back(step); }),
      ctx_.guard([this, old](Result<devops::RotateOutcome> outcome) {
        ctx_.feedback.endBusy();
        if (!outcome) {
          ctx_.feedback.fail(outcome.error());
          return;
        }
        auto& result = outcome.value();
        vault_.show(result.replacement);
        inventory_.addOrReplaceRow(result.replacement);
        if (result.oldRevoked) {
          inventory_.markRevoked(old.authorizationId);
          ctx_.state.progressSteps.push_back("Old token revoked");
        } else if (result.revokeError) {
          ctx_.state.notices.push_back("The old token \"" + old.displayName +
                                       "\" could not be revoked: " + result.revokeError->message +
                                       " Revoke it yourself; the new token below works.");
        }
        ctx_.feedback.toast("Rotated \"" + old.displayName + "\"");
      }));
}

// ---- revoke (one or many)

void TokenOperations::askRevoke(const intent::AskRevoke& i) {
  if (i.authorizationIds.empty()) return;
  ctx_.state.revokeTargets = i.authorizationIds;
  ctx_.state.panel = Panel::ConfirmRevoke;
}

void TokenOperations::confirmRevoke(const intent::ConfirmRevoke&) {
  AppState& s = ctx_.state;
  if (!ctx_.devops) return;
  // The targets are taken now: the panel may be opened again for others meanwhile.
  std::vector<std::string> targets;
  for (const auto& id : s.revokeTargets) {
    if (inventory_.findRow(id) && std::find(targets.begin(), targets.end(), id) == targets.end())
      targets.push_back(id);
  }
  s.revokeTargets.clear();
  s.panel = Panel::None;
  s.progressSteps.clear();
  ctx_.feedback.dismissError();
  const int total = static_cast<int>(targets.size());
  auto remaining = std::make_shared<int>(total);
  auto failures = std::make_shared<int>(0);
  for (const auto& id : targets) {
    const TokenRow* row = inventory_.findRow(id);
    const std::string name = row->pat.displayName;
    const std::string org = row->pat.organization;
    ctx_.feedback.beginBusy("Revoking…");
    ctx_.devops->revokePat(
        org, id, ctx_.guard([this, id, name, total, remaining, failures](Status status) {
          ctx_.feedback.endBusy();
          if (status) {
            inventory_.markRevoked(id);
            ctx_.state.progressSteps.push_back("Revoked \"" + name + "\"");
          } else {
            ++*failures;
            ctx_.state.progressSteps.push_back("Could not revoke \"" + name +
                                               "\": " + status.error().message);
            ctx_.feedback.fail(status.error());
          }
          if (--*remaining == 0) {
            const int ok = total - *failures;
            ctx_.feedback.toast(
                *failures == 0 ? "Revoked " + std::to_string(ok) + (ok == 1 ? " token" : " tokens")
                               : "Revoked " + std::to_string(ok) + " of " + std::to_string(total));
          }
        }));
  }
}

void TokenOperations::closePanel(const intent::ClosePanel&) {
  if (vault_.closePanel()) return;
  ctx_.state.panel = Panel::None;
}

}  // namespace patdesk::app
