// "Save this as a file": the person gets `content` as a download named `fileName`. The web
// build uses a Blob URL and an <a download> (no network, allowed by the strict CSP).
#pragma once

#include <string>

namespace patdesk {

class FileDownload {
 public:
  virtual ~FileDownload() = default;
  // False when the browser could not offer the file (nothing was downloaded).
  virtual bool save(const std::string& fileName, const std::string& mimeType,
                    const std::string& content) = 0;
};

}  // namespace patdesk
