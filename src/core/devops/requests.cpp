#include "core/devops/requests.h"

#include <nlohmann/json.hpp>

#include "core/text/iso8601.h"

namespace patdesk::devops {
namespace {

std::string trimSlash(std::string base) {
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base;
}

HttpRequest baseRequest(const std::string& method, std::string url,
                        const std::string& accessToken) {
  HttpRequest r;
  r.method = method;
  r.url = std::move(url);
  r.headers = {{"Authorization", "Bearer " + accessToken},
               {"Accept", "application/json"},
               {"X-TFS-FedAuthRedirect", "Suppress"},
               {"X-VSS-ReauthenticationAction", "Suppress"}};
  return r;
}

void setJsonBody(HttpRequest& r, const nlohmann::json& body) {
  r.headers.push_back({"Content-Type", "application/json"});
  // Replace invalid UTF-8 instead of throwing: a name typed in the UI is never a reason to crash.
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string patsUrl(const std::string& tokensBase, const std::string& organization) {
  return trimSlash(tokensBase) + "/" + percentEncode(organization) +
         "/_apis/tokens/pats?api-version=" + kTokensApiVersion;
}

}  // namespace

std::string percentEncode(const std::string& text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (unsigned char c : text) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

const char* displayFilterValue(DisplayFilter filter) {
  switch (filter) {
    case DisplayFilter::Active:
      return "active";
    case DisplayFilter::Expired:
      return "expired";
    case DisplayFilter::Revoked:
      return "revoked";
    case DisplayFilter::All:
      return "all";
  }
  return "active";
}

const char* sortByValue(SortBy sortBy) {
  switch (sortBy) {
    case SortBy::DisplayName:
      return "displayName";
    case SortBy::DisplayDate:
      return "displayDate";
    case SortBy::Status:
      return "status";
  }
  return "displayDate";
}

void setBearer(HttpRequest& request, const std::string& accessToken) {
  for (auto& h : request.headers) {
    if (h.name == "Authorization") {
      h.value = "Bearer " + accessToken;
      return;
    }
  }
  request.headers.insert(request.headers.begin(), {"Authorization", "Bearer " + accessToken});
}

HttpRequest profileMeRequest(const std::string& profileBase, const std::string& accessToken) {
  return baseRequest(
      "GET",
      trimSlash(profileBase) + "/_apis/profile/profiles/me?api-version=" + kProfileApiVersion,
      accessToken);
}

HttpRequest accountsRequest(const std::string& profileBase, const std::string& memberId,
                            const std::string& accessToken) {
  return baseRequest("GET",
                     trimSlash(profileBase) + "/_apis/accounts?memberId=" +
                         percentEncode(memberId) + "&api-version=" + kAccountsApiVersion,
                     accessToken);
}

HttpRequest listPatsRequest(const std::string& tokensBase, const std::string& organization,
                            const ListQuery& query, const std::string& continuationToken,
                            const std::string& accessToken) {
  std::string url = patsUrl(tokensBase, organization);
  url += "&displayFilterOption=";
  url += displayFilterValue(query.filter);
  url += "&sortByOption=";
  url += sortByValue(query.sortBy);
  url += query.ascending ? "&isSortAscending=true" : "&isSortAscending=false";
  if (!continuationToken.empty()) url += "&continuationToken=" + percentEncode(continuationToken);
  url += "&$top=" + std::to_string(kPatPageSize);
  return baseRequest("GET", std::move(url), accessToken);
}

HttpRequest getPatRequest(const std::string& tokensBase, const std::string& organization,
                          const std::string& authorizationId, const std::string& accessToken) {
  return baseRequest(
      "GET",
      patsUrl(tokensBase, organization) + "&authorizationId=" + percentEncode(authorizationId),
      accessToken);
}

HttpRequest createPatRequest(const std::string& tokensBase, const std::string& organization,
                             const CreatePatRequest& request, const std::string& accessToken) {
  HttpRequest r = baseRequest("POST", patsUrl(tokensBase, organization), accessToken);
  nlohmann::json body = nlohmann::json::object();
  body["displayName"] = request.displayName;
  body["scope"] = request.scope;
  body["validTo"] = text::formatIso8601(request.validToMs);
  body["allOrgs"] = request.allOrgs;
  setJsonBody(r, body);
  return r;
}

HttpRequest updatePatRequest(const std::string& tokensBase, const std::string& organization,
                             const UpdatePatRequest& request, const std::string& accessToken) {
  HttpRequest r = baseRequest("PUT", patsUrl(tokensBase, organization), accessToken);
  nlohmann::json body = nlohmann::json::object();
  body["authorizationId"] = request.authorizationId;
  if (request.displayName) body["displayName"] = *request.displayName;
  if (request.scope) body["scope"] = *request.scope;
  if (request.validToMs) body["validTo"] = text::formatIso8601(*request.validToMs);
  if (request.allOrgs) body["allOrgs"] = *request.allOrgs;
  setJsonBody(r, body);
  return r;
}

HttpRequest revokePatRequest(const std::string& tokensBase, const std::string& organization,
                             const std::string& authorizationId, const std::string& accessToken) {
  return baseRequest(
      "DELETE",
      patsUrl(tokensBase, organization) + "&authorizationId=" + percentEncode(authorizationId),
      accessToken);
}

}  // namespace patdesk::devops
