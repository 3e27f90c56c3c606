#include "core/app/organization_tenants.h"

#include <nlohmann/json.hpp>

#include "core/text/strings.h"

namespace patdesk::app {

std::string OrganizationTenants::tenantOf(const std::string& organization) {
  load();
  auto it = tenants_.find(text::lowerAscii(organization));
  return it == tenants_.end() ? std::string() : it->second;
}

void OrganizationTenants::set(const std::string& organization, const std::string& tenant) {
  load();
  if (tenant.empty()) {
    tenants_.erase(text::lowerAscii(organization));
  } else {
    // Organization names are case-insensitive in Azure DevOps.
    tenants_[text::lowerAscii(organization)] = tenant;
  }
  save();
}

void OrganizationTenants::clear() {
  tenants_.clear();
  loaded_ = true;
  if (store_) store_->remove(kOrganizationTenantsKey);
}

void OrganizationTenants::load() {
  if (loaded_) return;
  loaded_ = true;
  if (!store_) return;
  auto text = store_->get(kOrganizationTenantsKey);
  if (!text) return;
  const auto doc = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return;  // damaged: learn again
  for (const auto& [org, tenant] : doc.items()) {
    if (tenant.is_string()) tenants_[text::lowerAscii(org)] = tenant.get<std::string>();
  }
}

void OrganizationTenants::save() {
  if (!store_) return;
  if (tenants_.empty()) {
    store_->remove(kOrganizationTenantsKey);  // nothing to remember: no key at all
    return;
  }
  nlohmann::json doc = nlohmann::json::object();
  for (const auto& [org, tenant] : tenants_) doc[org] = tenant;
  store_->set(kOrganizationTenantsKey, doc.dump());
}

bool belongsToAnotherDirectory(const Error& e) {
  if (e.httpStatus == 401 || e.httpStatus == 203) return true;
  for (const std::string* text : {&e.serverMessage, &e.message, &e.detail}) {
    if (text->find("TF400813") != std::string::npos || text->find("VS30063") != std::string::npos)
      return true;
  }
  return false;
}

std::string badTenantSentence(const std::string& typed) {
  return "\"" + text::trim(typed) +
         "\" is not a tenant: type its domain (such as woodgrove.onmicrosoft.com) or its tenant "
         "ID (a GUID).";
}

}  // namespace patdesk::app
