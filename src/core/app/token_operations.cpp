#include "core/app/token_operations.h"

#include <algorithm>
#include <memory>
#include <vector>

#include "core/app/create_link_flow.h"
#include "core/app/selectors.h"
#include "core/text/iso8601.h"

namespace patdesk::app {

// ---- create

void TokenOperations::openCreate(const intent::OpenCreate&) {
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
  ctx_.feedback.beginBusy("Creating token…");
  ctx_.feedback.dismissError();
  creating_ = true;
  ctx_.devops->createPat(
      org, request, ctx_.guard([this, requested](Result<devops::PatToken> created) {
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
        ctx_.feedback.toast("Token \"" + pat.displayName + "\" created");
      }));
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
  if (!row) return;
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

// ---- rotate

void TokenOperations::rotate(const intent::Rotate& i) {
  TokenRow* row = inventory_.findRow(i.authorizationId);
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
