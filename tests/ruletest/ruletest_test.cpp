// Tests of the rule-test runner itself (engine/ruletest/ruletest.hpp, engine/ruletest/diff.hpp):
// parsing test files and their errors, running a passing and a failing case,
// golden update, coverage, and the diff of two rule-set versions.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "engine/base/message.hpp"
#include "engine/ruletest/diff.hpp"
#include "engine/ruletest/ruletest.hpp"

using namespace indicheck;
using namespace indicheck::ruletest;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system's temporary directory, removed afterwards.
struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device rd;
    path = fs::temp_directory_path() / ("indicheck-rule-test-" + std::to_string(rd()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

const char* const kTargets =
    "# 单位: 测试单位\n"
    "# 年度: 2024\n"
    "一级指标\t二级指标\t重点工作\t三级指标\t半年指标值\t全年指标值\n"
    "过程\t预算执行\t\t预算执行率\t≥50%\t≥90%\n"
    "产出指标\t数量指标\t\t任务\t完成\t完成\n";

const char* const kRules =
    "目标表 \"t.tsv\"\n"
    "上报 执行数 万元\n"
    "定义 率 = 执行数 / 100万元\n"
    "核对 执行数 ≤ 100万元 {\n"
    "  说明 \"不超预算\"\n"
    "}\n"
    "指标 预算执行率 {\n"
    "  实际值 = 率\n"
    "  容差 ±0.5%\n"
    "}\n"
    "量表 完成情况 {\n"
    "  达成 完成\n"
    "  部分达成 基本完成\n"
    "  未达成 未完成\n"
    "}\n";

const char* const kTests =
    "规则 \"r.rules\"\n"
    "期间 全年\n"
    "用例 达标 {\n"
    "  执行数 = 95万元\n"
    "  任务 = 完成\n"
    "  预期 预算执行率 pass\n"
    "  预期 核对 \"执行数 ≤ 100万元\" pass\n"
    "  预期 任务 达成\n"
    "}\n"
    "用例 容差边上 {\n"
    "  执行数 = 89.5万元\n"
    "  任务 = 基本完成\n"
    "  预期 预算执行率 pass\n"
    "  预期 任务 partial\n"
    "}\n";

RunResult run_dir(const TempDir& d, RunOptions o = {}) {
  std::vector<Diagnostic> ds;
  std::vector<TestFile> files;
  const Reach reach = Reach::around({d.path.string()});
  for (const auto& f : discover({d.path.string()}, ds, reach)) {
    std::ifstream in(f, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    files.push_back(parse_test_file(f, text, ds, reach));
  }
  REQUIRE(render_all(ds) == "");
  // The cases point into `files`: keep them alive for the caller's checks.
  static std::vector<std::vector<TestFile>> keep;
  keep.push_back(std::move(files));
  return run_tests(keep.back(), o);
}

}  // namespace

TEST_CASE("a test file parses into cases with their expectations", "[rule_test]") {
  std::vector<Diagnostic> ds;
  TestFile f = parse_test_file("dir/x.test",
                               "规则 \"a.rules\" \"b.rules\"\n"
                               "目标表 \"../t.tsv\"\n"
                               "用例 一 {\n"
                               "  期间 半年\n"
                               "  实际 \"data/a.tsv\"\n"
                               "  计划制定/「规划(测绘)」 = 健全   # a comment\n"
                               "  说明文字 = \"有#号\"\n"
                               "  预期 计划制定/「规划(测绘)」 部分达成\n"
                               "  预期 核对 b.rules:12 fail\n"
                               "  预期 上报 执行数 错误 \"money\"\n"
                               "  预期 诊断 警告 a.rules:3 \"matches no\"\n"
                               "  预期 得分 预算执行率 9.85\n"
                               "  预期 总分 85.5\n"
                               "  预期 等级 良\n"
                               "  报告 \"golden/one.txt\"\n"
                               "}\n",
                               ds, Reach::anywhere());
  REQUIRE(render_all(ds) == "");
  REQUIRE(f.cases.size() == 1);
  const Case& c = f.cases[0];
  CHECK(c.name == "一");
  CHECK(c.rules == std::vector<std::string>{"dir/a.rules", "dir/b.rules"});
  CHECK(c.targets == "t.tsv");
  CHECK(c.period == Period::half);
  CHECK(c.actuals == std::vector<std::string>{"dir/data/a.tsv"});
  REQUIRE(c.rows.size() == 2);
  CHECK(c.rows[0].key == "计划制定/规划(测绘)");
  CHECK(c.rows[0].value == "健全");
  CHECK(c.rows[0].value_at.line == 6);
  CHECK(c.rows[0].value_at.column == 19);
  CHECK(c.rows[1].value == "有#号");
  REQUIRE(c.expectations.size() == 7);
  CHECK(c.expectations[0].subject == "计划制定/规划(测绘)");
  CHECK(c.expectations[0].verdict == VerdictKind::partial);
  CHECK(c.expectations[1].kind == Expectation::Kind::check);
  CHECK(c.expectations[1].place_file == "dir/b.rules");
  CHECK(c.expectations[1].place_line == 12);
  CHECK(c.expectations[1].verdict == VerdictKind::fail);
  CHECK(c.expectations[2].figure_problem);
  CHECK(c.expectations[2].text == "money");
  CHECK(c.expectations[3].severity == Severity::warning);
  CHECK(c.expectations[3].text == "matches no");
  CHECK(c.expectations[4].number == "9.85");
  CHECK(c.expectations[5].number == "85.5");
  CHECK(c.expectations[6].grade == "良");
  CHECK(c.golden == "dir/golden/one.txt");
}

TEST_CASE("a verdict is read as a Chinese report prints it, and in the short forms",
          "[rule_test]") {
  const std::pair<const char*, VerdictKind> words[] = {
      {"达成", VerdictKind::pass},        {"未达成", VerdictKind::fail},
      {"部分达成", VerdictKind::partial}, {"需人工判断", VerdictKind::manual},
      {"人工", VerdictKind::manual},      {"未填报", VerdictKind::missing},
      {"未报", VerdictKind::missing},     {"无法判定", VerdictKind::error},
      {"错误", VerdictKind::error},       {"无目标值", VerdictKind::no_target},
      {"无目标", VerdictKind::no_target}, {"no-target", VerdictKind::no_target}};
  for (const auto& [word, kind] : words) {
    std::vector<Diagnostic> ds;
    TestFile f = parse_test_file(
        "x.test", std::string("规则 \"a.rules\"\n用例 一 {\n  预期 预算执行率 ") + word + "\n}\n",
        ds, Reach::anywhere());
    INFO(word);
    REQUIRE(render_all(ds) == "");
    REQUIRE(f.cases.size() == 1);
    REQUIRE(f.cases[0].expectations.size() == 1);
    CHECK(f.cases[0].expectations[0].verdict == kind);
  }
}

TEST_CASE("every error of a broken test file is reported, located", "[rule_test]") {
  std::vector<Diagnostic> ds;
  parse_test_file("bad.test",
                  "用例 一 {\n"
                  "  预期 预算执行率 good\n"
                  "  预期 等级 甲\n"
                  "}\n"
                  "预期 预算执行率 pass\n"
                  "}\n"
                  "用例 二 {\n"
                  "  实际 data.tsv\n",
                  ds, Reach::anywhere());
  CHECK(render_all(ds) ==
        "bad.test:2:12: error[E6108]: expected a verdict: pass, fail, partial, manual, missing, "
        "error, "
        "no-target (or as a Chinese report prints them: 达成, 未达成, 部分达成, 需人工判断, "
        "未填报, 无法判定, 无目标值); found 'g'\n"
        "    预期 预算执行率 good\n"
        "                    ^\n"
        "bad.test:3:9: error[E6115]: expected 优, 良, 中 or 差; found '甲'\n"
        "    预期 等级 甲\n"
        "              ^\n"
        "bad.test:1:1: error[E6210]: the case '一' names no rule files: write 规则 \"….rules\" in "
        "the "
        "case or at the top of the file\n"
        "  用例 一 {\n"
        "  ^\n"
        "bad.test:1:1: error[E6211]: the case '一' expects nothing: add 预期 lines or a 报告 "
        "\"….txt\"\n"
        "  用例 一 {\n"
        "  ^\n"
        "bad.test:5:1: error[E6207]: this belongs inside a case: 用例 名称 { … }\n"
        "  预期 预算执行率 pass\n"
        "  ^\n"
        "bad.test:6:1: error[E6203]: '}' without a case to close\n"
        "  }\n"
        "  ^\n"
        "bad.test:8:6: error[E6102]: expected a text in double quotes \"…\"; found 'd'\n"
        "    实际 data.tsv\n"
        "         ^\n"
        "bad.test:8:14: error[E6212]: the file ends inside the case '二' (line 7): expected '}'\n"
        "    实际 data.tsv\n"
        "                 ^\n"
        "bad.test:7:1: error[E6210]: the case '二' names no rule files: write 规则 \"….rules\" in "
        "the "
        "case or at the top of the file\n"
        "  用例 二 {\n"
        "  ^\n"
        "bad.test:7:1: error[E6211]: the case '二' expects nothing: add 预期 lines or a 报告 "
        "\"….txt\"\n"
        "  用例 二 {\n"
        "  ^\n");
}

TEST_CASE("a diagnostic or a figure's problem is expected by its code", "[rule_test]") {
  std::vector<Diagnostic> ds;
  TestFile f = parse_test_file("x.test",
                               "规则 \"a.rules\"\n"
                               "用例 一 {\n"
                               "  预期 诊断 错误 a.rules:3 E3301\n"
                               "  预期 诊断 警告 W3416\n"
                               "  预期 上报 执行数 错误 E4202\n"
                               "  预期 诊断 错误 E0042\n"
                               "  预期 诊断 错误 3301\n"
                               "}\n",
                               ds, Reach::anywhere());
  REQUIRE(f.cases.size() == 1);
  const Case& c = f.cases[0];
  REQUIRE(c.expectations.size() == 3);
  CHECK(c.expectations[0].code == Code::rules_unknown_name);
  CHECK(c.expectations[0].place_line == 3);
  CHECK(c.expectations[0].text.empty());
  CHECK(c.expectations[1].code == Code::rules_matches_nothing);
  CHECK(c.expectations[1].severity == Severity::warning);
  CHECK(c.expectations[2].kind == Expectation::Kind::figure);
  CHECK(c.expectations[2].code == Code::figure_kind_mismatch);
  CHECK(render_all(ds) ==
        "x.test:6:12: error[E6213]: 'E0042' is not a diagnostic code (docs/diagnostics.md lists "
        "them)\n"
        "    预期 诊断 错误 E0042\n"
        "                   ^\n"
        "x.test:7:12: error[E6121]: expected a diagnostic code (E3301) or a text in double quotes "
        "\"…\"; found '3'\n"
        "    预期 诊断 错误 3301\n"
        "                   ^\n");
}

TEST_CASE("a written number agrees with a value at its own precision", "[rule_test]") {
  CHECK(agrees_at_written_precision("9.85", "9.8502"));
  CHECK(agrees_at_written_precision("9.85", "9.845"));  // 四舍五入
  CHECK_FALSE(agrees_at_written_precision("9.85", "9.8449"));
  CHECK(agrees_at_written_precision("100", "99.5"));
  CHECK_FALSE(agrees_at_written_precision("100.0", "99.5"));
  CHECK(agrees_at_written_precision("-4.2", "-4.2"));
  CHECK_FALSE(agrees_at_written_precision("4.2", "-4.2"));
}

TEST_CASE("golden paths are written relative to the test file", "[rule_test]") {
  CHECK(relative_to("targets: fixtures/a/t.tsv, rules/x.rules:3", "rules",
                    {"fixtures/a/t.tsv", "rules/x.rules"}) ==
        "targets: ../fixtures/a/t.tsv, x.rules:3");
  CHECK(line_diff("a\nb\nc\n", "a\nB\nc\n") == "   a\n  -b\n  +B\n   c\n");
}

TEST_CASE("a passing suite, then a failing case with expected and actual", "[rule_test]") {
  TempDir d;
  d.write("t.tsv", kTargets);
  d.write("r.rules", kRules);
  d.write("r.test", kTests);
  RunResult r = run_dir(d);
  CHECK(render_all(r.diagnostics) == "");
  CHECK(r.passed == 2);
  CHECK(r.failed == 0);
  CHECK_FALSE(r.broken);

  // One band moved: 基本完成 is now 未达成, so the second case fails and says why.
  std::string moved = kRules;
  moved.replace(moved.find("  部分达成 基本完成\n  未达成 未完成"),
                std::string("  部分达成 基本完成\n  未达成 未完成").size(),
                "  部分达成 大体完成\n  未达成 未完成 基本完成");
  d.write("r.rules", moved);
  r = run_dir(d);
  CHECK(r.passed == 1);
  CHECK(r.failed == 1);
  REQUIRE(r.cases.size() == 2);
  REQUIRE(r.cases[1].failures.size() == 1);
  const Failure& f = r.cases[1].failures[0];
  CHECK(f.where.line == 14);
  CHECK(f.where.column == 3);
  CHECK(f.message ==
        "任务: expected partial, got fail ('基本完成' is in the 未达成 band of '完成情况')");
}

TEST_CASE("a rule file that must be rejected, and one that is broken", "[rule_test]") {
  TempDir d;
  d.write("t.tsv", kTargets);
  d.write("bad.rules", "目标表 \"t.tsv\"\n定义 甲 = 乙 + 1\n");
  d.write("r.test",
          "规则 \"bad.rules\"\n"
          "用例 拒绝未知名称 {\n"
          "  预期 诊断 错误 bad.rules:2 \"unknown name\"\n"
          "}\n");
  RunResult r = run_dir(d);
  CHECK(r.passed == 1);
  CHECK_FALSE(r.broken);

  // By code: the same diagnostic, however its message is worded.
  d.write("r.test",
          "规则 \"bad.rules\"\n"
          "用例 拒绝未知名称 {\n"
          "  预期 诊断 错误 bad.rules:2 E3301\n"
          "}\n");
  r = run_dir(d);
  CHECK(r.passed == 1);
  CHECK_FALSE(r.broken);

  // Another code is another diagnostic: the case fails and says what came.
  d.write("r.test",
          "规则 \"bad.rules\"\n"
          "用例 拒绝未知名称 {\n"
          "  预期 诊断 错误 E3302\n"
          "}\n");
  r = run_dir(d);
  CHECK(r.failed == 1);
  REQUIRE(r.cases.size() == 1);
  REQUIRE(r.cases[0].failures.size() == 2);
  CHECK(r.cases[0].failures[0].message ==
        "unexpected diagnostic: " + (d.path / "bad.rules").string() +
            ":2:8: error[E3301]: unknown name '乙'");
  CHECK(r.cases[0].failures[1].message == "expected error E3302, got \n    " +
                                              (d.path / "bad.rules").string() +
                                              ":2:8: error[E3301]: unknown name '乙'");

  // Without the expectation the rules are broken: the run cannot go on (exit 2).
  d.write("r.test",
          "规则 \"bad.rules\"\n"
          "用例 未预期 {\n"
          "  预期 预算执行率 pass\n"
          "}\n");
  r = run_dir(d);
  CHECK(r.failed == 1);
  CHECK(r.broken);
  REQUIRE_FALSE(r.diagnostics.empty());
  CHECK(r.diagnostics[0].where.line == 2);
}

TEST_CASE("indicheck test --update writes the golden report; a change then fails with a diff",
          "[rule_test]") {
  TempDir d;
  d.write("t.tsv", kTargets);
  d.write("r.rules", kRules);
  d.write("r.test",
          "规则 \"r.rules\"\n"
          "用例 报告 {\n"
          "  期间 全年\n"
          "  执行数 = 95万元\n"
          "  任务 = 完成\n"
          "  报告 \"golden/r.txt\"\n"
          "}\n");
  fs::create_directories(d.path / "golden");
  RunResult r = run_dir(d);
  CHECK(r.failed == 1);  // no golden file yet
  RunOptions update;
  update.update = true;
  r = run_dir(d, update);
  CHECK(r.passed == 1);
  REQUIRE(r.cases[0].golden_written);
  CHECK(r.cases[0].golden_diff == "  (new file)\n");
  std::ifstream in(d.path / "golden/r.txt");
  std::string golden((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(golden.find("targets: t.tsv") != std::string::npos);  // relative to the test file
  CHECK(golden.find(d.path.string()) == std::string::npos);
  r = run_dir(d);
  CHECK(r.passed == 1);

  d.write("r.test",
          "规则 \"r.rules\"\n"
          "用例 报告 {\n"
          "  期间 全年\n"
          "  执行数 = 85万元\n"
          "  任务 = 完成\n"
          "  报告 \"golden/r.txt\"\n"
          "}\n");
  r = run_dir(d);
  CHECK(r.failed == 1);
  CHECK(r.cases[0].golden_diff.find("-") != std::string::npos);
  CHECK(r.cases[0].golden_diff.find("+") != std::string::npos);
}

TEST_CASE("coverage counts rules, definitions, check outcomes and scale bands", "[rule_test]") {
  TempDir d;
  d.write("t.tsv", kTargets);
  d.write("r.rules", kRules);
  d.write("r.test", kTests);
  RunOptions o;
  o.coverage = true;
  RunResult r = run_dir(d, o);
  // 指标 预算执行率, 定义 率, 核对 (ran, holds, fails), 量表 bands ×3 = 8 items;
  // reached: all but "fails" and the 未达成 band.
  CHECK(r.coverage.total == 8);
  CHECK(r.coverage.reached == 6);
  REQUIRE(r.coverage.files.size() == 1);
  REQUIRE(r.coverage.files[0].missed.size() == 2);
  CHECK(r.coverage.files[0].missed[0].line == 4);
  CHECK(r.coverage.files[0].missed[0].what == "核对 执行数 ≤ 100万元: fails");
  CHECK(r.coverage.files[0].missed[1].line == 11);
  CHECK(r.coverage.files[0].missed[1].what == "量表 完成情况: 未达成");
}

TEST_CASE("diff lists exactly what moves between two rule-set versions", "[rule_test]") {
  TempDir d;
  d.write("t.tsv", kTargets);
  std::string old_rules = d.write("old.rules", kRules);
  std::string changed = kRules;
  changed.replace(changed.find("±0.5%"), std::string("±0.5%").size(), "±2%");
  std::string new_rules = d.write("new.rules", changed);
  std::string actuals =
      d.write("a.tsv", "# 期间: 全年\n指标\t实际值\t偏差原因\n执行数\t88.5万元\t\n任务\t完成\t\n");
  DiffInput in;
  in.old_rules = {old_rules};
  in.new_rules = {new_rules};
  in.data_sets = {{actuals}};
  DiffResult r = diff_rule_sets(in);
  CHECK(render_all(r.diagnostics) == "");
  REQUIRE(r.changes.size() == 1);
  CHECK(r.changes[0].name == "过程 / 预算执行 / 预算执行率");
  CHECK(r.changes[0].old_verdict == "fail");
  CHECK(r.changes[0].new_verdict == "pass");
  CHECK(r.unchanged == 2);  // 任务 and the 核对
  REQUIRE(r.data_sets.size() == 1);
  CHECK(r.data_sets[0].old_totals.tally.count(VerdictKind::fail) == 1);
  CHECK(r.data_sets[0].new_totals.tally.count(VerdictKind::fail) == 0);

  // The same version twice: nothing moves.
  in.new_rules = {old_rules};
  r = diff_rule_sets(in);
  CHECK(r.changes.empty());
  CHECK(r.unchanged == 3);
}

TEST_CASE("a failing case says why in Chinese; a golden report keeps its own language",
          "[rule_test][message]") {
  TempDir d;
  d.write("t.tsv", kTargets);
  std::string moved = kRules;
  moved.replace(moved.find("  部分达成 基本完成\n  未达成 未完成"),
                std::string("  部分达成 基本完成\n  未达成 未完成").size(),
                "  部分达成 大体完成\n  未达成 未完成 基本完成");
  d.write("r.rules", moved);
  d.write("r.test", kTests);
  {
    LanguageScope zh(Language::zh);
    RunResult r = run_dir(d);
    REQUIRE(r.cases.size() == 2);
    REQUIRE(r.cases[1].failures.size() == 1);
    // The band's own explanation is the cell stage's; the frame is ours.
    CHECK(r.cases[1].failures[0].message.starts_with("任务：预期部分达成，实际为未达成（"));

    std::vector<Diagnostic> ds;
    parse_test_file("bad.test", "期间 全年\n期间 半年\n用例 一 {\n", ds, Reach::anywhere());
    REQUIRE(ds.size() == 4);
    CHECK(ds[0].message == "两次给出 期间");
    CHECK(ds[1].message == "文件在测试用例“一”（第 3 行）内结束：此处应为“}”");
    CHECK(ds[2].message == "测试用例“一”没有指定规则文件：请在用例中或文件开头写 规则 \"….rules\"");
    CHECK(ds[3].message == "测试用例“一”没有任何预期：请添加 预期 行或 报告 \"….txt\"");
  }

  d.write("r.rules", kRules);
  d.write("g.test",
          "规则 \"r.rules\"\n"
          "用例 报告 {\n"
          "  期间 全年\n"
          "  执行数 = 95万元\n"
          "  任务 = 完成\n"
          "  报告 \"g.txt\"\n"
          "}\n");
  RunOptions update;
  update.update = true;
  run_dir(d, update);
  auto golden_text = [&] {
    std::ifstream in(d.path / "g.txt");
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  const std::string english = golden_text();
  REQUIRE(english.starts_with("indicheck check: "));
  {
    // An English golden is compared and updated in English in a Chinese run.
    LanguageScope zh(Language::zh);
    run_dir(d, update);
    CHECK(golden_text() == english);
    CHECK(run_dir(d).failed == 0);
  }
  // A new golden is written in the run's language (docs/rule-tests.md), and
  // passes in a run of either language.
  fs::remove(d.path / "g.txt");
  {
    LanguageScope zh(Language::zh);
    run_dir(d, update);
    CHECK(run_dir(d).failed == 0);
  }
  const std::string written_in_chinese = golden_text();
  CHECK(written_in_chinese.starts_with("indicheck 核查："));
  CHECK(run_dir(d).failed == 0);
}
