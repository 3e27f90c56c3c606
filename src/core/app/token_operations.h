// TokenOperations: everything done to one token or a few — create, read back (Details),
// edit and extend, rotate, revoke one or many — and the panels and drafts that lead there.
// A created or rotated token's value goes straight to the SecretVault.
#pragma once

#include <string>

#include "core/app/app_context.h"
#include "core/app/intents.h"
#include "core/app/inventory.h"
#include "core/app/secret_vault.h"

namespace patdesk::app {

class TokenOperations {
 public:
  TokenOperations(AppContext& ctx, Inventory& inventory, SecretVault& vault)
      : ctx_(ctx), inventory_(inventory), vault_(vault) {}

  // The session ended: a create that was on its way may be sent again later.
  void forget() { creating_ = false; }

  void openCreate(const intent::OpenCreate&);
  void changeCreateDraft(const intent::ChangeCreateDraft& i);
  void submitCreate(const intent::SubmitCreate&);
  void keepOnlyPackagingScopes(const intent::KeepOnlyPackagingScopes&);
  void openDetails(const intent::OpenDetails& i);
  void openEdit(const intent::OpenEdit& i);
  void changeEditDraft(const intent::ChangeEditDraft& i);
  void submitEdit(const intent::SubmitEdit&);
  void openRecreate(const intent::OpenRecreate& i);
  void rotate(const intent::Rotate& i);
  void confirmRotate(const intent::ConfirmRotate&);
  void askRevoke(const intent::AskRevoke& i);
  void confirmRevoke(const intent::ConfirmRevoke&);
  // Closes whichever panel is open; the copy-once ones ask the SecretVault first.
  void closePanel(const intent::ClosePanel&);

 private:
  // Details re-reads the token from the server.
  void readBack(const std::string& id);

  AppContext& ctx_;
  Inventory& inventory_;
  SecretVault& vault_;
  bool creating_ = false;  // a create POST is in flight: never send a second one
};

}  // namespace patdesk::app
