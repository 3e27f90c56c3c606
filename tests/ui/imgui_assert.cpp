// Turns an ImGui IM_ASSERT (see imgui_config/imgui_test_config.h) into a failure of the running
// doctest case.
#include <doctest/doctest.h>

void patdeskImguiAssertFailed(const char* expression, const char* file, int line) {
  // ADD_FAIL_AT stops the test case: ImGui's state after a failed assert is not trustworthy.
  ADD_FAIL_AT(file, line, "IM_ASSERT failed inside Dear ImGui: " << doctest::String(expression));
}
