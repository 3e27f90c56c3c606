# Fails the build when a layer includes headers it must not see.
#   src/core: no emscripten, GLFW, GL, imgui.
#   src/ui:   no emscripten, GLFW, GL.
function(check_dir dir pattern what)
  file(GLOB_RECURSE files "${SOURCE_DIR}/${dir}/*.h" "${SOURCE_DIR}/${dir}/*.cpp")
  foreach(f IN LISTS files)
    file(STRINGS "${f}" hits REGEX "${pattern}")
    if(hits)
      file(RELATIVE_PATH rel "${SOURCE_DIR}" "${f}")
      message(FATAL_ERROR "Layer violation: ${rel} includes ${what}: ${hits}")
    endif()
  endforeach()
endfunction()

check_dir(src/core "^[ \t]*#[ \t]*include[ \t]*[<\"](emscripten|GLFW|GLES|GL/|imgui|webgl)" "platform or UI headers")
check_dir(src/ui "^[ \t]*#[ \t]*include[ \t]*[<\"](emscripten|GLFW|GLES|GL/|webgl)" "platform headers")
