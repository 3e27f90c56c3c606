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
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sFETCH=1 -sFETCH_SUPPORT_INDEXEDDB=0
  -sFILESYSTEM=0
  -sALLOW_MEMORY_GROWTH=1
  -sINITIAL_MEMORY=33554432
  -sDYNAMIC_EXECUTION=0
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free
  -sEXPORTED_RUNTIME_METHODS=UTF8ToString
  -sTOTAL_STACK=1048576
  --no-heap-copy
  -sSPLIT_MODULE --profiling-funcs -Wno-experimental)
set_target_properties(patdesk PROPERTIES SUFFIX ".js")

# Split in two (README "Performance"): patdesk.wasm keeps the functions the first screens run
# (tools/wasm_split/primary_functions.txt, recorded in Chromium by record_primary.mjs) and
# patdesk.deferred.wasm gets the rest, which web/shell.js loads right after the first frame.
# -sSPLIT_MODULE makes emcc write the whole module as patdesk.wasm.orig (named, thanks to
# --profiling-funcs: the keep list matches names) and an instrumented patdesk.wasm (what the
# recorder runs), and gives the JS glue its placeholder hook (Module.loadSplitModule).
# No binaryen optimisation runs on the halves: emcc already ran -Oz on the whole, and a pass
# that turned a table call into a direct call to a placeholder would break the hand-over.
find_program(PATDESK_WASM_OPT wasm-opt REQUIRED)
find_program(PATDESK_WASM_SPLIT wasm-split REQUIRED)
set(PATDESK_WASM_FEATURES --enable-exception-handling --enable-sign-ext --enable-mutable-globals
  --enable-bulk-memory)
set(PATDESK_SPLIT_DIR ${CMAKE_BINARY_DIR}/split)
set(PATDESK_PRIMARY_LIST ${CMAKE_SOURCE_DIR}/tools/wasm_split/primary_functions.txt)
set_property(TARGET patdesk APPEND PROPERTY LINK_DEPENDS ${PATDESK_PRIMARY_LIST})
add_custom_command(TARGET patdesk POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PATDESK_SPLIT_DIR}
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/wasm_split/select_primary.py
          $<TARGET_FILE_DIR:patdesk>/patdesk.wasm.orig ${PATDESK_PRIMARY_LIST} ${PATDESK_SPLIT_DIR}/keep.txt
  COMMAND ${PATDESK_WASM_SPLIT} $<TARGET_FILE_DIR:patdesk>/patdesk.wasm.orig
          --keep-funcs=@${PATDESK_SPLIT_DIR}/keep.txt -o1 ${PATDESK_SPLIT_DIR}/primary.wasm
          -o2 ${PATDESK_SPLIT_DIR}/deferred.wasm ${PATDESK_WASM_FEATURES}
  # --strip-producers only (toolchain names and versions); no optimisation passes, see above.
  COMMAND ${PATDESK_WASM_OPT} ${PATDESK_SPLIT_DIR}/primary.wasm --strip-producers ${PATDESK_WASM_FEATURES}
          -o ${PATDESK_SPLIT_DIR}/patdesk.wasm
  COMMAND ${PATDESK_WASM_OPT} ${PATDESK_SPLIT_DIR}/deferred.wasm --strip-producers ${PATDESK_WASM_FEATURES}
          -o ${PATDESK_SPLIT_DIR}/patdesk.deferred.wasm
  COMMENT "wasm-split: patdesk.wasm (first screens) + patdesk.deferred.wasm (the rest)"
  VERBATIM)

# Assemble dist/: our own shell (emcc's HTML minifier fails on this toolchain) + assets, and
# .gz / .br siblings of the large files for hosts that serve precompressed files (nginx
# gzip_static / brotli_static, Azure Static Web Apps).
# A target of its own whose DEPENDS lists every file in web/, so that editing only shell.js
# (or any asset) rebuilds dist/ too; a POST_BUILD step of the wasm would leave it stale.
find_program(PATDESK_GZIP gzip REQUIRED)
find_program(PATDESK_BROTLI brotli REQUIRED)
file(GLOB PATDESK_WEB_ASSETS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/*)
set(PATDESK_PRECOMPRESSED ${PATDESK_DIST_DIR}/patdesk.wasm ${PATDESK_DIST_DIR}/patdesk.deferred.wasm
  ${PATDESK_DIST_DIR}/patdesk.js ${PATDESK_DIST_DIR}/shell.js ${PATDESK_DIST_DIR}/a11y_mirror.js)
set(PATDESK_SITE_STAMP ${CMAKE_BINARY_DIR}/site.stamp)
# The site's files are outputs too: deleting dist/ (or one file in it) rebuilds it.
set(PATDESK_SITE_FILES ${PATDESK_DIST_DIR}/patdesk.js ${PATDESK_DIST_DIR}/patdesk.wasm
  ${PATDESK_DIST_DIR}/patdesk.deferred.wasm)
foreach(asset IN LISTS PATDESK_WEB_ASSETS)
  get_filename_component(name ${asset} NAME)
  list(APPEND PATDESK_SITE_FILES ${PATDESK_DIST_DIR}/${name})
endforeach()
add_custom_command(
  OUTPUT ${PATDESK_SITE_STAMP} ${PATDESK_SITE_FILES}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PATDESK_DIST_DIR}
  COMMAND ${CMAKE_COMMAND} -E copy $<TARGET_FILE_DIR:patdesk>/patdesk.js ${PATDESK_SPLIT_DIR}/patdesk.wasm
          ${PATDESK_SPLIT_DIR}/patdesk.deferred.wasm ${PATDESK_DIST_DIR}/
  COMMAND ${CMAKE_COMMAND} -E copy ${PATDESK_WEB_ASSETS} ${PATDESK_DIST_DIR}/
  COMMAND ${PATDESK_GZIP} -9 -n -k -f ${PATDESK_PRECOMPRESSED}
  COMMAND ${PATDESK_BROTLI} -q 11 -k -f ${PATDESK_PRECOMPRESSED}
  COMMAND ${CMAKE_COMMAND} -E touch ${PATDESK_SITE_STAMP}
  DEPENDS patdesk ${PATDESK_WEB_ASSETS}
  COMMENT "Writing the deployable site to dist/ (with .gz and .br siblings)"
  VERBATIM)
add_custom_target(site ALL DEPENDS ${PATDESK_SITE_STAMP})
