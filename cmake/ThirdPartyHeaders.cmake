# Copies the header-only libraries patdesk uses from Debian's packages into
# include directories of their own inside the build tree.
set(PATDESK_DEPS_INCLUDE "${CMAKE_BINARY_DIR}/deps-include")

if(NOT EXISTS "${PATDESK_DEPS_INCLUDE}/nlohmann/json.hpp")
  if(NOT EXISTS /usr/include/nlohmann/json.hpp)
    message(FATAL_ERROR "nlohmann/json.hpp not found. Run: bash scripts/setup.sh (installs nlohmann-json3-dev)")
  endif()
  file(COPY /usr/include/nlohmann DESTINATION "${PATDESK_DEPS_INCLUDE}")
endif()
add_library(patdesk_nlohmann INTERFACE)
target_include_directories(patdesk_nlohmann SYSTEM INTERFACE "${PATDESK_DEPS_INCLUDE}")
# patdesk never lets a JSON exception cross a boundary; decoders catch and turn them into Error values.

if(NOT EMSCRIPTEN)
  if(NOT EXISTS "${PATDESK_DEPS_INCLUDE}/doctest/doctest.h")
    if(NOT EXISTS /usr/include/doctest/doctest.h)
      message(FATAL_ERROR "doctest/doctest.h not found. Run: bash scripts/setup.sh (installs doctest-dev)")
    endif()
    file(COPY /usr/include/doctest DESTINATION "${PATDESK_DEPS_INCLUDE}")
  endif()
  add_library(patdesk_doctest INTERFACE)
  target_include_directories(patdesk_doctest SYSTEM INTERFACE "${PATDESK_DEPS_INCLUDE}")
endif()
