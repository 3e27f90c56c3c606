// Wipe on free: every heap block is zeroed before it goes back to the allocator, so a
// token, PAT or response body that was copied into a temporary (a std::string that grew, a
// JSON parser buffer, a fetch header, a malloc'd string from JavaScript) does not linger in
// the wasm heap after it is freed. Live copies still need secureWipe(); this covers the
// copies nobody holds any more.
//
// How: `free` is a weak symbol in Emscripten's emmalloc (-sMALLOC=emmalloc, cmake/WebApp.cmake),
// so this strong definition replaces it for everything linked into the module: C code (the
// fetch library, musl), C++ (libc++abi's operator delete calls free), and JavaScript
// (Module._free). emmalloc's realloc calls free too, so a block that moves on growth is wiped as
// well. The global operator delete variants are replaced explicitly as well, so the C++ path does
// not depend on how libc++abi forwards to free.
//
// Cost: one memset per free (the usable size of the block, which is the requested size
// rounded up to 8 bytes); not measurable next to a frame's drawing.
#include <emscripten/emmalloc.h>

#include <cstddef>
#include <cstring>
#include <new>

namespace {

// A memset the optimiser cannot prove dead: the block is about to be freed, so a plain
// memset would be removed as a dead store.
void* (*const volatile wipeMemset)(void*, int, size_t) = std::memset;

void wipeAndFree(void* p) {
  if (!p) return;
  wipeMemset(p, 0, emmalloc_usable_size(p));
  emmalloc_free(p);
}

}  // namespace

extern "C" void free(void* p) { wipeAndFree(p); }

void operator delete(void* p) noexcept { wipeAndFree(p); }
void operator delete[](void* p) noexcept { wipeAndFree(p); }
void operator delete(void* p, std::size_t) noexcept { wipeAndFree(p); }
void operator delete[](void* p, std::size_t) noexcept { wipeAndFree(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { wipeAndFree(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { wipeAndFree(p); }
void operator delete(void* p, std::align_val_t) noexcept { wipeAndFree(p); }
void operator delete[](void* p, std::align_val_t) noexcept { wipeAndFree(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { wipeAndFree(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { wipeAndFree(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { wipeAndFree(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept {
  wipeAndFree(p);
}
