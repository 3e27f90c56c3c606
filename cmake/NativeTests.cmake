# Native tests: doctest unit tests for core, and headless ImGui frames for ui.
# Each doctest case is its own CTest test (doctest_discover_tests), so a failure names its
# case and `ctest -R <words>` runs a few.
find_file(PATDESK_DOCTEST_CMAKE doctest.cmake PATHS /usr/lib/cmake/doctest /usr/share/doctest/cmake
  NO_DEFAULT_PATH)
if(NOT PATDESK_DOCTEST_CMAKE)
  message(FATAL_ERROR "doctest's CMake module (doctest.cmake) not found. Run: bash scripts/setup.sh (installs doctest-dev)")
endif()
include(${PATDESK_DOCTEST_CMAKE})

file(GLOB PATDESK_UNIT_TEST_SOURCES CONFIGURE_DEPENDS tests/unit/*.cpp tests/fakes/*.cpp)
add_executable(patdesk_unit_tests ${PATDESK_UNIT_TEST_SOURCES})
target_link_libraries(patdesk_unit_tests PRIVATE patdesk_core patdesk_doctest patdesk_warnings)
target_include_directories(patdesk_unit_tests PRIVATE tests)
target_compile_definitions(patdesk_unit_tests PRIVATE
  PATDESK_SPECS_DIR="${CMAKE_SOURCE_DIR}/tests/fixtures/azure-devops-specs"
  PATDESK_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
doctest_discover_tests(patdesk_unit_tests TEST_PREFIX "unit | ")

# In the native build ImGui exists only for these tests: its IM_ASSERTs become doctest failures.
target_compile_definitions(patdesk_imgui PUBLIC IMGUI_USER_CONFIG="imgui_test_config.h")
target_include_directories(patdesk_imgui PUBLIC ${CMAKE_SOURCE_DIR}/tests/ui/imgui_config)

file(GLOB PATDESK_UI_TEST_SOURCES CONFIGURE_DEPENDS tests/ui/*.cpp)
add_executable(patdesk_ui_tests ${PATDESK_UI_TEST_SOURCES} tests/fakes/fake_platform.cpp)
target_link_libraries(patdesk_ui_tests PRIVATE patdesk_ui patdesk_doctest patdesk_warnings)
target_include_directories(patdesk_ui_tests PRIVATE tests)
doctest_discover_tests(patdesk_ui_tests TEST_PREFIX "ui | ")

# The layer check itself is tested: a core file that includes imgui must fail the check.
add_test(NAME layer_check_rejects_imgui_in_core
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${CMAKE_SOURCE_DIR}/tests/layer_violation_fixture -P ${CMAKE_SOURCE_DIR}/cmake/CheckLayers.cmake)
set_tests_properties(layer_check_rejects_imgui_in_core PROPERTIES WILL_FAIL TRUE)
# ImGui internals only under src/ui/imgui_ext/: elsewhere in ui the check fails, there it passes.
add_test(NAME layer_check_rejects_imgui_internal_outside_imgui_ext
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${CMAKE_SOURCE_DIR}/tests/layer_violation_fixtures/imgui_internal_in_ui -P ${CMAKE_SOURCE_DIR}/cmake/CheckLayers.cmake)
set_tests_properties(layer_check_rejects_imgui_internal_outside_imgui_ext PROPERTIES WILL_FAIL TRUE)
add_test(NAME layer_check_allows_imgui_internal_in_imgui_ext
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${CMAKE_SOURCE_DIR}/tests/layer_violation_fixtures/imgui_internal_in_ui_ext -P ${CMAKE_SOURCE_DIR}/cmake/CheckLayers.cmake)

if(PATDESK_FUZZ)
  include(cmake/Fuzzers.cmake)
endif()
