#include "engine/cell/bare_target.hpp"

#include <algorithm>

namespace indicheck {

namespace {

// Rates a unit keeps low: a bare figure is a ceiling. Looked for before the
// rates to reach, since each of them ends in 率 too.
constexpr std::string_view kLowRates[] = {"偏差率", "发生率", "事故率", "差错率", "失误率",
                                          "投诉率", "控制率", "超支率", "误差率", "故障率",
                                          "损失率", "返工率", "流失率", "发病率", "死亡率"};
// Money a unit keeps under: a bare figure is a ceiling.
constexpr std::string_view kCosts[] = {"成本", "费用", "投资", "单价", "造价"};

constexpr std::string_view kUnclear = "nothing in its name says which way";

bool contains_any(std::string_view text, const auto& words) {
  return std::any_of(std::begin(words), std::end(words),
                     [&](std::string_view w) { return text.find(w) != std::string_view::npos; });
}

bool has_segment(const std::vector<std::string>& path, std::string_view word) {
  for (std::size_t i = 0; i + 1 < path.size(); ++i)
    if (path[i].find(word) != std::string::npos) return true;
  return false;
}

BareReading reading(Comparator op, std::string reason) {
  return BareReading{op, std::move(reason), true};
}

}  // namespace

BareReading read_bare(const std::vector<std::string>& path, const Quantity& target) {
  const std::string name = path.empty() ? std::string() : path.back();
  const std::string quoted = "'" + name + "'";
  const bool percent = target.unit.symbol == "%";
  if (contains_any(name, kLowRates))
    return reading(Comparator::le, quoted + " names a rate to keep down");
  if (percent && target.value == Number::integer(100))
    return reading(Comparator::eq, "100% is the whole: met only in full");
  if (name.find("满意") != std::string::npos || name.ends_with("率") || name.ends_with("度"))
    return reading(Comparator::ge, quoted + " names a rate to reach");
  if (contains_any(name, kCosts))
    return reading(Comparator::le, quoted + " names a cost to keep under");
  if (has_segment(path, "成本")) return reading(Comparator::le, "a 成本指标: a cost to keep under");
  if (has_segment(path, "时效"))
    return reading(Comparator::le, "a 时效指标: a time to keep within");
  if (target.unit.dimension.starts_with("count:"))
    return reading(Comparator::ge, "a count of " + target.unit.symbol + ": an output to reach");
  if (has_segment(path, "数量")) return reading(Comparator::ge, "a 数量指标: an output to reach");
  if (percent && target.value < Number::integer(100))
    return reading(Comparator::ge, "a rate below 100%: a level to reach");
  return BareReading{Comparator::eq, std::string(kUnclear), false};
}

std::string bare_reading_assumption(const Quantity& target, Comparator op,
                                    std::string_view reason) {
  std::string out = "no comparator: '" + target.written() + "' read as '" + to_symbol(op) +
                    target.written() + "'";
  if (!reason.empty()) out += " (" + std::string(reason) + ")";
  return out;
}

std::optional<BareReading> apply_bare_reading(Constraint& c, const std::vector<std::string>& path) {
  auto* q = std::get_if<QuantityConstraint>(&c.form);
  if (!q || !q->bare || path.empty()) return std::nullopt;
  BareReading r = read_bare(path, q->target);
  q->op = r.op;
  auto it = std::find_if(c.assumptions.begin(), c.assumptions.end(),
                         [](const std::string& a) { return a.starts_with("no comparator"); });
  std::string text = bare_reading_assumption(q->target, r.op, r.reason);
  if (it != c.assumptions.end())
    *it = std::move(text);
  else
    c.assumptions.push_back(std::move(text));
  return r;
}

bool is_unclear_bare(std::string_view assumption) {
  return assumption.starts_with("no comparator") &&
         assumption.find(kUnclear) != std::string_view::npos;
}

}  // namespace indicheck
