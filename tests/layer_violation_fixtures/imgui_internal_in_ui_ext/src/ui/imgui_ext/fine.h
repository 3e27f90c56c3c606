// Fixture: imgui_ext/ may include ImGui internals, so the check must pass.
#include <imgui_internal.h>
