#include "platform/web/gpu_warm_up.h"

#include <GLES3/gl3.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

namespace patdesk::web {
namespace {

void submitGpuWorkNow() {
  // A fence makes the GL implementation submit the queued work now: a bare flush can be
  // deferred until something needs the pixels (measured: the first frame's read-back took
  // 45-65 ms with glFlush alone, 20-35 ms with the fence). Nothing ever waits on it.
  GLsync fence = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
  glFlush();
  glDeleteSync(fence);
}

}  // namespace

// Why: under software GL (SwiftShader, what headless and GPU-less machines get) the first
// draw with a program compiles its vertex and pixel routines for the exact pipeline state:
// tens of milliseconds, and the page's main thread waits for them when the compositor reads
// the canvas back. Done here, through ImGui's own RenderDrawData (so the state is exactly the
// first frame's), that work runs in the GPU process while the main thread builds the atlas.
void warmUpImGuiPipeline(int framebufferWidth, int framebufferHeight) {
  if (framebufferWidth <= 0 || framebufferHeight <= 0) return;
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  // A white 1x1 texture stands in for the atlas, so that creating the device objects does not
  // build it (GetTexDataAsRGBA32 returns these pixels as they are). Clear() frees them.
  if (!atlas.TexPixelsRGBA32) {
    atlas.TexPixelsRGBA32 = static_cast<unsigned int*>(IM_ALLOC(sizeof(unsigned int)));
    *atlas.TexPixelsRGBA32 = 0xFFFFFFFFu;
    atlas.TexWidth = atlas.TexHeight = 1;
  }
  ImGui_ImplOpenGL3_CreateDeviceObjects();

  ImDrawList list(ImGui::GetDrawListSharedData());
  list._ResetForNewFrame();
  list.PushClipRect(ImVec2(0, 0), ImVec2(1, 1));
  list.PushTextureID(atlas.TexID);
  list.AddRectFilled(ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE);
  ImDrawList* lists[] = {&list};
  ImDrawData data;
  data.Valid = true;
  data.CmdLists = lists;
  data.CmdListsCount = 1;
  data.TotalVtxCount = list.VtxBuffer.Size;
  data.TotalIdxCount = list.IdxBuffer.Size;
  data.DisplayPos = ImVec2(0, 0);
  data.DisplaySize =
      ImVec2(static_cast<float>(framebufferWidth), static_cast<float>(framebufferHeight));
  data.FramebufferScale = ImVec2(1, 1);

  glViewport(0, 0, framebufferWidth, framebufferHeight);
  glClearColor(0.f, 0.f, 0.f, 1.f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(&data);
  submitGpuWorkNow();
}

}  // namespace patdesk::web
