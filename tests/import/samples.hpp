#pragma once
// The real-shaped samples of tests/import/data: one self-evaluation (a county
// water bureau's 农村供水保障工程, our own rows in the seed's shape) published in
// each format. Every format's test imports its sample and checks every
// indicator against the one table below.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/cell/describe.hpp"
#include "engine/cell/parse.hpp"
#include "engine/import/import.hpp"

namespace indicheck::test {

// The table's head (项目名称 …), key and value, in order.
inline std::vector<std::pair<std::string, std::string>> metadata(const Import& im) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const MetadataItem& m : im.metadata) out.emplace_back(m.key, m.value);
  return out;
}

// The funds block's figures in one line, each named, "" when not given:
// "budget 300; executed 285; weight 10; score 9.5; rate 95%; members: 当年财政拨款 260 247, …".
inline std::string funds_text(const Import::Funds& f) {
  std::string out = "budget " + f.budget + "; executed " + f.executed + "; weight " + f.weight +
                    "; score " + f.score + "; rate " + f.rate + "; members:";
  for (std::size_t k = 0; k < f.members.size(); ++k)
    out += (k ? ", " : " ") + f.members[k].name + " " + f.members[k].budget + " " +
           f.members[k].executed;
  return out;
}

inline Import import_sample(const std::string& name,
                            ImportFormat format = ImportFormat::auto_detect) {
  std::vector<Diagnostic> ds;
  ImportOptions options;
  options.format = format;
  auto im =
      import_file(std::string(INDICHECK_SOURCE_DIR) + "/tests/import/data/" + name, options, ds);
  INFO(render_all(ds));
  REQUIRE(im);
  CHECK_FALSE(has_errors(ds));
  return *im;
}

struct SampleIndicator {
  std::string level1, level2, name, target, actual, weight, score, reason;
  // The target as check reads it (indicheck parse, its lines joined by "; "),
  // when given: "kind: quantity; op: >=; value: 1200; unit: 人 (a count of 人)".
  std::string constraint = "";
};

// The target as check reads it: indicheck parse's lines joined by "; ", or
// the parser's message.
inline std::string constraint_of(const std::string& target) {
  auto parsed = parse_target(target);
  if (auto* error = std::get_if<ParseError>(&parsed)) return "error: " + error->message;
  std::string out = describe(std::get<Constraint>(parsed));
  while (!out.empty() && out.back() == '\n') out.pop_back();
  for (auto at = out.find('\n'); at != std::string::npos; at = out.find('\n', at))
    out.replace(at, 1, "; ");
  return out;
}

// Every named indicator of `im`, in order, against `expected`: its path,
// target as written and as a constraint (every target must read as one; the
// constraint is compared when given), actual, weight, score and (unless
// `with_reason` is false) 偏差原因.
inline void check_indicators(const Import& im, const std::vector<SampleIndicator>& expected,
                             bool with_reason = true) {
  std::vector<const ImportedIndicator*> named;
  for (const ImportedIndicator& i : im.indicators)
    if (!i.name.empty()) named.push_back(&i);
  REQUIRE(named.size() == expected.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    INFO("indicator " << k + 1 << ": " << expected[k].name);
    CHECK(named[k]->level1 == expected[k].level1);
    CHECK(named[k]->level2 == expected[k].level2);
    CHECK(named[k]->name == expected[k].name);
    CHECK(named[k]->year_target == expected[k].target);
    const std::string constraint = constraint_of(named[k]->year_target);
    // A target check cannot read is expected by its message, never by accident.
    if (!expected[k].constraint.starts_with("error: "))
      CHECK_FALSE(constraint.starts_with("error: "));
    if (!expected[k].constraint.empty()) CHECK(constraint == expected[k].constraint);
    CHECK(named[k]->actual == expected[k].actual);
    CHECK(named[k]->weight == expected[k].weight);
    CHECK(named[k]->score == expected[k].score);
    if (with_reason) CHECK(named[k]->reason == expected[k].reason);
  }
}

inline const std::vector<SampleIndicator>& sample_indicators() {
  static const std::vector<SampleIndicator> rows = {
      {"产出指标", "数量指标", "新建供水管网长度", "≥120公里", "126公里", "20", "20", "",
       "kind: quantity; op: >=; value: 120; unit: 公里 (length: 1公里 = 1000米)"},
      {"产出指标", "数量指标", "改造水厂数量", "=4座", "4座", "15", "15", "",
       "kind: quantity; op: =; value: 4; unit: 座 (a count of 座)"},
      {"产出指标", "质量指标", "水质检测合格率", "≥95%", "97%", "15", "15", "",
       "kind: quantity; op: >=; value: 95; unit: % (ratio: 1% = 0.01)"},
      {"效益指标", "社会效益", "受益人口", "≥3.5万人", "3.2万人", "20", "18.29",
       "部分村庄管网接入推迟",
       "kind: quantity; op: >=; value: 3.5; unit: 万人 (a count of 人: 1万人 = 10000人)"},
      {"效益指标", "社会效益", "供水保证率", "≥95%", "96%", "10", "10", "",
       "kind: quantity; op: >=; value: 95; unit: % (ratio: 1% = 0.01)"},
      {"满意度指标", "服务对象满意度", "受益群众满意度", "≥90%", "92%", "10", "10", "",
       "kind: quantity; op: >=; value: 90; unit: % (ratio: 1% = 0.01)"},
  };
  return rows;
}

// Every indicator of the sample, in order, with its target (as written and as
// the constraint check reads), actual, weight and score; the published 总分;
// and the table's head: the unit, the year, the 项目名称 and the funds block
// with its 其中 lines.
inline void check_sample_indicators(const Import& im) {
  // The formats keep the reason's line breaks as each shows them (HTML a
  // <br>, PDF a wrapped line): checked in each format's test, not here.
  check_indicators(im, sample_indicators(), false);
  CHECK(im.total_score == "97.79");
  CHECK(im.unit_name == "某县水利局");
  CHECK(im.year == "2024");
  CHECK(metadata(im) ==
        std::vector<std::pair<std::string, std::string>>{{"项目名称", "农村供水保障工程"}});
  CHECK(im.budget_unit == "万元");
  REQUIRE(im.funds);
  CHECK(funds_text(*im.funds) ==
        "budget 300; executed 285; weight 10; score 9.5; rate 95%; members: 当年财政拨款 260 247, "
        "其他资金 40 38");
}

}  // namespace indicheck::test
