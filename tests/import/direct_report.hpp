#pragma once
// `check --targets X --actuals X` given a published table X itself must print
// the report that `import X` and then `check` on the files it writes give
// (issue 16, "Done when"), but for where a published figure stands: read
// directly, at its place in X ("(X:自评表!J19)"); read from the imported text,
// at that text's line ("(X (imported):13)").

#include <catch2/catch.hpp>
#include <regex>
#include <string>
#include <vector>

#include "engine/assess/pipeline.hpp"
#include "engine/assess/recheck.hpp"
#include "engine/import/import.hpp"
#include "engine/report/render.hpp"
#include "engine/table/table.hpp"

namespace indicheck::test {

// The line of `text` that holds `part`, or "".
inline std::string line_with(const std::string& text, const std::string& part) {
  const auto at = text.find(part);
  if (at == std::string::npos) return "";
  const auto begin = text.rfind('\n', at) + 1;  // npos + 1: the first line
  return text.substr(begin, text.find('\n', at) - begin);
}

// Returns the text of the report check gives the table directly, for more
// checks. `total_place` is where the table prints its 总分 (selfeval.xls:自评表!G15),
// which the report's 总分 line must name. `quiet`: loading and importing the
// table say nothing at all, not only no error.
inline std::string check_direct_report(const std::string& path, const std::string& total_place,
                                       bool quiet = true) {
  INFO(path);
  std::vector<Diagnostic> ds;
  Pipeline direct;
  REQUIRE(direct.load({}, path, "test", ds));
  auto actuals = direct.read_actuals({path}, ds);
  REQUIRE(actuals);
  const std::string said = render_all(ds);
  INFO(said);
  CHECK_FALSE(has_errors(ds));
  if (quiet) CHECK(said.empty());
  CHECK(direct.import_summaries().size() == 1);  // imported once for both
  Report report = direct.assess(*actuals);

  std::vector<Diagnostic> import_ds;
  auto im = import_file(path, ImportOptions{}, import_ds);
  REQUIRE(im);
  auto targets = read_targets(path + " (imported)", write_targets(*im), import_ds);
  auto imported_actuals = read_actuals(path + " (imported)", write_actuals(*im), import_ds);
  REQUIRE(targets);
  REQUIRE(imported_actuals);
  {
    INFO(render_all(import_ds));
    CHECK_FALSE(has_errors(import_ds));
  }
  Report expected = judge(*targets, *imported_actuals, Period::year);
  assess_published(expected, *imported_actuals);

  // The places of published figures aside, the same report, word for word.
  const std::regex place("\\(" +
                         std::regex_replace(path, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                         "(:| \\(imported\\):)[^)]*\\)");
  const std::string shown = render_text(report);
  const std::string direct_text = std::regex_replace(shown, place, "(PLACE)");
  const std::string expected_text = std::regex_replace(render_text(expected), place, "(PLACE)");
  CHECK(direct_text == expected_text);
  CHECK(direct_text.find("(PLACE)") != std::string::npos);  // a published figure was compared
  // Every place of the direct report is in the table itself, none in the imported text.
  INFO(shown);
  CHECK(shown.find(" (imported):") == std::string::npos);
  // The published 总分 at its place in the table: "  = 总分: published …, indicheck … (PLACE)".
  const std::string total_line = line_with(shown, " 总分: published ");
  CHECK(total_line.ends_with(total_place + ")"));
  return shown;
}

}  // namespace indicheck::test
