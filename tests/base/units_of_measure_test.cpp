#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/base/number.hpp"
#include "engine/base/unit.hpp"
#include "engine/cell/constraint.hpp"

using indicheck::describe_dimension;
using indicheck::no_unit;
using indicheck::Number;
using indicheck::opaque_unit;
using indicheck::Quantity;
using indicheck::Unit;
using indicheck::UnitTable;

namespace {

const UnitTable& units() {
  return UnitTable::standard();
}

// A unit the standard table must know; fails the test when it does not.
Unit known(const std::string& written) {
  INFO("unit as written: " << written);
  auto u = units().lookup(written);
  REQUIRE(u.has_value());
  return *u;
}

Number dec(const char* text) {
  auto n = Number::parse_decimal(text);
  REQUIRE(n.has_value());
  return *n;
}

Quantity quantity(const char* value, const std::string& unit) {
  return Quantity{dec(value), known(unit)};
}

struct UnitCase {
  const char* written;    // as a table writes it
  const char* symbol;     // the canonical spelling it resolves to
  const char* dimension;  // its dimension
  Number factor;          // one unit in the dimension's base unit
};

void check_units(const std::vector<UnitCase>& cases) {
  for (const UnitCase& c : cases) {
    INFO("unit as written: " << c.written);
    Unit u = known(c.written);
    CHECK(u.symbol == c.symbol);
    CHECK(u.dimension == c.dimension);
    CHECK(u.factor == c.factor);
    CHECK(u.known);
    CHECK_FALSE(u.dimensionless());
  }
}

}  // namespace

TEST_CASE("ratio units and their aliases", "[unit]") {
  check_units({
      {"%", "%", "ratio", Number::ratio(1, 100)},
      {"％", "%", "ratio", Number::ratio(1, 100)},
      {"百分比", "%", "ratio", Number::ratio(1, 100)},
      {"‰", "‰", "ratio", Number::ratio(1, 1000)},
      {"百分点", "百分点", "ratio", Number::ratio(1, 100)},
  });
  CHECK(known("%").factor.canonical() == "0.01");
  CHECK(known("‰").factor.canonical() == "0.001");
}

TEST_CASE("area units and their aliases, with 亩 as the base", "[unit]") {
  check_units({
      {"亩", "亩", "area", Number::integer(1)},
      {"平方米", "平方米", "area", Number::ratio(3, 2000)},
      {"㎡", "平方米", "area", Number::ratio(3, 2000)},
      {"m²", "平方米", "area", Number::ratio(3, 2000)},
      {"公顷", "公顷", "area", Number::integer(15)},
      {"平方公里", "平方公里", "area", Number::integer(1500)},
      {"平方千米", "平方公里", "area", Number::integer(1500)},
      {"km²", "平方公里", "area", Number::integer(1500)},
  });
  CHECK(known("平方米").factor.canonical() == "0.0015");
  CHECK(units().base_symbol("area") == "亩");
}

TEST_CASE("money units, with 元 as the base", "[unit]") {
  check_units({
      {"元", "元", "money", Number::integer(1)},
      {"千元", "千元", "money", Number::integer(1000)},
      {"万元", "万元", "money", Number::integer(10000)},
      {"百万元", "百万元", "money", Number::integer(1000000)},
      {"亿元", "亿元", "money", Number::integer(100000000)},
  });
  // 亿元 = 10000 万元 (DOMAIN.md §3).
  CHECK(known("亿元").factor == known("万元").factor * Number::integer(10000));
  CHECK(units().base_symbol("money") == "元");
}

TEST_CASE("length units and their aliases, with 米 as the base", "[unit]") {
  check_units({
      {"米", "米", "length", Number::integer(1)},
      {"m", "米", "length", Number::integer(1)},
      {"M", "米", "length", Number::integer(1)},
      {"公里", "公里", "length", Number::integer(1000)},
      {"千米", "公里", "length", Number::integer(1000)},
      {"km", "公里", "length", Number::integer(1000)},
      {"厘米", "厘米", "length", Number::ratio(1, 100)},
      {"cm", "厘米", "length", Number::ratio(1, 100)},
      {"毫米", "毫米", "length", Number::ratio(1, 1000)},
      {"mm", "毫米", "length", Number::ratio(1, 1000)},
  });
  CHECK(units().base_symbol("length") == "米");
}

TEST_CASE("mass units and their aliases, with 公斤 as the base", "[unit]") {
  check_units({
      {"公斤", "公斤", "mass", Number::integer(1)},
      {"千克", "公斤", "mass", Number::integer(1)},
      {"kg", "公斤", "mass", Number::integer(1)},
      {"吨", "吨", "mass", Number::integer(1000)},
      {"斤", "斤", "mass", Number::ratio(1, 2)},
      {"克", "克", "mass", Number::ratio(1, 1000)},
      {"g", "克", "mass", Number::ratio(1, 1000)},
  });
  CHECK(known("斤").factor.canonical() == "0.5");
  CHECK(units().base_symbol("mass") == "公斤");
}

TEST_CASE("time units: days, months and working days apart", "[unit]") {
  check_units({
      {"天", "天", "days", Number::integer(1)},
      {"日", "天", "days", Number::integer(1)},
      {"小时", "小时", "days", Number::ratio(1, 24)},
      {"个小时", "小时", "days", Number::ratio(1, 24)},
      {"周", "周", "days", Number::integer(7)},
      {"月", "月", "months", Number::integer(1)},
      {"个月", "月", "months", Number::integer(1)},
      {"季度", "季度", "months", Number::integer(3)},
      {"年", "年", "months", Number::integer(12)},
      {"工作日", "工作日", "workdays", Number::integer(1)},
      {"个工作日", "工作日", "workdays", Number::integer(1)},
  });
  SECTION("天 = 日") {
    Unit tian = known("天");
    Unit ri = known("日");
    CHECK(ri.symbol == tian.symbol);
    CHECK(ri.dimension == tian.dimension);
    CHECK(ri.factor == tian.factor);
  }
  SECTION("工作日 differs from 天: a working day is not a calendar day") {
    CHECK(known("工作日").dimension != known("天").dimension);
    CHECK(known("工作日").dimension != known("日").dimension);
  }
  SECTION("a month has no fixed number of days") {
    CHECK(known("月").dimension != known("天").dimension);
    CHECK(known("年").factor == known("月").factor * Number::integer(12));
  }
  CHECK(units().base_symbol("days") == "天");
  CHECK(units().base_symbol("months") == "月");
  CHECK(units().base_symbol("workdays") == "工作日");
}

TEST_CASE("every count noun is a dimension of its own", "[unit]") {
  const char* nouns[] = {"个", "项", "份", "件", "次", "场", "人", "人次", "户", "座",
                         "辆", "条", "只", "头", "株", "粒", "篇", "册",   "处"};
  for (const char* noun : nouns) {
    INFO("count noun: " << noun);
    Unit u = known(noun);
    CHECK(u.symbol == noun);
    CHECK(u.dimension == std::string("count:") + noun);
    CHECK(u.factor == Number::integer(1));
    CHECK(units().base_symbol(u.dimension) == noun);
  }
  for (const char* a : nouns)
    for (const char* b : nouns)
      if (std::string(a) != b) {
        INFO(a << " vs " << b);
        CHECK(known(a).dimension != known(b).dimension);
      }
  CHECK(known("个").dimension != known("项").dimension);
  CHECK(known("人").dimension != known("人次").dimension);
  CHECK(known("户").dimension != known("户次").dimension);
}

TEST_CASE("万 and 亿 multiply the unit they stand before", "[unit]") {
  check_units({
      {"万亩", "万亩", "area", Number::integer(10000)},
      {"万人次", "万人次", "count:人次", Number::integer(10000)},
      {"万平方米", "万平方米", "area", Number::integer(15)},  // 10000 × 0.0015 亩
      {"万粒", "万粒", "count:粒", Number::integer(10000)},
      {"万公顷", "万公顷", "area", Number::integer(150000)},
      {"万人", "万人", "count:人", Number::integer(10000)},
      {"亿株", "亿株", "count:株", Number::integer(100000000)},
      {"万吨", "万吨", "mass", Number::integer(10000000)},
  });
  SECTION("a bare 万 or 亿 is a pure multiplier: its dimension comes from the target") {
    Unit wan = known("万");
    CHECK(wan.symbol == "万");
    CHECK(wan.dimension.empty());
    CHECK(wan.dimensionless());
    CHECK(wan.factor == Number::integer(10000));
    Unit yi = known("亿");
    CHECK(yi.symbol == "亿");
    CHECK(yi.dimensionless());
    CHECK(yi.factor == Number::integer(100000000));
  }
  SECTION("万 does not multiply a ratio") {
    CHECK_FALSE(units().lookup("万%").has_value());
    CHECK_FALSE(units().lookup("万‰").has_value());
  }
  SECTION("three stacked multipliers at most: a longer chain is no unit") {
    check_units({{"万亿元", "万亿元", "money", Number::integer(1000000000000)},
                 {"万万亿元", "万万亿元", "money", Number::integer(10000000000000000)}});
    CHECK_FALSE(units().lookup("万万万亿元").has_value());
    // found by fuzz_target_expr: 300 亿 built a factor of 2400 digits, level by level
    std::string chain;
    for (int i = 0; i < 300; ++i) chain += "亿";
    CHECK_FALSE(units().lookup(chain + "元").has_value());
    CHECK_FALSE(units().lookup(chain).has_value());
  }
}

TEST_CASE("compound rates a/b", "[unit]") {
  check_units({
      {"元/亩", "元/亩", "money/area", Number::integer(1)},
      {"元/人", "元/人", "money/count:人", Number::integer(1)},
      {"次/月", "次/月", "count:次/months", Number::integer(1)},
      // 1 元/平方米 = 1 元 / 0.0015 亩 = 2000/3 元/亩.
      {"元/平方米", "元/平方米", "money/area", Number::ratio(2000, 3)},
      {"万元/亩", "万元/亩", "money/area", Number::integer(10000)},
      {"元/公顷", "元/公顷", "money/area", Number::ratio(1, 15)},
      {"元/㎡", "元/平方米", "money/area", Number::ratio(2000, 3)},
  });
  CHECK(known("元/平方米").factor.canonical() == "2000/3");
  CHECK(known("元/亩").dimension != known("元/人").dimension);
  CHECK_FALSE(units().lookup("元/").has_value());
  CHECK_FALSE(units().lookup("/亩").has_value());
  CHECK_FALSE(units().lookup("元/万").has_value());
  CHECK_FALSE(units().lookup("元/匹").has_value());
}

TEST_CASE("unknown spellings are not units", "[unit]") {
  for (const char* written :
       {"平方", "米米", "亩亩", "xyz", "Km", "KG", "匹", "公亩", "%%", "元/亩/人", "人 次"}) {
    INFO("unit as written: " << written);
    CHECK_FALSE(units().lookup(written).has_value());
  }
}

TEST_CASE("exact area conversions (DOMAIN.md §3)", "[unit][exact]") {
  SECTION("12000亩 = 800公顷 = 8000000平方米") {
    Number mu = quantity("12000", "亩").base_value();
    Number ha = quantity("800", "公顷").base_value();
    Number m2 = quantity("8000000", "平方米").base_value();
    CHECK(mu == ha);
    CHECK(ha == m2);
    CHECK(mu.canonical() == "12000");
    CHECK(ha.canonical() == "12000");
    CHECK(m2.canonical() == "12000");
    CHECK(quantity("8000000", "㎡").base_value() == mu);
    CHECK(quantity("1.2", "万亩").base_value() == mu);
  }
  SECTION("6300平方米 = 9.45亩") {
    Number m2 = quantity("6300", "平方米").base_value();
    CHECK(m2.canonical() == "9.45");
    CHECK(m2 == dec("9.45"));
    CHECK(m2 == quantity("9.45", "亩").base_value());
  }
  SECTION("1亩 = 2000/3平方米, which has no finite decimal") {
    Number in_m2 = quantity("1", "亩").base_value() / known("平方米").factor;
    CHECK(in_m2 == Number::ratio(2000, 3));
    CHECK(in_m2.canonical() == "2000/3");
    CHECK_FALSE(in_m2.is_finite_decimal());
    CHECK(in_m2.to_fixed(2) == "666.67");
    // 666.67平方米 is not 1亩, only close to it: 666.67 × 0.0015 = 1.000005.
    Number rounded = quantity("666.67", "平方米").base_value();
    CHECK(rounded.canonical() == "1.000005");
    CHECK(rounded != quantity("1", "亩").base_value());
    CHECK(rounded > quantity("1", "亩").base_value());
    CHECK(quantity("666.66", "平方米").base_value() < quantity("1", "亩").base_value());
  }
  SECTION("1平方公里 = 100公顷 = 1500亩 = 1000000平方米") {
    Number km2 = quantity("1", "平方公里").base_value();
    CHECK(km2.canonical() == "1500");
    CHECK(km2 == quantity("100", "公顷").base_value());
    CHECK(km2 == quantity("1000000", "平方米").base_value());
  }
  SECTION("1公顷 = 15亩 = 10000平方米") {
    CHECK(quantity("1", "公顷").base_value() == quantity("15", "亩").base_value());
    CHECK(quantity("10000", "平方米").base_value().canonical() == "15");
  }
}

TEST_CASE("exact conversions in the other dimensions", "[unit][exact]") {
  CHECK(quantity("500", "万元").base_value() == quantity("5000000", "元").base_value());
  CHECK(quantity("1", "亿元").base_value() == quantity("10000", "万元").base_value());
  CHECK(quantity("1346.0088", "万元").base_value().canonical() == "13460088");
  CHECK(quantity("1.5", "公里").base_value().canonical() == "1500");
  CHECK(quantity("2", "吨").base_value() == quantity("4000", "斤").base_value());
  CHECK(quantity("36", "小时").base_value().canonical() == "1.5");
  CHECK(quantity("95", "%").base_value().canonical() == "0.95");
  CHECK(quantity("5", "‰").base_value().canonical() == "0.005");
  CHECK(quantity("3", "万人次").base_value().canonical() == "30000");
}

TEST_CASE("Quantity::written keeps the unit as canonically spelled", "[unit]") {
  CHECK(quantity("100.00", "％").written() == "100%");
  CHECK(quantity("6300", "㎡").written() == "6300平方米");
  CHECK(quantity("5", "日").written() == "5天");
}

TEST_CASE("no unit, opaque units and dimension names", "[unit]") {
  Unit none = no_unit();
  CHECK(none.symbol.empty());
  CHECK(none.dimensionless());
  CHECK(none.factor == Number::integer(1));
  CHECK(none.known);

  Unit pi = opaque_unit("匹");
  CHECK(pi.symbol == "匹");
  CHECK(pi.dimension == "unit:匹");
  CHECK(pi.factor == Number::integer(1));
  CHECK_FALSE(pi.known);
  CHECK(opaque_unit("匹").dimension != opaque_unit("头匹").dimension);

  CHECK(describe_dimension("") == "a pure number");
  CHECK(describe_dimension("area") == "an area");
  CHECK(describe_dimension("ratio") == "a ratio");
  CHECK(describe_dimension("money/area") == "money/area");
  CHECK(describe_dimension("count:个") == "a count of 个");
  CHECK(describe_dimension("unit:匹") == "the unknown unit 匹");
  CHECK(units().base_symbol("ratio").empty());  // % is 1/100 of the pure number 1
  CHECK(units().base_symbol("unit:匹").empty());
}

TEST_CASE("a table can be extended without touching the standard one", "[unit]") {
  UnitTable t = UnitTable::standard();
  t.define(Unit{"标准亩", "area", Number::ratio(6, 5), true});
  t.alias("标亩", "标准亩");
  auto u = t.lookup("标亩");
  REQUIRE(u.has_value());
  CHECK(u->symbol == "标准亩");
  CHECK(u->factor == Number::ratio(6, 5));
  auto wan = t.lookup("万标准亩");
  REQUIRE(wan.has_value());
  CHECK(wan->factor == Number::integer(12000));
  CHECK(t.lookup("亩").has_value());
  CHECK_FALSE(UnitTable::standard().lookup("标准亩").has_value());
  CHECK_FALSE(UnitTable::standard().lookup("标亩").has_value());
}
