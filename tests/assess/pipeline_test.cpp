// The one pipeline (engine/assess/pipeline.hpp): a published self-evaluation
// scored through it gets the 预算执行率 block from its funds figures, whichever
// command runs it. tests/golden/cases/pipeline-selfeval-* pin the same total for
// check, test and diff.

#include <catch2/catch.hpp>

#include "engine/assess/pipeline.hpp"

using namespace indicheck;

namespace {

const std::string kData = std::string(INDICHECK_SOURCE_DIR) + "/tests/golden/data/pipeline/";

}  // namespace

TEST_CASE("the pipeline scores a published self-evaluation with its funds block", "[pipeline]") {
  std::vector<Diagnostic> ds;
  Pipeline pipeline;
  REQUIRE(pipeline.load({kData + "project.rules"}, "", "test", ds));
  REQUIRE(ds.empty());
  auto actuals = read_actuals_files({kData + "selfeval.tsv"}, ds);
  REQUIRE(actuals);
  Report report = pipeline.assess(*actuals);
  REQUIRE(report.period == Period::year);
  REQUIRE(report.scoring);
  // 50 + 30 + 10 for the indicators, 10 × 90/100 = 9 for the block.
  CHECK(report.scoring->points == *Number::parse_decimal("99"));
  CHECK(report.scoring->total.to_fixed(2) == "99.00");
  REQUIRE(report.scoring->execution);
  CHECK(report.scoring->execution->points == *Number::parse_decimal("9"));
  REQUIRE(report.recheck);
  CHECK(report.recheck->differences.empty());
  CHECK(report.recheck->compared == 4);
}

TEST_CASE("an explicit period wins over the actuals' 期间", "[pipeline]") {
  ActualTable none;
  CHECK(period_of(std::nullopt, none) == Period::year);
  none.period = Period::half;
  CHECK(period_of(std::nullopt, none) == Period::half);
  CHECK(period_of(Period::year, none) == Period::year);
}

TEST_CASE("the pipeline refuses to run without targets", "[pipeline]") {
  std::vector<Diagnostic> ds;
  Pipeline pipeline;
  CHECK_FALSE(pipeline.load({}, "", "indicheck check", ds));
  REQUIRE(ds.size() == 1);
  CHECK(render(ds[0]) ==
        "indicheck check:1:1: error[E9003]: give --targets, or --rules with a 目标表\n");
}
