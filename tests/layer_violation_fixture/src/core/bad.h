// Fixture: a core file that breaks the layer rule, so the check must fail.
#include <imgui.h>
