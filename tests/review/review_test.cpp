// 绩效目标审核: the shipped review rules and a bureau's own (审核) on tables
// made to hold one instance of each defect (tests/golden/data/review/).

#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "engine/base/input_file.hpp"
#include "engine/base/output_file.hpp"
#include "engine/import/xlsx.hpp"
#include "engine/report/render_review.hpp"
#include "engine/review/review.hpp"
#include "engine/rules/load.hpp"
#include "tests/import/grid_rows.hpp"

using namespace indicheck;

namespace {

std::string source(const std::string& relative) {
  return std::string(INDICHECK_SOURCE_DIR) + "/" + relative;
}

TargetTable table(const std::string& relative) {
  std::vector<Diagnostic> ds;
  auto text = read_file(source(relative), ds);
  REQUIRE(text);
  auto t = read_targets(relative, *text, ds);
  REQUIRE(t);
  return *t;
}

TargetTable table_text(const std::string& text) {
  std::vector<Diagnostic> ds;
  auto t = read_targets("t.tsv", text, ds);
  REQUIRE(t);
  REQUIRE(ds.empty());
  return *t;
}

// "R2001@7" for each finding, in order.
std::vector<std::string> codes_at(const review::TableReview& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings) out.push_back(f.code + "@" + std::to_string(f.where.line));
  return out;
}

review::TableReview review_of(const TargetTable& t, const rules::RuleSet* rs = nullptr) {
  std::vector<Diagnostic> ds;
  return review::review_table(t, rs, ds);
}

// A rule file's text in the canonical layout (fmt); it must parse.
std::string formatted(const std::string& text) {
  rules::SourceFile file("r.rules", text);
  std::vector<Diagnostic> ds;
  auto parsed = rules::parse_rule_file(file, ds);
  REQUIRE(ds.empty());
  return rules::format_rule_file(parsed);
}

// "E3710@1:4" for each diagnostic of a rule file's text.
std::vector<std::string> lint(const std::string& text) {
  std::vector<Diagnostic> ds;
  rules::load_rules_text("r.rules", text, ds);
  std::vector<std::string> out;
  for (const auto& d : ds)
    out.push_back(std::string(id_of(d.code)) + "@" + std::to_string(d.where.line) + ":" +
                  std::to_string(d.where.column));
  return out;
}

}  // namespace

TEST_CASE("every shipped defect is found at its row, in the order of the rules", "[review]") {
  std::vector<Diagnostic> ds;
  auto text = read_file(source("tests/golden/data/review/defects.tsv"), ds);
  REQUIRE(text);
  auto t = read_targets("defects.tsv", *text, ds);
  REQUIRE(t);
  REQUIRE(ds.size() == 1);  // the repeated path (E2205): a finding, taken out
  auto r = review::review_table(*t, nullptr, ds);
  CHECK(ds.empty());
  CHECK(codes_at(r) == std::vector<std::string>{"R2001@7", "R3001@8", "R2005@9", "R3002@10",
                                                "R1004@11", "R2004@12", "R3004@13", "R2006@14",
                                                "R3006@15", "R2003@16", "R3005@17", "R2002@19",
                                                "R1005@20"});
  // Located at the target's cell, with the indicator's path.
  const auto& vague = r.findings[0];
  CHECK(vague.severity == Severity::error);
  CHECK(vague.where.column == 16);
  CHECK(vague.indicator == "产出指标 / 数量指标 / 培训人次");
  CHECK(vague.message ==
        "「数量指标」「培训人次」的指标值「有所提高」只有描述性文字，无法衡量是否完成。");
  CHECK(r.indicators == 15);
}

TEST_CASE("the categories a project table must have", "[review]") {
  auto r = review_of(table("tests/golden/data/review/defects-categories.tsv"));
  CHECK(codes_at(r) == std::vector<std::string>{"R1001@5", "R1002@7", "R1003@5"});
  CHECK(r.findings[0].message == "项目支出绩效目标表缺少一级指标「效益指标」。");
  CHECK(r.findings[2].message == "产出指标缺少二级指标时效指标、成本指标。");
  CHECK(r.findings[0].indicator.empty());
}

TEST_CASE("a table of another template is noted, not judged on categories", "[review]") {
  auto r =
      review_of(table_text("一级指标\t二级指标\t三级指标\t全年指标值\n"
                           "目标\t数量\t培训人次\t≥100人次\n"));
  CHECK(codes_at(r) == std::vector<std::string>{"R1006@2"});
  CHECK(r.findings[0].severity == Severity::note);
}

TEST_CASE("a clean table and the seed's targets have no 错误", "[review]") {
  CHECK(review_of(table("tests/golden/data/review/clean.tsv")).findings.empty());
  auto seed = review_of(table("fixtures/suzhou-zrzy-2024/targets.tsv"));
  for (const auto& f : seed.findings) CHECK(f.severity != Severity::error);
}

TEST_CASE("rates that can exceed 100% and cost ceilings are not findings", "[review]") {
  auto r =
      review_of(table_text("# 年度: 2024\n一级指标\t二级指标\t三级指标\t全年指标值\n"
                           "产出指标\t数量指标\t完成率\t≥120%\n"      // a 完成率 may exceed 100%
                           "产出指标\t质量指标\t验收合格率\t=100%\n"  // at most 100%
                           "产出指标\t时效指标\t完成时间\t2024年12月底前\n"
                           "产出指标\t成本指标\t单位成本\t≤300元\n"
                           "效益指标\t社会效益指标\t覆盖率\t[80%,100%]\n"
                           "满意度指标\t服务对象满意度指标\t满意度\t≥90%\n"));
  CHECK(codes_at(r).empty());
}

TEST_CASE("a bureau's review rules: 至少一个, 每个 and 没有 over the targets", "[review][rules]") {
  std::vector<Diagnostic> ds;
  auto rs = rules::load_rules({source("rules/review/bureau.rules")}, ds);
  REQUIRE(ds.empty());
  REQUIRE(rs->reviews.size() == 3);
  CHECK(rs->reviews[1].conditions.size() == 3);
  CHECK(rs->reviews[1].conditions[2].written == "数值 ≥ 80%");

  auto none = review_of(table("tests/golden/data/review/defects-categories.tsv"), rs.get());
  std::vector<std::string> bureau;
  for (const auto& f : none.findings)
    if (f.code.starts_with("SZ")) bureau.push_back(f.code + "@" + std::to_string(f.where.line));
  // No 成本指标 at all: one finding for the table, at its first row.
  CHECK(bureau == std::vector<std::string>{"SZ001@5"});

  auto low = review_of(table("rules/review/testdata/satisfaction.tsv"), rs.get());
  bureau.clear();
  std::vector<const review::Finding*> own;  // the bureau's, among the shipped rules' findings
  for (const auto& f : low.findings)
    if (f.code.starts_with("SZ")) {
      bureau.push_back(f.code + "@" + std::to_string(f.where.line));
      own.push_back(&f);
    }
  REQUIRE(bureau == std::vector<std::string>{"SZ002@5", "SZ002@6", "SZ003@8"});
  CHECK(own[1]->severity == Severity::warning);
  CHECK(own[1]->message == "满意度指标的目标值未以百分比表示，或低于80%");
  CHECK(own[2]->severity == Severity::note);
}

TEST_CASE("review rules are checked like every rule", "[review][rules]") {
  CHECK(lint("审核 SZ001 {\n  每个 类型 数值\n  问题 \"…\"\n}\n").empty());
  CHECK(lint("审核 R2001 {\n  每个 类型 数值\n  问题 \"…\"\n}\n") ==
        std::vector<std::string>{"E3710@1:4"});
  CHECK(lint("审核 SZ1 {\n  问题 \"…\"\n}\n") == std::vector<std::string>{"E3711@1:4"});
  CHECK(lint("审核 SZ1 {\n  没有 类型 空\n}\n") == std::vector<std::string>{"E3712@1:4"});
  CHECK(lint("审核 SZ1 {\n  没有 单位 株株\n  问题 \"…\"\n}\n") ==
        std::vector<std::string>{"E3202@2:6"});
  CHECK(lint("审核 SZ1 {\n  没有 类型 空\n  没有 类型 文字\n  问题 \"…\"\n}\n") ==
        std::vector<std::string>{"E3402@3:3"});
  CHECK(lint("审核 SZ1 {\n  每个 比较 大于\n}\n") == std::vector<std::string>{"E3706@2:9"});
}

TEST_CASE("fmt prints a review rule in the canonical layout", "[review][rules]") {
  CHECK(formatted("审核   SZ001{\n 范围  成本指标/*\n   至少一个  单位 元   且 比较 <= >=  "
                  "# 上限\n级别 警告\n问题 \"甲\"\n}\n") ==
        "审核 SZ001 {\n  范围 成本指标/*\n  至少一个 单位 元 且 比较 ≤ ≥  # 上限\n  级别 警告\n  "
        "问题 \"甲\"\n}\n");
}

TEST_CASE("the 审核意见表 workbook reads back: one row per finding under its table's head",
          "[review][xlsx]") {
  review::ReviewReport report;
  report.tables.push_back(review_of(table("tests/golden/data/review/defects-categories.tsv")));
  report.tables.push_back(review_of(table("tests/golden/data/review/clean.tsv")));
  auto dir = std::filesystem::temp_directory_path() /
             ("indicheck-review-xlsx-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto path = (dir / "审核意见表.xlsx").string();
  std::vector<Diagnostic> d;
  REQUIRE(write_output_via(
      path, [&](const std::string& tmp) { return write_review_xlsx(report, tmp); }, d));
  auto grid = read_xlsx(path, d);
  std::filesystem::remove_all(dir);
  REQUIRE(d.empty());
  REQUIRE(grid);
  REQUIRE(grid->tables.size() == 1);
  CHECK(grid->tables[0].name == "审核意见表");
  const auto rows = test::dense_rows(grid->tables[0]);
  REQUIRE(rows.size() == 19);
  CHECK(rows[0][0] == "绩效目标审核意见表");
  CHECK(rows[2][0] == "目标表");
  CHECK(rows[2][2] == "tests/golden/data/review/defects-categories.tsv");
  CHECK(rows[3][0] == "年度");
  CHECK(rows[4] == std::vector<std::string>{"项目名称", "", "农村公路养护", "", "", "", ""});
  CHECK(rows[5][2] == "2 项指标；错误 2 条，警告 1 条，提示 0 条");
  CHECK(rows[6] == std::vector<std::string>{"序号", "级别", "代码", "位置", "指标", "问题",
                                            "审核意见（建议）"});
  CHECK(rows[7] ==
        std::vector<std::string>{"1", "错误", "R1001", "5:1", "（全表）",
                                 "项目支出绩效目标表缺少一级指标「效益指标」。",
                                 "补充「效益指标」，并在其下至少设置一个可衡量的三级指标。"});
  CHECK(rows[9][2] == "R1003");
  // The clean table: its head, then a row saying nothing was found.
  CHECK(rows[11][2] == "tests/golden/data/review/clean.tsv");
  CHECK(rows[18][0] == "未发现问题。");
}

TEST_CASE("the funds block adds up, and no 成本 target exceeds the whole budget",
          "[review][budget]") {
  std::vector<Diagnostic> ds;
  auto rs = rules::load_rules({source("tests/golden/data/review/budget.rules")}, ds);
  REQUIRE(ds.empty());
  auto r = review_of(table("tests/golden/data/review/defects.tsv"), rs.get());
  std::vector<std::string> budget;
  for (const auto& f : r.findings)
    if (f.code.starts_with("R4")) budget.push_back(f.code + "@" + std::to_string(f.where.line));
  // 项目总成本 ≤120万元 against 100万元 (row 18) is the table's.
  CHECK(budget == std::vector<std::string>{"R4002@18"});
  // 80 + 15 ≠ 100 (the rule file's line 4) is the funds block's, said once
  // whatever the number of tables.
  auto funds = review::review_funds(*rs);
  REQUIRE(funds.size() == 1);
  CHECK(funds[0].file == source("tests/golden/data/review/budget.rules"));
  REQUIRE(funds[0].findings.size() == 1);
  CHECK(funds[0].findings[0].code == "R4001");
  CHECK(funds[0].findings[0].where.line == 4);
  CHECK(funds[0].findings[0].message ==
        "资金「年度资金总额」为100万元，其下各项（财政拨款、其他资金）之和为95万元，两者不等。");
  // Without the funds block there is nothing to compare with.
  for (const auto& f : review_of(table("tests/golden/data/review/defects.tsv")).findings)
    CHECK_FALSE(f.code.starts_with("R4"));
}

TEST_CASE("指标性质 against the target's comparator (R3003)", "[review]") {
  auto r = review_of(
      table_text("一级指标\t二级指标\t三级指标\t指标性质\t全年指标值\n"
                 "产出指标\t数量指标\t禁牧面积\t正向\t≥3000万亩\n"          // agrees
                 "产出指标\t数量指标\t草原围栏建设长度\t正向\t≤120公里\n"   // a ceiling for 正向
                 "产出指标\t数量指标\t补助发放次数\t正向\t=1次\n"           // 等于 is either
                 "产出指标\t成本指标\t每亩补助标准\t反向\t≤7.5元\n"         // agrees
                 "效益指标\t生态效益指标\t退化草原面积\t反向\t>5万亩\n"     // a floor for 反向
                 "满意度指标\t服务对象满意度指标\t牧民满意度\t\t≥90%\n"));  // no 指标性质
  std::vector<std::string> nature;
  for (const auto& f : r.findings)
    if (f.code == "R3003") nature.push_back(f.code + "@" + std::to_string(f.where.line));
  CHECK(nature == std::vector<std::string>{"R3003@3", "R3003@6"});
  const auto& first = *std::find_if(r.findings.begin(), r.findings.end(),
                                    [](const auto& f) { return f.code == "R3003"; });
  CHECK(first.where.column == 23);
  CHECK(first.message ==
        "指标「草原围栏建设长度」的指标性质为「正向」（越大越好），指标值「≤120公里」却是上限（≤）"
        "。");
}

TEST_CASE("a bureau's conditions over the funds block, said once for the rule files",
          "[review][rules][budget]") {
  std::vector<Diagnostic> ds;
  auto rs = rules::load_rules({source("tests/golden/data/review/funds.rules")}, ds);
  REQUIRE(ds.empty());
  REQUIRE(rs->reviews.size() == 2);
  CHECK(rs->reviews[0].quantifier == rules::ReviewRule::Quantifier::funds);
  CHECK(rs->reviews[0].conditions[1].written == "财政资金 ≤ 年度资金总额");
  CHECK(rs->reviews[1].conditions[1].written == "数值 ≤ 年度资金总额");
  // 财政资金 120万元 > 年度资金总额 100万元: SZ101 at 财政资金 (line 5), with R4001.
  auto funds = review::review_funds(*rs);
  REQUIRE(funds.size() == 1);
  std::vector<std::string> codes;
  for (const auto& f : funds[0].findings)
    codes.push_back(f.code + "@" + std::to_string(f.where.line));
  CHECK(codes == std::vector<std::string>{"R4001@4", "SZ101@5"});
  // The table's findings never hold the funds block's.
  auto r = review_of(table("tests/golden/data/review/defects.tsv"), rs.get());
  std::vector<std::string> own;
  for (const auto& f : r.findings)
    if (f.code.starts_with("SZ") || f.code == "R4001")
      own.push_back(f.code + "@" + std::to_string(f.where.line));
  // 项目总成本 ≤120万元 is over 100万元; 人均补助标准 ≥300元 is within it.
  CHECK(own == std::vector<std::string>{"SZ102@18"});
}

TEST_CASE("funds conditions are checked like every rule", "[review][rules]") {
  auto lint = [](const std::string& text) {
    std::vector<Diagnostic> ds;
    rules::load_rules_text("r.rules", text, ds);
    std::vector<std::string> out;
    for (const auto& d : ds)
      out.push_back(std::string(id_of(d.code)) + "@" + std::to_string(d.where.line));
    return out;
  };
  const std::string block = "预算 万元 {\n  资金总额  全年 100\n  其他  半年 5\n}\n";
  CHECK(lint(block + "审核 SZ1 {\n  预算 资金总额 > 0\n  问题 \"…\"\n}\n").empty());
  CHECK(lint(block + "审核 SZ1 {\n  预算 资金总额 > 50%\n  问题 \"…\"\n}\n") ==
        std::vector<std::string>{"E3714@6"});
  CHECK(lint(block + "审核 SZ1 {\n  预算 总额 > 0\n  问题 \"…\"\n}\n") ==
        std::vector<std::string>{"E3301@6"});
  CHECK(lint(block + "审核 SZ1 {\n  预算 其他 > 0\n  问题 \"…\"\n}\n") ==
        std::vector<std::string>{"E3310@6"});
  CHECK(lint(block + "审核 SZ1 {\n  预算 > 0\n  问题 \"…\"\n}\n") ==
        std::vector<std::string>{"E3713@6"});
  CHECK(lint(block + "审核 SZ1 {\n  每个 数值 ≤ 资金总额\n  问题 \"…\"\n}\n").empty());
}

TEST_CASE("the shipped rules written in the rule language load, each in the catalogue",
          "[review][rules]") {
  const rules::RuleSet& rs = review::shipped_rule_set();
  std::vector<std::string> codes;
  for (const rules::ReviewRule& r : rs.reviews) {
    codes.push_back(r.code);
    const auto& all = review::shipped_rules();
    auto it = std::find_if(all.begin(), all.end(),
                           [&](const review::ShippedRule& s) { return r.code == s.code; });
    REQUIRE(it != all.end());
    CHECK(it->severity == r.severity);
  }
  CHECK(codes == std::vector<std::string>{"R1004", "R2001", "R2002", "R2003", "R2005", "R2005",
                                          "R3003", "R3003", "R3004", "R3005"});
  // A bureau's file may not take their codes (E3710): only the built-in files do.
  std::vector<Diagnostic> ds;
  auto shipped = rules::load_shipped_rules(
      {{"s.rules", "审核 R1004 {\n  没有 类型 空\n  问题 \"{指标}\"\n}\n"}}, ds);
  CHECK(ds.empty());
  CHECK(shipped->reviews.size() == 1);
}

TEST_CASE("a review rule's wording holds placeholders, filled at each finding", "[review][rules]") {
  auto parts = rules::split_wording("指标「{指标}」{{甲}} {x");
  REQUIRE(parts.size() == 3);
  CHECK(!parts[0].placeholder);
  CHECK(parts[0].text == "指标「");
  CHECK(parts[1].placeholder);
  CHECK(parts[1].text == "指标");
  CHECK(parts[1].at == std::string("指标「").size());
  CHECK(parts[2].text == "」{甲} {x");

  std::vector<Diagnostic> ds;
  auto rs = rules::load_rules_text("r.rules",
                                   "审核 SZ1 {\n  没有 类别 成本 且 比较 ≥ >\n"
                                   "  问题 \"{路径}：{指标}「{指标值}」{比较}，{期间}\"\n"
                                   "  建议 \"改为上限\"\n}\n",
                                   ds);
  REQUIRE(ds.empty());
  auto r = review_of(table_text("一级指标\t二级指标\t三级指标\t全年指标值\n"
                                "产出指标\t成本指标\t人均补助标准\t≥300元\n"
                                "成本 指标\t经济成本\t运维成本\t>2万元\n"
                                "产出指标\t数量指标\t培训人次\t≥100人次\n"),
                     rs.get());
  std::vector<std::string> said;
  for (const auto& f : r.findings)
    if (f.code == "SZ1") said.push_back(f.message);
  CHECK(said == std::vector<std::string>{
                    "产出指标 / 成本指标 / 人均补助标准：人均补助标准「≥300元」≥，全年",
                    "成本 指标 / 经济成本 / 运维成本：运维成本「>2万元」>，全年"});
}

TEST_CASE("a wording said for the whole table writes a doubled brace once", "[review][rules]") {
  std::vector<Diagnostic> ds;
  auto rs = rules::load_rules_text(
      "r.rules", "审核 SZ1 {\n  至少一个 类别 成本\n  问题 \"没有{{成本}}指标\"\n}\n", ds);
  REQUIRE(ds.empty());
  auto r = review_of(table_text("一级指标\t二级指标\t三级指标\t全年指标值\n"
                                "产出指标\t数量指标\t培训人次\t≥100人次\n"),
                     rs.get());
  std::vector<std::string> said;
  for (const auto& f : r.findings)
    if (f.code == "SZ1") said.push_back(f.message);
  CHECK(said == std::vector<std::string>{"没有{成本}指标"});
}

TEST_CASE("a placeholder a 审核 does not know, or one with no indicator, is refused",
          "[review][rules]") {
  CHECK(lint("审核 SZ1 {\n  没有 类型 空\n  问题 \"甲 {单位}\"\n}\n") ==
        std::vector<std::string>{"E3716@3:9"});
  CHECK(lint("审核 SZ1 {\n  没有 类型 空\n  问题 \"\\\"甲\\\" {单位}\"\n}\n") ==
        std::vector<std::string>{"E3716@3:13"});
  CHECK(lint("审核 SZ1 {\n  至少一个 类型 空\n  问题 \"甲\"\n  建议 \"{指标}\"\n}\n") ==
        std::vector<std::string>{"E3717@4:7"});
  CHECK(lint("审核 SZ1 {\n  没有 类型 空\n  问题 \"{{单位}} {\"\n}\n").empty());
  CHECK(lint("审核 SZ1 {\n  没有 类别\n  问题 \"甲\"\n}\n") ==
        std::vector<std::string>{"E3715@2:8"});
}

namespace {

// The 三级指标 of `targets` (a targets TSV body, after its header) that a
// bureau's `没有 CONDITION` finds, in order.
std::vector<std::string> found_by(const std::string& condition, const std::string& targets) {
  std::vector<Diagnostic> ds;
  auto rs = rules::load_rules_text(
      "r.rules", "审核 SZ1 {\n  没有 " + condition + "\n  问题 \"{指标}\"\n}\n", ds);
  REQUIRE(ds.empty());
  auto r = review_of(table_text("一级指标\t二级指标\t三级指标\t全年指标值\n" + targets), rs.get());
  std::vector<std::string> out;
  for (const auto& f : r.findings)
    if (f.code == "SZ1") out.push_back(f.message);
  return out;
}

const std::string kRates =
    "产出指标\t质量指标\t甲\t≥105%\n"
    "产出指标\t质量指标\t乙\t>100%\n"
    "产出指标\t质量指标\t丙\t=100%\n"
    "产出指标\t质量指标\t丁\t≤105%\n"
    "产出指标\t质量指标\t戊\t101%-110%\n"
    "产出指标\t质量指标\t己\t100%-110%\n"
    "产出指标\t质量指标\t庚\t(100%,110%]\n"
    "产出指标\t数量指标\t辛\t≥105人\n"
    "产出指标\t质量指标\t壬\t按计划完成\n";

}  // namespace

TEST_CASE("要求: every value that meets the target compares so", "[review][rules]") {
  using V = std::vector<std::string>;
  CHECK(found_by("要求 > 100%", kRates) == V{"甲", "乙", "戊", "庚"});
  CHECK(found_by("要求 ≥ 100%", kRates) == V{"甲", "乙", "丙", "戊", "己", "庚"});
  CHECK(found_by("要求 ≤ 105%", kRates) == V{"丙", "丁"});
  CHECK(found_by("要求 < 105%", kRates) == V{"丙"});  // ≤105% admits 105%
  CHECK(found_by("要求 ≤ 110%", kRates) == V{"丙", "丁", "戊", "己", "庚"});
  CHECK(found_by("要求 = 100%", kRates) == V{"丙"});
  CHECK(found_by("要求 > 1人", kRates) == V{"辛"});
  CHECK(found_by("要求 > 1", kRates).empty());  // a bare number: no unit, another kind
}

TEST_CASE("conditions over the categories, the name's and the target's words, and units",
          "[review][rules]") {
  using V = std::vector<std::string>;
  const std::string t =
      "产出指标\t数量指标\t培训人次\t有所提高\n"
      "产出指标\t质量指标\t验收合格率\t较上年有所提高5%\n"
      "成本指标\t经济成本指标\t运维成本\t≥12\n"
      "效益指标\t社会效益指标\t受益人数(人)\t≥50\n"
      "效益指标\t社会效益指标\t覆盖面积（万元）\t≥50亩\n";
  CHECK(found_by("二级 数量 质量", t) == V{"培训人次", "验收合格率"});
  CHECK(found_by("一级 成本", t) == V{"运维成本"});
  CHECK(found_by("二级 成本", t).empty());  // 经济成本 is no 成本
  CHECK(found_by("类别 成本", t) == V{"运维成本"});
  CHECK(found_by("名称 含 \"率\" \"人\"", t) == V{"培训人次", "验收合格率", "受益人数(人)"});
  CHECK(found_by("名称 不含 \"率\" \"人\"", t) == V{"运维成本", "覆盖面积（万元）"});
  CHECK(found_by("指标值 含 \"有所\" 且 指标值 不含 数字", t) == V{"培训人次"});
  CHECK(found_by("指标值 含 数字", t) ==
        V{"验收合格率", "运维成本", "受益人数(人)", "覆盖面积（万元）"});
  CHECK(found_by("单位 无", t) == V{"运维成本", "受益人数(人)"});
  CHECK(found_by("名称单位 有", t) == V{"受益人数(人)", "覆盖面积（万元）"});
  CHECK(found_by("名称单位 无 且 单位 无", t) == V{"运维成本"});
}

TEST_CASE("非 negates a condition, 或 joins alternatives, parentheses group", "[review][rules]") {
  using V = std::vector<std::string>;
  const std::string t =
      "产出指标\t数量指标\t甲\t≥1人\n"
      "产出指标\t时效指标\t乙\t按时\n"
      "产出指标\t质量指标\t丙率\t≥90%\n"
      "效益指标\t社会效益指标\t丁\t显著\n"
      "产出指标\t数量指标\t戊\t**\n";  // a placeholder meets no condition
  CHECK(found_by("非 二级 数量", t) == V{"乙", "丙率", "丁"});
  CHECK(found_by("二级 时效 或 类型 数值 且 单位 %", t) == V{"乙", "丙率"});
  CHECK(found_by("（二级 时效 或 类型 数值） 且 单位 人", t) == V{"甲"});
  CHECK(found_by("非 （二级 数量 时效 或 二级 质量 且 名称 含 \"率\"）", t) == V{"丁"});
  CHECK(found_by("(类型 文字 或 (二级 数量))", t) == V{"甲", "乙", "丁"});
}

namespace {

// The diagnostics of a 审核 whose test line is `line`.
std::vector<std::string> lint_test_line(const std::string& line) {
  return lint("审核 SZ1 {\n  " + line + "\n  问题 \"…\"\n}\n");
}

}  // namespace

TEST_CASE("the new conditions are checked and printed like every rule", "[review][rules]") {
  using V = std::vector<std::string>;
  CHECK(lint_test_line("没有 名称 有 \"率\"") == V{"E3719@2:9"});
  CHECK(lint_test_line("没有 指标值 含 \"\"") == V{"E3720@2:12"});
  CHECK(lint_test_line("没有 名称单位 人") == V{"E3721@2:11"});
  CHECK(lint_test_line("没有 二级 且 类型 数值") == V{"E3715@2:9"});
  CHECK(lint_test_line("没有 非 满意") == V{"E3704@2:8"});
  CHECK(lint_test_line("没有 （类型 数值") == V{"E3105@2:12"});
  CHECK(lint_test_line("没有 要求 > 5株株") == V{"E3202@2:6"});
  CHECK(lint_test_line("没有 " + std::string(33, '(') + "类型 数值" + std::string(33, ')')) ==
        V{"E3101@2:37"});
  CHECK(
      lint("预算 万元 {\n  资金总额  全年 100\n}\n审核 SZ1 {\n  范围 成本指标/*\n  预算 资金总额 > "
           "0\n  问题 \"…\"\n}\n") == V{"E3722@5:3"});

  CHECK(formatted("审核 SZ1 {\n  每个 类型 数值   或 类型 区间 且 非 非 (二级  数量 或 一级 "
                  "「成本」)  且 名称 含 \"a\\\"b\" 数字\n  问题 \"{名称单位}{二级}\"\n}\n") ==
        "审核 SZ1 {\n  每个 类型 数值 或 类型 区间 且 （二级 数量 或 一级 成本） 且 名称 含 "
        "\"a\\\"b\" 数字\n  问题 \"{名称单位}{二级}\"\n}\n");
}

TEST_CASE("placeholders for the categories and the unit in the name", "[review][rules]") {
  std::vector<Diagnostic> ds;
  auto rs = rules::load_rules_text(
      "r.rules", "审核 SZ1 {\n  没有 单位 无\n  问题 \"{一级}/{二级}：{名称单位}\"\n}\n", ds);
  REQUIRE(ds.empty());
  auto r = review_of(table_text("一级指标\t二级指标\t三级指标\t全年指标值\n"
                                "产出指标\t数量指标\t受益人数（人）\t≥50\n"
                                "产出 指标\t数量\t站点\t≥5\n"),
                     rs.get());
  std::vector<std::string> said;
  for (const auto& f : r.findings)
    if (f.code == "SZ1") said.push_back(f.message);
  CHECK(said == std::vector<std::string>{"产出/数量：人", "产出/数量："});
}
