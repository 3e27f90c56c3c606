// Session: reading config.json, signing in (the full-page redirect and the way back),
// signing out, and a session that expires. It owns the AuthSession and creates the Azure
// DevOps client for the signed-in person. Preferences (theme) live here because they are
// the one thing a sign-out keeps.
#pragma once

#include <memory>
#include <string>

#include "core/app/app_context.h"
#include "core/app/intents.h"
#include "core/app/inventory.h"
#include "core/app/links_and_files.h"
#include "core/app/secret_vault.h"
#include "core/app/token_operations.h"
#include "core/auth/auth_session.h"

namespace patdesk::app {

class Session {
 public:
  Session(AppContext& ctx, Inventory& inventory, TokenOperations& operations, SecretVault& vault,
          LinksAndFiles& links)
      : ctx_(ctx), inventory_(inventory), operations_(operations), vault_(vault), links_(links) {}

  // Start-up with config.json's HTTP status and text; reads a create or token link from the
  // address bar; completes a sign-in when the page came back from Entra.
  void start(int configHttpStatus, const std::string& configText, const std::string& pageCsp);

  void changeTenant(const intent::ChangeTenant& i) { ctx_.state.tenant = i.text; }
  void signIn(const intent::SignIn&);
  void signOut(const intent::SignOut&) { end(Ending::SignedOut, nullptr); }
  // Offered on the sign-in screen right after Sign out: leaves for Entra's end-session page.
  void signOutOfMicrosoft(const intent::SignOutOfMicrosoft&);
  void toggleTheme(const intent::ToggleTheme&) { ctx_.state.darkTheme = !ctx_.state.darkTheme; }
  void setDarkTheme(const intent::SetDarkTheme& i) { ctx_.state.darkTheme = i.dark; }

 private:
  enum class Ending {
    SignedOut,  // the person signed out: forget everything but preferences
    Expired,    // the session could not be renewed: keep the work, ask to sign in again
  };
  // The one way a session ends. Both ways drop what is in flight and the client.
  void end(Ending how, const Error* why);
  void onSignedIn(const auth::User& user);
  // A claims challenge (continuous access evaluation): one interactive sign-in with those
  // claims, keeping the drafts like any sign-in.
  void signInWithClaims(const std::string& claims);
  void wireGuestTenants(devops::TokenRenewal& renewal);
  void signInToTenant(const std::string& tenant);

  AppContext& ctx_;
  Inventory& inventory_;
  TokenOperations& operations_;
  SecretVault& vault_;
  LinksAndFiles& links_;
  std::unique_ptr<auth::AuthSession> auth_;
  bool claimsSignInStarted_ = false;  // several calls may carry the same challenge
};

}  // namespace patdesk::app
