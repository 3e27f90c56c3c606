// The fixture loader: Microsoft's recorded examples live in the repository, and a missing one
// fails naming its path instead of reading as a JSON error.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "devops_test_support.h"

using patdesk::testing::readSpecFile;

TEST_CASE("The Azure DevOps spec fixtures are read from inside the repository") {
  const std::string dir = PATDESK_SPECS_DIR;
  CHECK(dir.rfind(std::string(PATDESK_SOURCE_DIR) + "/tests/fixtures/", 0) == 0);
  CHECK(dir.find("..") == std::string::npos);
  const std::string list = readSpecFile("tokens/7.1/httpExamples/Pats/ListPats.json");
  CHECK(list.find("patTokens") != std::string::npos);
}

TEST_CASE("A missing fixture throws an error that names its path") {
  try {
    (void)readSpecFile("tokens/7.1/httpExamples/Pats/NoSuchExample.json");
    FAIL("readSpecFile returned for a file that does not exist");
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    CHECK(message.find("fixture missing") != std::string::npos);
    CHECK(message.find("tests/fixtures/azure-devops-specs/tokens/7.1/httpExamples/Pats/"
                       "NoSuchExample.json") != std::string::npos);
  }
}
