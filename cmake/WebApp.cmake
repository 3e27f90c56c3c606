# The browser build: patdesk.js + patdesk.wasm, plus web/ assets, written to dist/.
set(PATDESK_DIST_DIR "${CMAKE_SOURCE_DIR}/dist" CACHE PATH "Where the deployable site goes")
find_package(Python3 REQUIRED COMPONENTS Interpreter)

# Fonts from Debian's packages, subset and compiled in (tools/embed_fonts.py).
set(PATDESK_FONTS_CPP "${CMAKE_BINARY_DIR}/generated/embedded_fonts.cpp")
add_custom_command(
  OUTPUT ${PATDESK_FONTS_CPP}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/generated
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/embed_fonts.py ${PATDESK_FONTS_CPP}
  DEPENDS ${CMAKE_SOURCE_DIR}/tools/embed_fonts.py
  COMMENT "Embedding subset Inter + JetBrains Mono"
  VERBATIM)

file(GLOB PATDESK_WEB_SOURCES CONFIGURE_DEPENDS src/platform/web/*.cpp)
add_executable(patdesk ${PATDESK_WEB_SOURCES} ${PATDESK_FONTS_CPP}
  ${PATDESK_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_link_libraries(patdesk PRIVATE patdesk_ui patdesk_warnings)
target_include_directories(patdesk PRIVATE src)

# Exceptions: nlohmann reports bad JSON by throwing; decoders catch and turn it into
# Error values. Native wasm exceptions are smaller and faster than the JS emulation.
# Size (gzip -9 of patdesk.wasm, measured with tests/bench/bench.mjs's numbers in README
# "Performance"): -flto lets the linker inline/drop across libraries (-9.7 KB), -fno-rtti drops
# type_info for every polymorphic class (nothing uses typeid/dynamic_cast; exception typeinfo is
# still emitted, so catch-by-type keeps working) and emmalloc replaces dlmalloc (-7.5 KB together).
# Not used: --closure 1 (Debian's emscripten has no Closure Compiler).
set(PATDESK_WEB_COMMON_FLAGS -fwasm-exceptions -flto)
foreach(t patdesk patdesk_core patdesk_ui patdesk_imgui)
  target_compile_options(${t} PRIVATE ${PATDESK_WEB_COMMON_FLAGS} -Oz -fno-rtti)
endforeach()

target_link_options(patdesk PRIVATE
  ${PATDESK_WEB_COMMON_FLAGS}
  -Oz
  -sMALLOC=emmalloc
  -sENVIRONMENT=web
  -sUSE_GLFW=3
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sFETCH=1 -sFETCH_SUPPORT_INDEXEDDB=0
  -sFILESYSTEM=0
  -sALLOW_MEMORY_GROWTH=1
  -sINITIAL_MEMORY=33554432
  -sDYNAMIC_EXECUTION=0
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free
  -sEXPORTED_RUNTIME_METHODS=UTF8ToString
  -sTOTAL_STACK=1048576
  --no-heap-copy)
set_target_properties(patdesk PROPERTIES SUFFIX ".js")

# A second binaryen pass after emcc's own: -Oz repeated until nothing shrinks, and the producers
# section (toolchain names and versions) stripped. Saves ~0.6 KB gzip.
find_program(PATDESK_WASM_OPT wasm-opt REQUIRED)
add_custom_command(TARGET patdesk POST_BUILD
  COMMAND ${PATDESK_WASM_OPT} $<TARGET_FILE_DIR:patdesk>/patdesk.wasm -Oz --converge
          --strip-producers --enable-exception-handling --enable-sign-ext
          --enable-mutable-globals --enable-bulk-memory -o $<TARGET_FILE_DIR:patdesk>/patdesk.wasm
  COMMENT "wasm-opt -Oz --converge --strip-producers"
  VERBATIM)

# Assemble dist/: our own shell (emcc's HTML minifier fails on this toolchain) + assets, and
# .gz / .br siblings of the large files for hosts that serve precompressed files (nginx
# gzip_static / brotli_static, Azure Static Web Apps).
# A target of its own whose DEPENDS lists every file in web/, so that editing only shell.js
# (or any asset) rebuilds dist/ too; a POST_BUILD step of the wasm would leave it stale.
find_program(PATDESK_GZIP gzip REQUIRED)
find_program(PATDESK_BROTLI brotli REQUIRED)
file(GLOB PATDESK_WEB_ASSETS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/*)
set(PATDESK_PRECOMPRESSED ${PATDESK_DIST_DIR}/patdesk.wasm ${PATDESK_DIST_DIR}/patdesk.js
  ${PATDESK_DIST_DIR}/shell.js)
set(PATDESK_SITE_STAMP ${CMAKE_BINARY_DIR}/site.stamp)
# The site's files are outputs too: deleting dist/ (or one file in it) rebuilds it.
set(PATDESK_SITE_FILES ${PATDESK_DIST_DIR}/patdesk.js ${PATDESK_DIST_DIR}/patdesk.wasm)
foreach(asset IN LISTS PATDESK_WEB_ASSETS)
  get_filename_component(name ${asset} NAME)
  list(APPEND PATDESK_SITE_FILES ${PATDESK_DIST_DIR}/${name})
endforeach()
add_custom_command(
  OUTPUT ${PATDESK_SITE_STAMP} ${PATDESK_SITE_FILES}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PATDESK_DIST_DIR}
  COMMAND ${CMAKE_COMMAND} -E copy $<TARGET_FILE_DIR:patdesk>/patdesk.js $<TARGET_FILE_DIR:patdesk>/patdesk.wasm ${PATDESK_DIST_DIR}/
  COMMAND ${CMAKE_COMMAND} -E copy ${PATDESK_WEB_ASSETS} ${PATDESK_DIST_DIR}/
  COMMAND ${PATDESK_GZIP} -9 -n -k -f ${PATDESK_PRECOMPRESSED}
  COMMAND ${PATDESK_BROTLI} -q 11 -k -f ${PATDESK_PRECOMPRESSED}
  COMMAND ${CMAKE_COMMAND} -E touch ${PATDESK_SITE_STAMP}
  DEPENDS patdesk ${PATDESK_WEB_ASSETS}
  COMMENT "Writing the deployable site to dist/ (with .gz and .br siblings)"
  VERBATIM)
add_custom_target(site ALL DEPENDS ${PATDESK_SITE_STAMP})
