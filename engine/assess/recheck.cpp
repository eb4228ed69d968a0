#include "engine/assess/recheck.hpp"

#include <algorithm>

#include "engine/base/message.hpp"

namespace indicheck {

namespace {

Number number_of(const Cell& cell) {
  // read_actuals keeps only cells that are exact decimals.
  return *Number::parse_decimal(cell.text);
}

const Cell* published(const ActualTable& actuals, const char* key) {
  auto it = actuals.published.find(key);
  return it == actuals.published.end() ? nullptr : &it->second;
}

// The decimal places a published figure prints: 7.3 has 1, 10 has 0.
unsigned places_printed(const Cell& cell) {
  auto point = cell.text.find('.');
  return point == std::string::npos ? 0 : static_cast<unsigned>(cell.text.size() - point - 1);
}

// Whether `computed` is the published figure at the precision the table
// printed it: 7.28… is 7.3 when the table prints one place. The published
// figure itself is exact (read_actuals checked it).
bool same_as_printed(const Number& computed, const Cell& cell) {
  return Number::parse_decimal(computed.to_fixed(places_printed(cell))) == number_of(cell);
}

// The note when two figures differ in print only.
std::string printed_note(const Cell& cell) {
  unsigned n = places_printed(cell);
  return trn("; equal at the {} decimal place the table prints",
             "; equal at the {} decimal places the table prints", n, n);
}

// The targets table's own 分值 for each indicator that neither the rule
// files nor the actuals weigh; how many were taken.
unsigned add_targets_weights(const Report& report, ScoringScheme& scheme) {
  unsigned taken = 0;
  for (const IndicatorResult& res : report.results) {
    if (!res.indicator->weight) continue;
    IndicatorScoring& s = scheme.indicators[res.indicator->path_text()];
    if (s.weight) continue;
    s.weight = number_of(*res.indicator->weight);
    if (scheme.weights_at.file.empty()) scheme.weights_at = res.indicator->weight->where;
    ++taken;
  }
  return taken;
}

}  // namespace

bool has_published_scores(const ActualTable& actuals) {
  if (!actuals.published.empty()) return true;
  for (const ActualRow& row : actuals.rows)
    if (row.weight || row.score) return true;
  return false;
}

ScoringScheme published_scheme(const Report& report, const ActualTable& actuals,
                               ScoringScheme scheme, Recheck& recheck, unsigned& from_targets) {
  unsigned from_rules = 0, from_table = 0;
  for (const IndicatorResult& res : report.results) {
    const std::string path = res.indicator->path_text();
    auto given = scheme.indicators.find(path);
    bool rules_weight = given != scheme.indicators.end() && given->second.weight;
    bool table_weight = res.row && res.row->weight;
    if (rules_weight) {
      ++from_rules;
      if (table_weight && number_of(*res.row->weight) != *given->second.weight)
        recheck.notes.push_back(tr("{}: 分值 {} from the rule files, not the table's {} ({})", path,
                                   given->second.weight->canonical(), res.row->weight->text,
                                   where_line_text(res.row->weight->where)));
    } else if (table_weight) {
      ++from_table;
      scheme.indicators[path].weight = number_of(*res.row->weight);
      if (scheme.weights_at.file.empty()) scheme.weights_at = res.row->weight->where;
    }
  }
  from_targets = add_targets_weights(report, scheme);
  if (from_rules == 0 && from_table == 0)
    recheck.weights =
        from_targets > 0
            ? std::string()
            : std::string(tr("the default split of {} (the table gives no 分值)", scheme.name));
  else if (from_rules == 0)
    recheck.weights = trn("the table's 分值 ({} indicator)", "the table's 分值 ({} indicators)",
                          from_table, from_table);
  else if (from_table == 0)
    recheck.weights = trn("the rule files' 分值 ({} indicator)",
                          "the rule files' 分值 ({} indicators)", from_rules, from_rules);
  else
    recheck.weights =
        trn("the rule files' 分值 for {} indicator, the table's for {} (a rule file's 分值 wins)",
            "the rule files' 分值 for {} indicators, the table's for {} (a rule file's 分值 wins)",
            from_rules, from_rules, from_table);
  if (from_targets > 0) {
    const std::string targets =
        trn("the targets table's 分值 ({} indicator)", "the targets table's 分值 ({} indicators)",
            from_targets, from_targets);
    recheck.weights =
        recheck.weights.empty() ? targets : tr("{}; then {}", recheck.weights, targets);
  }

  const Cell* budget = published(actuals, "全年预算数");
  const Cell* executed = published(actuals, "全年执行数");
  if (budget && executed) {
    scheme.execution = std::pair{number_of(*executed), number_of(*budget)};
    scheme.execution_at = budget->where;
    if (const Cell* w = published(actuals, "执行率分值")) scheme.execution_weight = number_of(*w);
    recheck.weights +=
        tr("; 预算执行率 from the funds block: 全年执行数 {} / 全年预算数 {}, 分值 {}",
           executed->text, budget->text, scheme.execution_weight.canonical());
  }
  return scheme;
}

void compare_published(const Report& report, const ActualTable& actuals, Recheck& recheck) {
  auto compare = [&](const std::string& what, const Cell& cell, const std::optional<Score>& score,
                     const std::string& unscored) {
    ++recheck.compared;
    PublishedScore p{what, number_of(cell).to_fixed(2), "", "", cell.where};
    if (score) {
      p.computed = score->points.to_fixed(2);
      p.explanation = score->explanation;
    } else {
      p.explanation = unscored.empty() ? std::string(tr("indicheck does not score it")) : unscored;
    }
    // Compared at the precision printed: 7.3 published for 7.28… is no difference.
    if (!score || !same_as_printed(score->points, cell))
      recheck.differences.push_back(std::move(p));
  };
  for (const IndicatorResult& res : report.results)
    if (res.row && res.row->score)
      compare(res.indicator->path_text(), *res.row->score, res.score, res.unscored.value_or(""));
  if (const Cell* block = published(actuals, "执行率得分")) {
    std::optional<Score> computed;
    std::string why =
        tr("no 预算执行率 block: the funds figures (全年预算数, 全年执行数) are not given");
    if (report.scoring && report.scoring->execution) computed = report.scoring->execution;
    for (const IndicatorResult& res : report.results)
      if (!computed && res.score && report.scoring && report.scoring->executed &&
          res.indicator->name == "预算执行率")
        computed = res.score;
    compare("预算执行率", *block, computed, why);
  }
  // The funds block's 执行率 as the table prints it: 97.3% for 97.28…% is no
  // difference, 96.3% is.
  if (const Cell* rate = published(actuals, "执行率")) {
    ++recheck.compared;
    const FundsBlock block = funds_block(report);
    unsigned places = std::max(2u, places_printed(*rate));
    PublishedScore p{"执行率", number_of(*rate).to_fixed(places) + "%", "", "", rate->where};
    if (block.rate) {
      p.computed = block.rate->to_fixed(places) + "%";
      p.explanation = tr("全年执行数 {} / 全年预算数 {} = {}%", block.executed->display(),
                         block.budget->display(), block.rate->display());
    } else {
      p.explanation =
          tr("no 执行率: the funds figures (全年预算数 above 0, 全年执行数) are not given");
    }
    if (!block.rate || !same_as_printed(*block.rate, *rate))
      recheck.differences.push_back(std::move(p));
  }
  if (const Cell* total = published(actuals, "总分")) {
    PublishedScore p{"总分", number_of(*total).to_fixed(2), "", "", total->where};
    bool same = false;
    if (report.scoring && !report.scoring->grade.empty()) {
      p.computed = report.scoring->total.to_fixed(2);
      p.explanation = report.scoring->explanation;
      same = same_as_printed(report.scoring->total, *total);
      if (same && p.computed != p.published) p.explanation += printed_note(*total);
    } else {
      p.explanation =
          report.scoring ? report.scoring->explanation : std::string(tr("no year-end score"));
    }
    recheck.total_differs = !same;
    recheck.total = std::move(p);
  }
  if (const Cell* grade = published(actuals, "自评等级")) {
    ++recheck.compared;
    std::string computed = report.scoring ? report.scoring->grade : "";
    if (computed != grade->text)
      recheck.differences.push_back(
          {"自评等级", grade->text, computed,
           // The scoring's own account: it says whether the printed or the
           // exact total was graded (定级), and the bands.
           computed.empty() ? std::string(tr("no year-end score")) : report.scoring->explanation,
           grade->where});
  }
}

void assess_published(Report& report, const ActualTable& actuals) {
  ScoringScheme scheme = scoring_scheme(report);
  const bool recheck = report.period == Period::year && has_published_scores(actuals);
  Recheck published;
  unsigned from_targets = 0;
  if (recheck)
    scheme = published_scheme(report, actuals, std::move(scheme), published, from_targets);
  else
    from_targets = add_targets_weights(report, scheme);
  assess(report, scheme);
  if (from_targets > 0 && report.scoring)
    report.scoring->assumptions.push_back(
        trn("分值 from the targets table for {} indicator (no rule file or actuals row gives one)",
            "分值 from the targets table for {} indicators (no rule file or actuals row gives one)",
            from_targets, from_targets));
  if (!recheck) return;
  compare_published(report, actuals, published);
  report.recheck = std::move(published);
}

}  // namespace indicheck
