// The one CSV cell writer: RFC 4180 quoting, and the OWASP rule against cells a
// spreadsheet would run as formulas.

#include <catch2/catch.hpp>

#include "engine/base/csv_field.hpp"

using indicheck::csv_field;

TEST_CASE("a plain field is written as it is", "[csv]") {
  CHECK(csv_field("") == "");
  CHECK(csv_field("完成项目数") == "完成项目数");
  CHECK(csv_field("≥95%") == "≥95%");
  CHECK(csv_field("a=b") == "a=b");  // only a leading = is a formula
}

TEST_CASE("commas, quotes and line breaks are quoted, quotes doubled", "[csv]") {
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("说 \"好\"") == "\"说 \"\"好\"\"\"");
  CHECK(csv_field("a\nb") == "\"a\nb\"");
  CHECK(csv_field("a\rb") == "\"a\rb\"");
}

TEST_CASE("a cell starting as a formula gets a leading apostrophe and quotes", "[csv]") {
  CHECK(csv_field("=HYPERLINK(\"http://x\",\"y\")") ==
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  CHECK(csv_field("+SUM(1,2)") == "\"'+SUM(1,2)\"");
  CHECK(csv_field("-2+3") == "\"'-2+3\"");
  CHECK(csv_field("@SUM(A1)") == "\"'@SUM(A1)\"");
  CHECK(csv_field("\t=1") == "\"'\t=1\"");
  CHECK(csv_field("\r=1") == "\"'\r=1\"");
  CHECK(csv_field("-") == "\"'-\"");
  CHECK(csv_field("-4.2% ≤ 0% holds") == "\"'-4.2% ≤ 0% holds\"");
  CHECK(csv_field("-1-1") == "\"'-1-1\"");
  CHECK(csv_field("+.%") == "\"'+.%\"");
}

TEST_CASE("a signed number is a number, not a formula, and is written as it is", "[csv]") {
  CHECK(csv_field("-4.2%") == "-4.2%");
  CHECK(csv_field("-12") == "-12");
  CHECK(csv_field("+3.5") == "+3.5");
  CHECK(csv_field("=3") == "\"'=3\"");  // = always starts a formula
}
