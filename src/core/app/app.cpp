#include "core/app/app.h"

#include <variant>

#include "core/app/app_context.h"
#include "core/app/inventory.h"
#include "core/app/links_and_files.h"
#include "core/app/secret_vault.h"
#include "core/app/session.h"
#include "core/app/token_operations.h"

namespace patdesk::app {

// The context first: the units refer to it, and are destroyed before it.
struct AppUnits {
  explicit AppUnits(Platform platform)
      : ctx(platform),
        inventory(ctx),
        vault(ctx),
        operations(ctx, inventory, vault),
        links(ctx, inventory),
        session(ctx, inventory, operations, vault, links) {}

  AppContext ctx;
  Inventory inventory;
  SecretVault vault;
  TokenOperations operations;
  LinksAndFiles links;
  Session session;
};

namespace {

// std::visit over a set of lambdas, one per intent type.
template <class... Handlers>
struct Overloaded : Handlers... {
  using Handlers::operator()...;
};
template <class... Handlers>
Overloaded(Handlers...) -> Overloaded<Handlers...>;

}  // namespace

App::App(Platform platform) : units_(std::make_unique<AppUnits>(platform)) {}

App::~App() = default;

void App::start(int configHttpStatus, const std::string& configText, const std::string& pageCsp) {
  units_->session.start(configHttpStatus, configText, pageCsp);
}

const AppState& App::state() const { return units_->ctx.state; }

const std::string& App::secret() const { return units_->vault.secret(); }

std::vector<size_t> App::visibleRows() const { return units_->inventory.visibleRows(); }

void App::setOnChanged(std::function<void()> fn) { units_->ctx.onChanged = std::move(fn); }

bool App::animating() const {
  const AppState& s = units_->ctx.state;
  return s.busy > 0 || !s.toasts.empty() || s.throttleRetryAtMs > 0;  // the countdown ticks
}

void App::tick() { units_->ctx.feedback.dropExpiredToasts(); }

void App::readAddressLink() {
  if (units_->links.readAddress()) units_->ctx.changed();
}

void App::dispatch(const Intent& intent) {
  Session& session = units_->session;
  Inventory& inventory = units_->inventory;
  TokenOperations& operations = units_->operations;
  SecretVault& vault = units_->vault;
  LinksAndFiles& links = units_->links;
  Feedback& feedback = units_->ctx.feedback;
  std::visit(
      Overloaded{
          // Session
          [&](const intent::ChangeTenant& i) { session.changeTenant(i); },
          [&](const intent::SignIn& i) { session.signIn(i); },
          [&](const intent::SignOut& i) { session.signOut(i); },
          [&](const intent::SignOutOfMicrosoft& i) { session.signOutOfMicrosoft(i); },
          [&](const intent::ToggleTheme& i) { session.toggleTheme(i); },
          [&](const intent::SetDarkTheme& i) { session.setDarkTheme(i); },
          // Inventory
          [&](const intent::SelectOrganization& i) { inventory.selectOrganization(i); },
          [&](const intent::AddOrganization& i) { inventory.addOrganization(i); },
          [&](const intent::SetOrganizationTenant& i) { inventory.setOrganizationTenant(i); },
          [&](const intent::Refresh& i) { inventory.refresh(i); },
          [&](const intent::SetFilter& i) { inventory.setFilter(i); },
          [&](const intent::SetSort& i) { inventory.setSort(i); },
          [&](const intent::ChangeSearch& i) { inventory.setSearch(i); },
          [&](const intent::ToggleRow& i) { inventory.toggleRow(i); },
          [&](const intent::SelectAllVisible& i) { inventory.selectAllVisible(i); },
          [&](const intent::RetryThrottledNow& i) { inventory.retryThrottledNow(i); },
          [&](const intent::CancelThrottled& i) { inventory.cancelThrottled(i); },
          // TokenOperations
          [&](const intent::OpenCreate& i) { operations.openCreate(i); },
          [&](const intent::ChangeCreateDraft& i) { operations.changeCreateDraft(i); },
          [&](const intent::SubmitCreate& i) { operations.submitCreate(i); },
          [&](const intent::KeepOnlyPackagingScopes& i) { operations.keepOnlyPackagingScopes(i); },
          [&](const intent::OpenDetails& i) { operations.openDetails(i); },
          [&](const intent::OpenEdit& i) { operations.openEdit(i); },
          [&](const intent::ChangeEditDraft& i) { operations.changeEditDraft(i); },
          [&](const intent::SubmitEdit& i) { operations.submitEdit(i); },
          [&](const intent::Rotate& i) { operations.rotate(i); },
          [&](const intent::ConfirmRotate& i) { operations.confirmRotate(i); },
          [&](const intent::OpenRecreate& i) { operations.openRecreate(i); },
          [&](const intent::AskRevoke& i) { operations.askRevoke(i); },
          [&](const intent::ConfirmRevoke& i) { operations.confirmRevoke(i); },
          // SecretVault
          [&](const intent::CopySecret& i) { vault.copy(i); },
          [&](const intent::ToggleReveal& i) { vault.toggleReveal(i); },
          [&](const intent::DoneWithSecret& i) { vault.done(i); },
          [&](const intent::ForceCloseSecret& i) { vault.forceClose(i); },
          [&](const intent::SetClearClipboard& i) { vault.setClearClipboard(i); },
          [&](const intent::ClosePanel& i) { operations.closePanel(i); },
          // LinksAndFiles
          [&](const intent::CopyCreateLink& i) { links.copyCreateLink(i); },
          [&](const intent::ExportInventory& i) { links.exportInventory(i); },
          [&](const intent::ExportReminders& i) { links.exportReminders(i); },
          [&](const intent::SetReminderLeadDays& i) { links.setReminderLeadDays(i); },
          [&](const intent::SelectExpiringSoon& i) { links.selectExpiringSoon(i); },
          // Feedback
          [&](const intent::DismissError&) { feedback.dismissError(); },
      },
      intent);
}

}  // namespace patdesk::app
