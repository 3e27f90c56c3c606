#include "ui/imgui_ext/string_input.h"

// Relies on 1.86's resize-callback contract (Buf handed back, BufTextLen): version-checked.
#include "ui/imgui_ext/imgui_internals.h"
#include "ui/imgui_ext/semantics.h"

namespace patdesk::ui {
namespace {

int resizeCallback(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* str = static_cast<std::string*>(data->UserData);
    IM_ASSERT(data->Buf == str->c_str());
    str->resize(static_cast<size_t>(data->BufTextLen));
    data->Buf = str->data();
  }
  return 0;
}

// Read-only fields never resize, but ImGui still wants a writable buffer of the right size.
char* bufferOf(std::string* value) { return value->data(); }

// Text typed into the ARIA mirror's <input> replaces the value before ImGui draws it.
void takeTextFromMirror(const char* label, std::string* value) {
  takeMirrorText(ImGui::GetID(label), value);
}

// The registry (and so the mirror's <input>) shows what the field holds after this frame.
bool reportValue(bool result, const std::string& value) {
  setLastItemValue(value);
  return result;
}

}  // namespace

bool InputString(const char* label, std::string* value, ImGuiInputTextFlags flags) {
  IM_ASSERT((flags & ImGuiInputTextFlags_CallbackResize) == 0);
  flags |= ImGuiInputTextFlags_CallbackResize;
  takeTextFromMirror(label, value);
  return reportValue(
      ImGui::InputText(label, bufferOf(value), value->capacity() + 1, flags, resizeCallback, value),
      *value);
}

bool InputStringWithHint(const char* label, const char* hint, std::string* value,
                         ImGuiInputTextFlags flags) {
  IM_ASSERT((flags & ImGuiInputTextFlags_CallbackResize) == 0);
  flags |= ImGuiInputTextFlags_CallbackResize;
  takeTextFromMirror(label, value);
  return reportValue(ImGui::InputTextWithHint(label, hint, bufferOf(value), value->capacity() + 1,
                                              flags, resizeCallback, value),
                     *value);
}

bool InputStringMultiline(const char* label, std::string* value, const ImVec2& size,
                          ImGuiInputTextFlags flags) {
  IM_ASSERT((flags & ImGuiInputTextFlags_CallbackResize) == 0);
  flags |= ImGuiInputTextFlags_CallbackResize;
  takeTextFromMirror(label, value);
  return reportValue(ImGui::InputTextMultiline(label, bufferOf(value), value->capacity() + 1, size,
                                               flags, resizeCallback, value),
                     *value);
}

}  // namespace patdesk::ui
