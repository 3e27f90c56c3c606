# libFuzzer targets (PATDESK_FUZZ=ON, `fuzz` preset; run them with scripts/fuzz.sh).
# Everything is compiled with -fsanitize=fuzzer-no-link,address,undefined by the preset; each
# tests/fuzz/fuzz_<target>.cpp becomes build/fuzz/fuzzers/fuzz_<target>, linked with libFuzzer.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "PATDESK_FUZZ needs clang (libFuzzer). Use: cmake --preset fuzz "
                      "(install clang and libclang-rt-14-dev: bash scripts/setup.sh)")
endif()

set(PATDESK_FUZZ_SANITIZERS "-fsanitize=fuzzer,address,undefined")

# Undefined behaviour anywhere in core must stop the fuzzer (a crash), not just print a line.
# -O1 (over the preset's Debug -O0) is the usual libFuzzer setting: several times more
# executions per second through nlohmann::json, same sanitizer coverage.
target_compile_options(patdesk_core PRIVATE -fno-sanitize-recover=undefined -O1)

file(GLOB PATDESK_FUZZ_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_*.cpp")
add_custom_target(patdesk_fuzzers)
foreach(source IN LISTS PATDESK_FUZZ_SOURCES)
  get_filename_component(name "${source}" NAME_WE)          # fuzz_<target>
  string(REGEX REPLACE "^fuzz_" "" target_name "${name}")   # <target>
  add_executable(${name} "${source}")
  target_link_libraries(${name} PRIVATE patdesk_core)
  target_include_directories(${name} PRIVATE "${CMAKE_SOURCE_DIR}/tests/fuzz")
  target_compile_options(${name} PRIVATE ${PATDESK_FUZZ_SANITIZERS} -fno-sanitize-recover=undefined -O1)
  target_link_options(${name} PRIVATE ${PATDESK_FUZZ_SANITIZERS})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/fuzzers")
  add_dependencies(patdesk_fuzzers ${name})

  # ctest in the fuzz build replays the committed seeds (no fuzzing, a few milliseconds).
  set(seeds "${CMAKE_SOURCE_DIR}/tests/fuzz/seeds/${target_name}")
  if(IS_DIRECTORY "${seeds}")
    add_test(NAME fuzz_seeds_${target_name} COMMAND ${name} -runs=0 "${seeds}")
  endif()
endforeach()
