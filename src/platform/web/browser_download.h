// FileDownload in the browser: a Blob URL clicked through a temporary <a download>.
#pragma once

#include "core/platform/download.h"

namespace patdesk::web {

class BrowserDownload : public FileDownload {
 public:
  bool save(const std::string& fileName, const std::string& mimeType,
            const std::string& content) override;
};

}  // namespace patdesk::web
