#include "engine/cell/bare_target.hpp"

#include <algorithm>

#include "engine/base/message.hpp"

namespace indicheck {

namespace {

// Rates a unit keeps low: a bare figure is a ceiling. Looked for before the
// rates to reach, since each of them ends in 率 too.
constexpr std::string_view kLowRates[] = {"偏差率", "发生率", "事故率", "差错率", "失误率",
                                          "投诉率", "控制率", "超支率", "误差率", "故障率",
                                          "损失率", "返工率", "流失率", "发病率", "死亡率"};
// Money a unit keeps under: a bare figure is a ceiling.
constexpr std::string_view kCosts[] = {"成本", "费用", "投资", "单价", "造价"};

constexpr const char* kUnclear = N_("nothing in its name says which way");

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
  const bool percent = target.unit.symbol == "%";
  if (contains_any(name, kLowRates))
    return reading(Comparator::le, tr("'{}' names a rate to keep down", name));
  if (percent && target.value == Number::integer(100))
    // xgettext:no-c-format
    return reading(Comparator::eq, tr("100% is the whole: met only in full"));
  if (name.find("满意") != std::string::npos || name.ends_with("率") || name.ends_with("度"))
    return reading(Comparator::ge, tr("'{}' names a rate to reach", name));
  if (contains_any(name, kCosts))
    return reading(Comparator::le, tr("'{}' names a cost to keep under", name));
  if (has_segment(path, "成本"))
    return reading(Comparator::le, tr("a 成本指标: a cost to keep under"));
  if (has_segment(path, "时效"))
    return reading(Comparator::le, tr("a 时效指标: a time to keep within"));
  if (target.unit.dimension.starts_with("count:"))
    return reading(Comparator::ge, tr("a count of {}: an output to reach", target.unit.symbol));
  if (has_segment(path, "数量"))
    return reading(Comparator::ge, tr("a 数量指标: an output to reach"));
  if (percent && target.value < Number::integer(100))
    return reading(Comparator::ge, tr("a rate below 100%: a level to reach"));
  return BareReading{Comparator::eq, tr(kUnclear), false};
}

std::string bare_reading_assumption(const Quantity& target, Comparator op,
                                    std::string_view reason) {
  std::string read_as = std::string(to_symbol(op)) + target.written();
  if (reason.empty()) return tr("no comparator: '{}' read as '{}'", target.written(), read_as);
  return tr("no comparator: '{}' read as '{}' ({})", target.written(), read_as, reason);
}

std::optional<BareReading> apply_bare_reading(Constraint& c, const std::vector<std::string>& path) {
  auto* q = std::get_if<QuantityConstraint>(&c.form);
  if (!q || !q->bare || path.empty()) return std::nullopt;
  BareReading r = read_bare(path, q->target);
  q->op = r.op;
  replace_bare_note(c, bare_reading_assumption(q->target, r.op, r.reason));
  return r;
}

void replace_bare_note(Constraint& c, std::string note) {
  auto* q = std::get_if<QuantityConstraint>(&c.form);
  if (!q || !q->bare) return;
  auto it = std::find(c.assumptions.begin(), c.assumptions.end(), q->bare_note);
  q->bare_note = note;
  if (it != c.assumptions.end())
    *it = std::move(note);
  else
    c.assumptions.push_back(std::move(note));
}

}  // namespace indicheck
