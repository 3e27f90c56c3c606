// Fixture: a ui file outside imgui_ext/ that reaches into ImGui internals, so the check must fail.
#include <imgui_internal.h>
