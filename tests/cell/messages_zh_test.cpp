// The cell stage in Chinese: verdict words, explanations, assumptions,
// the parsers' errors (their own and the grammar's), and `describe`. Each
// expectation is the catalog's sentence filled in by hand.

#include <catch2/catch.hpp>

#include <string>
#include <variant>
#include <vector>

#include "engine/base/message.hpp"
#include "engine/cell/bare_target.hpp"
#include "engine/cell/describe.hpp"
#include "engine/cell/evaluate.hpp"
#include "engine/cell/parse.hpp"

using namespace indicheck;
using Strings = std::vector<std::string>;

namespace {

Verdict judge(const std::string& target, const std::string& actual) {
  auto t = parse_target(target);
  REQUIRE(std::holds_alternative<Constraint>(t));
  auto a = parse_actual(actual);
  REQUIRE(std::holds_alternative<Actual>(a));
  return evaluate(std::get<Constraint>(t), std::get<Actual>(a));
}

ParseError target_error(const std::string& target) {
  auto t = parse_target(target);
  REQUIRE(std::holds_alternative<ParseError>(t));
  return std::get<ParseError>(t);
}

}  // namespace

TEST_CASE("verdict words: said in the run's language, to_string stays for JSON", "[cell][zh]") {
  CHECK(std::string(said(VerdictKind::pass)) == "pass");
  CHECK(std::string(said(VerdictKind::no_target)) == "no-target");
  LanguageScope zh(Language::zh);
  Strings words;
  for (VerdictKind v : kAllVerdicts) words.push_back(said(v));
  CHECK(words ==
        Strings{"达成", "未达成", "部分达成", "需人工判断", "未填报", "无法判定", "无目标值"});
  CHECK(std::string(to_string(VerdictKind::no_target)) == "no-target");
}

TEST_CASE("explanations in Chinese", "[cell][zh]") {
  LanguageScope zh(Language::zh);
  CHECK(judge("≥95%", "96%").explanation == "96% ≥ 95% 成立");
  CHECK(judge("0%", "0%").explanation == "0% = 0% 成立");
  CHECK(judge("≥95%", "93%").explanation == "93% ≥ 95% 不成立（差 2%）");
  CHECK(judge("≤5%", "7%").explanation == "7% ≤ 5% 不成立（超出 2%）");
  CHECK(judge(">95%", "95%").explanation == "95% > 95% 不成立（不含界限值本身）");
  CHECK(judge("健全", "健全").explanation == "“健全”达到目标");
  CHECK(judge("健全", "基本健全").explanation == "“基本健全”仅部分达到目标");
  CHECK(judge("=12000亩", "800公顷").explanation == "800公顷 = 12000亩；12000亩 = 12000亩 成立");
  CHECK(judge("[80%,100%]", "70%").explanation == "70% 在 [80%, 100%] 之外（低于区间）");
  CHECK(judge("2024年11月底前", "2024年12月1日").explanation ==
        "2024年12月1日晚于期限2024年11月30日");
  CHECK(judge("≤2024年11月", "2024年12月1日").explanation == "2024年12月1日晚于期限2024年11月30日");
  CHECK(target_error("≥2024年3月").message ==
        "日期前的“≥”只规定了最早日期，而时效目标需要最迟日期：请写出期限（≤2024年11月、"
        "2024年11月底前）或期间（2024年3月至2024年11月）");
  auto t = parse_target("2024年11月前");
  REQUIRE(std::holds_alternative<Constraint>(t));
  CHECK(std::get<Constraint>(t).assumptions == Strings{"“11月前”假定为该月底之前：含11月底"});
  Verdict v = judge("≥95%", "约96%");
  CHECK(v.kind == VerdictKind::manual);
  CHECK(v.explanation ==
        "约96% 约为 96%，按 [91.2%, 100.8%]（±5%）计；这样的数值有的满足 "
        "≥95%，有的不满足：需人工判断");
  CHECK(judge("≥95%", "2024年1月1日").explanation == "目标值需要以 % 计的数据，但实际值是一个日期");
}

TEST_CASE("assumptions in Chinese", "[cell][zh]") {
  LanguageScope zh(Language::zh);
  CHECK(judge("≥95%", "96").assumptions ==
        Strings{"实际值没有计量单位：假定为 96%（目标值的计量单位）"});
  CHECK(judge("≥95%", "0.96").assumptions ==
        Strings{"实际值 0.96 没有计量单位：按小数读作 96%（接近目标值 95%；按百分数读则为 "
                "0.96%）"});
  auto c = std::get<Constraint>(parse_target("95%"));
  CHECK(c.assumptions == Strings{"未写比较符：“95%”假定为“=95%”"});
  // The reading by the indicator's name replaces the parser's assumption.
  apply_bare_reading(c, {"产出指标", "质量指标", "苗木成活率"});
  CHECK(c.assumptions == Strings{"未写比较符：“95%”假定为“≥95%”（“苗木成活率”是应达到的比率）"});
  auto unclear = std::get<Constraint>(parse_target("12"));
  apply_bare_reading(unclear, {"产出指标", "其他", "某事"});
  REQUIRE(unclear.assumptions.size() == 1);
  CHECK(unclear.assumptions[0] == "未写比较符：“12”假定为“=12”（名称中看不出高低方向）");
  CHECK(std::get<QuantityConstraint>(unclear.form).bare_note == unclear.assumptions[0]);
  // A target read in English and read again in a Chinese run: its English
  // note is replaced, not left beside the Chinese one.
  Constraint english = [] {
    LanguageScope en(Language::en);
    return std::get<Constraint>(parse_target("12"));
  }();
  REQUIRE(english.assumptions == Strings{"no comparator: '12' read as '=12'"});
  apply_bare_reading(english, {"产出指标", "其他", "某事"});
  CHECK(english.assumptions == Strings{"未写比较符：“12”假定为“=12”（名称中看不出高低方向）"});
}

TEST_CASE("parse errors in Chinese, the grammar's too", "[cell][zh]") {
  LanguageScope zh(Language::zh);
  ParseError e = target_error("≥");
  CHECK(e.message == "比较符后此处应为数字（“=”后也可为等级词），实为 文本末尾");
  e = target_error("[80%，健全]");
  CHECK(e.message == "区间界限此处应为数字，实为 '健'");
  CHECK(e.column == 6);
  e = target_error("[100%,80%]");
  CHECK(e.message == "区间为空：100% 大于 80%");
  auto a = parse_actual(">96%");
  REQUIRE(std::holds_alternative<ParseError>(a));
  CHECK(std::get<ParseError>(a).message == "实际值是一个数值，不是比较：请写出达到的数据");
}

TEST_CASE("describe in Chinese", "[cell][zh]") {
  LanguageScope zh(Language::zh);
  CHECK(describe(std::get<Constraint>(parse_target("[80%,100%)"))) ==
        "类型：区间\n下限：80%（含）\n上限：100%（不含）\n计量单位：% (ratio: 1% = 0.01)\n");
  CHECK(describe(std::get<Actual>(parse_actual("2024年"))) ==
        "类型：日期\n假定：只写了年份：“2024年”假定为该年最后一天，即2024年12月31日\n");
  CHECK(std::string(kind_of(std::get<Actual>(parse_actual("2024年")))) == "date");
  CHECK(describe(judge("≥95%", "93%")) == "结论：未达成\n说明：93% ≥ 95% 不成立（差 2%）\n");
}
