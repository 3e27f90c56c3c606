# Fails the build when a layer includes headers it must not see.
#   src/core:           no emscripten, GLFW, GL, imgui.
#   src/ui:             no emscripten, GLFW, GL.
#   src/ui (outside imgui_ext/): no imgui_internal.h either; ImGui 1.86's internals are used
#                       only in src/ui/imgui_ext/, behind a version assertion.
function(check_dir dir pattern what)
  file(GLOB_RECURSE files "${SOURCE_DIR}/${dir}/*.h" "${SOURCE_DIR}/${dir}/*.cpp")
  foreach(f IN LISTS files)
    file(RELATIVE_PATH rel "${SOURCE_DIR}" "${f}")
    foreach(allowed IN LISTS ARGN)
      if(rel MATCHES "^${allowed}")
        set(rel "")
        break()
      endif()
    endforeach()
    if(rel STREQUAL "")
      continue()
    endif()
    file(STRINGS "${f}" hits REGEX "${pattern}")
    if(hits)
      message(FATAL_ERROR "Layer violation: ${rel} includes ${what}: ${hits}")
    endif()
  endforeach()
endfunction()

check_dir(src/core "^[ \t]*#[ \t]*include[ \t]*[<\"](emscripten|GLFW|GLES|GL/|imgui|webgl)" "platform or UI headers")
check_dir(src/ui "^[ \t]*#[ \t]*include[ \t]*[<\"](emscripten|GLFW|GLES|GL/|webgl)" "platform headers")
# Extra arguments: paths (relative to SOURCE_DIR) that are exempt.
check_dir(src/ui "^[ \t]*#[ \t]*include[ \t]*[<\"]imgui_internal\\.h" "imgui_internal.h (only src/ui/imgui_ext/ may)"
  "src/ui/imgui_ext/")
