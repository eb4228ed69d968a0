// The rule stage in Chinese (--lang zh): the checker's diagnostics, the
// evaluator's explanations and the notes of a judgement come from the
// catalog (engine/base/catalog/zh_CN/rules.po); the English stays as it was.

#include <catch2/catch.hpp>

#include "engine/base/message.hpp"
#include "engine/rules/load.hpp"

using namespace indicheck;
using namespace indicheck::rules;

TEST_CASE("rules in Chinese: an unknown name with its nearest known name", "[rules][zh]") {
  LanguageScope zh(Language::zh);
  std::vector<Diagnostic> ds;
  load_rules_text("t.rules",
                  "上报 执行数 万元\n上报 年初预算数 万元\n定义 率 = 执行数 / 年初预算\n"
                  "定义 差 = 甲乙丙丁戊\n",
                  ds);
  REQUIRE(ds.size() == 2);
  // Definitions are checked in the order of their names (差 before 率).
  CHECK(ds[0].message == "未知名称“甲乙丙丁戊”");
  CHECK(ds[1].message == "未知名称“年初预算”；是不是“年初预算数”？");
}

TEST_CASE("rules in Chinese: kinds that do not add up", "[rules][zh]") {
  LanguageScope zh(Language::zh);
  std::vector<Diagnostic> ds;
  auto rs = load_rules_text(
      "t.rules",
      "上报 执行数 万元\n上报 面积 亩\n定义 x = 执行数 + 面积\n定义 单价 = 执行数 / 面积\n", ds);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message == "不能把面积加到金额上");
  CHECK(rs->derived.at("单价").dimension.describe() == "每面积的金额");
}

TEST_CASE("rules in Chinese: a function given the wrong number of values", "[rules][zh]") {
  LanguageScope zh(Language::zh);
  std::vector<Diagnostic> ds;
  load_rules_text("t.rules", "上报 甲 万元\n定义 x = 较大(甲)\n定义 y = 平均(甲)\n", ds);
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].message == "较大 需要 2 个值，而不是 1 个");
  CHECK(ds[1].message == "未知函数“平均”；可用的函数为 合计, 绝对值, 较大, 较小");
}

TEST_CASE("rules in Chinese: the same messages stay English without a language", "[rules][zh]") {
  std::vector<Diagnostic> ds;
  load_rules_text("t.rules",
                  "上报 执行数 万元\n上报 年初预算数 万元\n定义 率 = 执行数 / 年初预算\n", ds);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message == "unknown name '年初预算'; did you mean '年初预算数'?");
}
