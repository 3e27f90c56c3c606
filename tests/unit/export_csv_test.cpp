#include <doctest/doctest.h>

#include "core/export/csv.h"

using namespace patdesk::exporting;

TEST_CASE("plain csv fields are written as they are") {
  CHECK(csvField("ci-feed") == "ci-feed");
  CHECK(csvField("") == "");
  CHECK(csvField("a b") == "a b");
}

TEST_CASE("csv fields with commas quotes or newlines are quoted and inner quotes doubled") {
  CHECK(csvField("a,b") == "\"a,b\"");
  CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csvField("two\nlines") == "\"two\nlines\"");
  CHECK(csvField("cr\rhere") == "\"cr\rhere\"");
}

TEST_CASE("csv fields a spreadsheet would run as a formula are neutralised") {
  CHECK(csvField("=1+1") == "'=1+1");
  CHECK(csvField("+cmd") == "'+cmd");
  CHECK(csvField("-2") == "'-2");
  CHECK(csvField("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csvField("\tx") == "'\tx");
  CHECK(csvField("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
  CHECK(csvField("a=b") == "a=b");
}

TEST_CASE("a csv file starts with the UTF-8 BOM and ends every row with CRLF") {
  const std::string csv = writeCsv({{"name", "org"}, {"a,b", "c"}, {"", "x\ny"}});
  CHECK(csv == "\xEF\xBB\xBFname,org\r\n\"a,b\",c\r\n,\"x\ny\"\r\n");
  CHECK(writeCsv({}) == "\xEF\xBB\xBF");
}
