// ImGui text fields that edit a std::string in place (there is no imgui_stdlib in the build):
// the buffer grows through ImGui's resize callback, so any length can be typed or pasted.
#pragma once

#include <imgui.h>

#include <string>

namespace patdesk::ui {

bool InputString(const char* label, std::string* value, ImGuiInputTextFlags flags = 0);
bool InputStringWithHint(const char* label, const char* hint, std::string* value,
                         ImGuiInputTextFlags flags = 0);
bool InputStringMultiline(const char* label, std::string* value, const ImVec2& size = ImVec2(0, 0),
                          ImGuiInputTextFlags flags = 0);

}  // namespace patdesk::ui
