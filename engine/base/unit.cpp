#include "engine/base/unit.hpp"

#include <algorithm>
#include <initializer_list>

#include "engine/base/limits.hpp"
#include "engine/base/message.hpp"

namespace indicheck {

namespace {

struct Entry {
  const char* symbol;
  long long num;
  long long den;
};

void define_all(UnitTable& t, const char* dimension, std::initializer_list<Entry> entries) {
  for (const Entry& e : entries) t.define({e.symbol, dimension, Number::ratio(e.num, e.den), true});
}

// Each multiplier as written, Simplified or Traditional (萬元 and 億元 in the
// tables of Traditional-script mirrors), and the spelling a unit is given.
struct Multiplier {
  std::string_view written;
  std::string_view canonical;
};
constexpr Multiplier kMultipliers[] = {{"万", "万"}, {"亿", "亿"}, {"萬", "万"}, {"億", "亿"}};

Number multiplier_value(std::string_view m) {
  return m == "万" ? Number::integer(10000) : Number::integer(100000000);
}

UnitTable make_standard() {
  UnitTable t;
  // Ratio: the base is the pure number 1.
  define_all(t, "ratio", {{"%", 1, 100}, {"‰", 1, 1000}, {"百分点", 1, 100}});
  t.alias("％", "%");
  t.alias("百分比", "%");
  t.alias("个百分点", "百分点");
  t.alias("個百分點", "百分点");
  t.alias("百分點", "百分点");
  // Area: the base is 亩, so every conversion is an exact decimal (1 平方米 = 0.0015 亩).
  define_all(t, "area",
             {{"亩", 1, 1}, {"平方米", 3, 2000}, {"公顷", 15, 1}, {"平方公里", 1500, 1}});
  t.alias("㎡", "平方米");
  t.alias("m²", "平方米");
  t.alias("平方千米", "平方公里");
  t.alias("km²", "平方公里");
  // Money: the base is 元.
  define_all(t, "money",
             {{"元", 1, 1},
              {"千元", 1000, 1},
              {"万元", 10000, 1},
              {"百万元", 1000000, 1},
              {"亿元", 100000000, 1}});
  // Length: the base is 米.
  define_all(t, "length", {{"米", 1, 1}, {"公里", 1000, 1}, {"厘米", 1, 100}, {"毫米", 1, 1000}});
  for (auto [a, c] : {std::pair{"m", "米"},
                      {"M", "米"},
                      {"千米", "公里"},
                      {"km", "公里"},
                      {"cm", "厘米"},
                      {"mm", "毫米"}})
    t.alias(a, c);
  // Mass: the base is 公斤.
  define_all(t, "mass", {{"公斤", 1, 1}, {"吨", 1000, 1}, {"斤", 1, 2}, {"克", 1, 1000}});
  for (auto [a, c] : {std::pair{"千克", "公斤"}, {"kg", "公斤"}, {"g", "克"}}) t.alias(a, c);
  // Volume: the base is 立方米.
  define_all(t, "volume", {{"立方米", 1, 1}, {"升", 1, 1000}});
  t.alias("m³", "立方米");
  // Calendar time: days (天 = 日, 小时), and months apart, since a month has no
  // fixed number of days. 工作日 is a dimension of its own.
  define_all(t, "days", {{"天", 1, 1}, {"小时", 1, 24}, {"分钟", 1, 1440}, {"周", 7, 1}});
  t.alias("日", "天");
  t.alias("个小时", "小时");
  t.alias("星期", "周");
  t.alias("个星期", "周");
  define_all(t, "months", {{"月", 1, 1}, {"季度", 3, 1}, {"年", 12, 1}});
  t.alias("个月", "月");
  t.alias("个季度", "季度");
  define_all(t, "workdays", {{"工作日", 1, 1}});
  // Power: the base is 千瓦 (installed capacity of a station or a pump).
  define_all(t, "power", {{"千瓦", 1, 1}, {"瓦", 1, 1000}, {"兆瓦", 1000, 1}});
  for (auto [a, c] :
       {std::pair{"kW", "千瓦"}, {"KW", "千瓦"}, {"kw", "千瓦"}, {"W", "瓦"}, {"MW", "兆瓦"}})
    t.alias(a, c);
  t.alias("个工作日", "工作日");
  // Counts: each noun is its own dimension.
  for (const char* noun :
       {"个",   "项",   "份",   "件",   "次",   "场",   "人",   "人次", "户",   "户次",  "座",
        "辆",   "条",   "只",   "头",   "株",   "粒",   "篇",   "册",   "处",   "家",    "所",
        "台",   "套",   "批",   "本",   "张",   "期",   "名",   "棵",   "宗",   "块",    "幅",
        "部",   "类",   "栋",   "间",   "台次", "场次", "批次", "课时", "学时", "组",    "支",
        "门",   "宗次", "起",   "例",   "单",   "笔",   "卷",   "盒",   "箱",   "袋",    "片",
        "幢",   "层",   "点",   "村",   "镇",   "所次", "帧",   "页",   "枚",   "根",    "亩次",
        "网点", "平台", "系统", "账户", "样",   "床",   "羽",   "尾",   "眼",   "台(套)"}) {
    t.define({noun, std::string("count:") + noun, Number::integer(1), true});
  }
  // Traditional spellings of count nouns and the ways 台(套) is written.
  for (auto [a, c] : {std::pair{"個", "个"},
                      {"項", "项"},
                      {"場", "场"},
                      {"戶", "户"},
                      {"輛", "辆"},
                      {"條", "条"},
                      {"隻", "只"},
                      {"頭", "头"},
                      {"臺", "台"},
                      {"台（套）", "台(套)"},
                      {"台套", "台(套)"}})
    t.alias(a, c);
  return t;
}

}  // namespace

std::string describe_dimension(std::string_view dimension) {
  if (dimension.empty()) return tr("a pure number");
  if (dimension.starts_with("count:")) return tr("a count of {}", dimension.substr(6));
  if (dimension.starts_with("unit:")) return tr("the unknown unit {}", dimension.substr(5));
  static const std::map<std::string, const char*, std::less<>> kNames = {
      {"ratio", N_("a ratio")},
      {"area", N_("an area")},
      {"money", N_("money")},
      {"length", N_("a length")},
      {"mass", N_("a mass")},
      {"volume", N_("a volume")},
      {"days", N_("a number of days")},
      {"months", N_("a number of months")},
      {"workdays", N_("a number of workdays")},
      {"power", N_("a power")}};
  if (auto it = kNames.find(dimension); it != kNames.end()) return tr(it->second);
  return std::string(dimension);  // a compound such as money/area
}

const UnitTable& UnitTable::standard() {
  static const UnitTable table = make_standard();
  return table;
}

void UnitTable::define(const Unit& unit) {
  units_[unit.symbol] = unit;
}

void UnitTable::alias(std::string_view spelling, std::string_view canonical) {
  aliases_[std::string(spelling)] = std::string(canonical);
}

std::optional<Unit> UnitTable::lookup_simple(std::string_view written) const {
  // Multipliers stack (万亿 is 10^12), but no unit anyone writes stacks more than
  // kCellLimits.max_multiplier_chain of them. A longer chain (亿亿亿…, found by fuzz_target_expr)
  // is no unit: each level of the recursion below would multiply out a factor of
  // thousands of digits, seconds of work for one cell.
  std::size_t chain = 0;
  for (std::string_view rest = written; chain <= kCellLimits.max_multiplier_chain; ++chain) {
    auto m = std::find_if(std::begin(kMultipliers), std::end(kMultipliers),
                          [&](const Multiplier& x) { return rest.starts_with(x.written); });
    if (m == std::end(kMultipliers)) break;
    rest.remove_prefix(m->written.size());
  }
  if (chain > kCellLimits.max_multiplier_chain) return std::nullopt;
  if (auto a = aliases_.find(written); a != aliases_.end()) written = a->second;
  if (auto u = units_.find(written); u != units_.end()) return u->second;
  for (const auto& [spelled, m] : kMultipliers) {
    if (!written.starts_with(spelled)) continue;
    std::string_view rest = written.substr(spelled.size());
    if (rest.empty()) return Unit{std::string(m), "", multiplier_value(m), true};
    auto base = lookup_simple(rest);
    if (!base || base->dimension == "ratio" || base->dimensionless()) return std::nullopt;
    return Unit{std::string(m) + base->symbol, base->dimension, base->factor * multiplier_value(m),
                true};
  }
  return std::nullopt;
}

std::optional<Unit> UnitTable::lookup(std::string_view written) const {
  auto slash = written.find('/');
  if (slash == std::string_view::npos) return lookup_simple(written);
  auto top = lookup_simple(written.substr(0, slash));
  auto bottom = lookup_simple(written.substr(slash + 1));
  if (!top || !bottom || bottom->dimensionless()) return std::nullopt;
  return Unit{top->symbol + "/" + bottom->symbol, top->dimension + "/" + bottom->dimension,
              top->factor / bottom->factor, true};
}

std::string UnitTable::base_symbol(std::string_view dimension) const {
  for (const auto& [symbol, unit] : units_)
    if (unit.dimension == dimension && unit.factor == Number::integer(1)) return symbol;
  return "";
}

Unit no_unit() {
  return Unit{"", "", Number::integer(1), true};
}

Unit opaque_unit(std::string_view written) {
  return Unit{std::string(written), "unit:" + std::string(written), Number::integer(1), false};
}

}  // namespace indicheck
