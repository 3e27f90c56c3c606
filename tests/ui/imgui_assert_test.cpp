// The UI tests' IM_ASSERT mapping really fails a test: an unbalanced ImGui call must not pass.
#include <imgui.h>

#include <doctest/doctest.h>

TEST_CASE("An IM_ASSERT inside Dear ImGui fails the running test case" * doctest::should_fail()) {
  ImGuiContext* context = ImGui::CreateContext();
  ImGui::GetIO().DisplaySize = ImVec2(100, 100);
  ImGui::GetIO().Fonts->AddFontDefault();
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  ImGui::NewFrame();
  struct DestroyOnExit {
    ImGuiContext* context;
    ~DestroyOnExit() { ImGui::DestroyContext(context); }
  } destroy{context};
  ImGui::PopStyleColor();  // nothing was pushed: ImGui asserts
}
