// Dear ImGui user config for the native UI tests only (IMGUI_USER_CONFIG): an IM_ASSERT that
// fires inside ImGui becomes a doctest failure naming the expression, file and line, in every
// build type. Without it, ImGui's default assert() is compiled out by NDEBUG and a misuse of the
// API (an unbalanced Begin/End, a bad ID stack) passes silently.
#pragma once

void patdeskImguiAssertFailed(const char* expression, const char* file, int line);

#define IM_ASSERT(_EXPR) \
  ((_EXPR) ? static_cast<void>(0) : patdeskImguiAssertFailed(#_EXPR, __FILE__, __LINE__))
