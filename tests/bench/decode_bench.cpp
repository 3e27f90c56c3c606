// Native decode throughput of a 100-page PAT list (100 PatTokens a page, the shape the
// sandbox and Azure DevOps send), through patdesk::devops::decodePatPage. No test framework.
// Built and run by tests/bench/bench.mjs:
//   g++ -std=c++17 -O2 -Isrc tests/bench/decode_bench.cpp src/core/devops/decoders.cpp \
//       src/core/text/iso8601.cpp ... -o build/bench/decode_bench && build/bench/decode_bench
// Prints one JSON line: {"pages":100,"tokens":10000,"bytes":...,"seconds":...,"mbPerSec":...}
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/devops/decoders.h"

namespace {

std::string pageJson(int page, int perPage, bool last) {
  std::string s = "{\"patTokens\":[";
  char buf[640];
  for (int i = 0; i < perPage; ++i) {
    const int n = page * perPage + i;
    std::snprintf(buf, sizeof buf,
                  "%s{\"displayName\":\"ci-pipeline-org%02d-%04d\",\"validTo\":\"2026-%02d-%02dT10:"
                  "21:52.1033333Z\","
                  "\"scope\":\"vso.code_write vso.build_execute "
                  "vso.packaging\",\"targetAccounts\":[\"%08x-1111-4222-8333-%012x\"],"
                  "\"validFrom\":\"2025-%02d-%02dT10:21:52.1033333Z\",\"authorizationId\":\"%08x-"
                  "aaaa-4bbb-8ccc-%012x\",\"token\":null}",
                  i ? "," : "", page % 10, n, 1 + n % 12, 1 + n % 28, page, n, 1 + n % 12,
                  1 + n % 28, n, n * 7);
    s += buf;
  }
  s += last ? "],\"continuationToken\":\"\"}"
            : "],\"continuationToken\":\"b2Zmc2V0PTEwMCZoPTEyMzQ1Njc4\"}";
  return s;
}

}  // namespace

int main() {
  const int pages = 100, perPage = 100;
  std::vector<std::string> list;
  size_t bytes = 0;
  for (int p = 0; p < pages; ++p) {
    list.push_back(pageJson(p, perPage, p == pages - 1));
    bytes += list.back().size();
  }
  // Warm up and check the decoder accepts every page.
  size_t tokens = 0;
  for (const auto& body : list) {
    auto r = patdesk::devops::decodePatPage(body);
    if (!r) {
      std::fprintf(stderr, "decode failed\n");
      return 1;
    }
    tokens += r.value().tokens.size();
  }
  if (tokens != size_t(pages) * perPage) {
    std::fprintf(stderr, "decoded %zu tokens\n", tokens);
    return 1;
  }
  int rounds = 0;
  const auto start = std::chrono::steady_clock::now();
  double seconds = 0;
  size_t sink = 0;
  do {
    for (const auto& body : list)
      sink += patdesk::devops::decodePatPage(body).value().tokens.size();
    ++rounds;
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  } while (seconds < 1.0 || rounds < 3);
  const double perList = seconds / rounds;
  std::printf(
      "{\"pages\":%d,\"tokens\":%d,\"bytes\":%zu,\"rounds\":%d,\"msPerList\":%.2f,\"mbPerSec\":%."
      "1f,\"sink\":%zu}\n",
      pages, pages * perPage, bytes, rounds, perList * 1000, bytes / perList / 1e6, sink % 7);
  return 0;
}
