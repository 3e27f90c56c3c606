// The only way into Dear ImGui's internals (imgui_internal.h): the build allows that header
// in src/ui/imgui_ext/ alone, and this assertion makes an ImGui upgrade fail loudly here.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

// Everything in imgui_ext/ relies on 1.86's private structures (ImGuiWindow::DC, item hooks,
// NavId, LastItemData): re-check each file against the new imgui_internal.h before bumping.
static_assert(IMGUI_VERSION_NUM == 18600,
              "src/ui/imgui_ext/ was written against Dear ImGui 1.86's internals");
