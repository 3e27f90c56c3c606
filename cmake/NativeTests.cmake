# Native tests: doctest unit tests for core, and headless ImGui frames for ui.
file(GLOB PATDESK_UNIT_TEST_SOURCES CONFIGURE_DEPENDS tests/unit/*.cpp tests/fakes/*.cpp)
add_executable(patdesk_unit_tests ${PATDESK_UNIT_TEST_SOURCES})
target_link_libraries(patdesk_unit_tests PRIVATE patdesk_core patdesk_doctest)
target_include_directories(patdesk_unit_tests PRIVATE tests)
target_compile_definitions(patdesk_unit_tests PRIVATE
  PATDESK_SPECS_DIR="${CMAKE_SOURCE_DIR}/../shared/specs"
  PATDESK_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
add_test(NAME unit COMMAND patdesk_unit_tests)

file(GLOB PATDESK_UI_TEST_SOURCES CONFIGURE_DEPENDS tests/ui/*.cpp)
if(PATDESK_UI_TEST_SOURCES)
  add_executable(patdesk_ui_tests ${PATDESK_UI_TEST_SOURCES} tests/fakes/fake_platform.cpp)
  target_link_libraries(patdesk_ui_tests PRIVATE patdesk_ui patdesk_doctest)
  target_include_directories(patdesk_ui_tests PRIVATE tests)
  add_test(NAME ui COMMAND patdesk_ui_tests)
endif()

# The layer check itself is tested: a core file that includes imgui must fail the check.
add_test(NAME layer_check_rejects_imgui_in_core
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${CMAKE_SOURCE_DIR}/tests/layer_violation_fixture -P ${CMAKE_SOURCE_DIR}/cmake/CheckLayers.cmake)
set_tests_properties(layer_check_rejects_imgui_in_core PROPERTIES WILL_FAIL TRUE)

if(PATDESK_FUZZ)
  include(cmake/Fuzzers.cmake)
endif()
