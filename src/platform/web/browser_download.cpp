#include "platform/web/browser_download.h"

#include <emscripten.h>

// The bytes are copied out of the wasm heap into a Blob; the object URL is revoked once the
// click has started the download. No fetch, no data: URL, no inline script: the strict CSP
// (default-src 'none') allows it, as downloads are not governed by connect-src.
// clang-format off
EM_JS(int, patdesk_js_download, (const char* name, const char* type, const uint8_t* data, int size), {
  try {
    var bytes = HEAPU8.slice(data, data + size);
    var blob = new Blob([bytes], { type: UTF8ToString(type) });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = UTF8ToString(name);
    a.rel = 'noopener';
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function() { URL.revokeObjectURL(url); }, 60000);
    return 1;
  } catch (e) {
    return 0;
  }
});
// clang-format on

namespace patdesk::web {

bool BrowserDownload::save(const std::string& fileName, const std::string& mimeType,
                           const std::string& content) {
  return patdesk_js_download(fileName.c_str(), mimeType.c_str(),
                             reinterpret_cast<const uint8_t*>(content.data()),
                             static_cast<int>(content.size())) == 1;
}

}  // namespace patdesk::web
