// The report as JSON (schema indicheck.report/1, docs/report-schema.md).

#include "engine/report/render.hpp"

namespace indicheck {

namespace {

Json tally_json(const Tally& t) {
  Json j;
  j["name"] = t.name;
  Json counts = Json::object();
  for (VerdictKind v : kAllVerdicts) counts[to_string(v)] = t.count(v);
  j["counts"] = counts;
  j["total"] = t.total;
  return j;
}

// Exact figures as strings: "points" as printed (2 places, half-up) and
// "points_exact" as the exact decimal or fraction, so nothing is lost to a
// JSON reader's binary floating point.
Json score_json(const Score& s) {
  Json j;
  j["weight"] = s.weight.to_fixed(2);
  j["weight_exact"] = s.weight.canonical();
  j["points"] = s.points.to_fixed(2);
  j["points_exact"] = s.points.canonical();
  j["explanation"] = s.explanation;
  j["review"] = s.review;
  j["pending"] = s.pending;
  j["notes"] = s.notes;
  return j;
}

Json scoring_json(const Scoring& s) {
  Json j;
  j["scheme"] = s.scheme;
  Json cats = Json::array();
  for (const auto& c : s.by_category) {
    Json e;
    e["name"] = c.name;
    e["weight"] = c.weight.to_fixed(2);
    e["points"] = c.points.to_fixed(2);
    e["points_exact"] = c.points.canonical();
    cats.push_back(std::move(e));
  }
  j["by_category"] = std::move(cats);
  j["executed"] = s.executed ? Json(s.executed->canonical()) : Json(nullptr);
  j["budget"] = s.budget ? Json(s.budget->canonical()) : Json(nullptr);
  j["execution"] = s.execution ? score_json(*s.execution) : Json(nullptr);
  j["weight"] = s.weight.to_fixed(2);
  j["points"] = s.points.to_fixed(2);
  j["points_exact"] = s.points.canonical();
  bool scored = !s.grade.empty();
  j["total"] = scored ? Json(s.total.to_fixed(2)) : Json(nullptr);
  j["total_exact"] = scored ? Json(s.total.canonical()) : Json(nullptr);
  j["grade"] = scored ? Json(s.grade) : Json(nullptr);
  j["explanation"] = s.explanation;
  j["pending"] = s.pending;
  j["assumptions"] = s.assumptions;
  return j;
}

// The 自评表's funds block (funds_block): exact figures, the rate to 2 places.
Json funds_json(const FundsBlock& b) {
  auto exact = [](const std::optional<Number>& n) {
    return n ? Json(n->canonical()) : Json(nullptr);
  };
  Json j;
  j["unit"] = b.unit;
  j["initial"] = exact(b.initial);
  j["budget"] = exact(b.budget);
  j["executed"] = exact(b.executed);
  j["rate"] = b.rate ? Json(b.rate->to_fixed(2)) : Json(nullptr);
  j["rate_exact"] = exact(b.rate);
  j["weight"] = b.score ? Json(b.score->weight.to_fixed(2)) : Json(nullptr);
  j["points"] = b.score ? Json(b.score->points.to_fixed(2)) : Json(nullptr);
  j["explanation"] = b.score ? Json(b.score->explanation) : Json(nullptr);
  Json from = Json::array();
  for (const auto& [column, name] : b.from_rules)
    from.push_back({{"column", column}, {"name", name}});
  j["from_rules"] = std::move(from);
  return j;
}

Json published_json(const PublishedScore& p) {
  Json j;
  j["what"] = p.what;
  j["published"] = p.published;
  j["computed"] = p.computed.empty() ? Json(nullptr) : Json(p.computed);
  j["explanation"] = p.explanation;
  j["file"] = p.where.file;
  j["line"] = p.where.line;
  return j;
}

Json recheck_json(const Recheck& c) {
  Json j;
  j["weights"] = c.weights;
  j["compared"] = c.compared;
  j["differences"] = Json::array();
  for (const auto& p : c.differences) j["differences"].push_back(published_json(p));
  j["total"] = c.total ? published_json(*c.total) : Json(nullptr);
  j["total_differs"] = c.total_differs;
  j["notes"] = c.notes;
  return j;
}

}  // namespace

Json to_json(const Report& r) {
  Json j;
  j["schema"] = kReportSchema;
  j["unit"] = r.unit;
  j["year"] = r.year ? Json(*r.year) : Json(nullptr);
  j["period"] = to_string(r.period);
  j["targets"] = r.targets_file;
  j["actuals"] = r.actuals_file;
  Json indicators = Json::array();
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    const IndicatorResult& res = r.results[i];
    const Indicator& ind = *res.indicator;
    Json e;
    e["index"] = i + 1;
    e["line"] = ind.line;
    e["path"] = ind.path();
    e["level1"] = ind.level1;
    e["level2"] = ind.level2;
    e["key_work"] = ind.key_work;
    e["indicator"] = ind.name;
    e["target"] = res.target;
    e["kind"] = res.kind;
    e["actual"] = res.actual;
    e["verdict"] = to_string(res.verdict.kind);
    e["explanation"] = res.verdict.explanation;
    e["assumptions"] = res.verdict.assumptions;
    e["rules"] = res.verdict.rules;
    e["reason"] = res.reason;
    e["needs_reason"] = res.needs_reason;
    e["score"] = res.score ? score_json(*res.score) : Json(nullptr);
    e["unscored"] = res.unscored;
    if (res.outlook) {
      Json o;
      o["on_track"] = to_string(res.outlook->on_track);
      o["chinese"] = chinese(res.outlook->on_track);
      o["explanation"] = res.outlook->explanation;
      e["outlook"] = std::move(o);
    } else {
      e["outlook"] = nullptr;
    }
    indicators.push_back(std::move(e));
  }
  j["indicators"] = std::move(indicators);
  Json checks = Json::array();
  for (const auto& c : r.checks) {
    Json e;
    e["check"] = c.written;
    e["file"] = c.where.file;
    e["line"] = c.where.line;
    e["period"] = to_string(c.period);
    e["severity"] = to_string(c.severity);
    e["result"] = to_string(c.kind);
    e["explanation"] = c.explanation;
    e["message"] = c.message;
    checks.push_back(std::move(e));
  }
  j["checks"] = std::move(checks);
  Json figures = Json::object();
  for (const auto& [name, f] : r.figures) {
    Json e;
    e["written"] = f.written;
    e["file"] = f.where.file;
    e["line"] = f.where.line;
    e["problem"] = f.problem;
    figures[name] = std::move(e);
  }
  j["figures"] = std::move(figures);
  Json tallies;
  tallies["by_level1"] = Json::array();
  for (const Tally& t : r.by_level1) tallies["by_level1"].push_back(tally_json(t));
  tallies["by_level2"] = Json::array();
  for (const Tally& t : r.by_level2) tallies["by_level2"].push_back(tally_json(t));
  tallies["total"] = tally_json(r.total);
  j["tallies"] = std::move(tallies);
  j["scoring"] = r.scoring ? scoring_json(*r.scoring) : Json(nullptr);
  if (r.scoring)
    if (FundsBlock b = funds_block(r); b.has_figures()) j["funds"] = funds_json(b);
  // Only for a re-checked self-evaluation (docs/report-schema.md).
  if (r.recheck) j["recheck"] = recheck_json(*r.recheck);
  Json owed = Json::array();
  for (std::size_t i = 0; i < r.results.size(); ++i)
    if (r.results[i].needs_reason) owed.push_back(i + 1);
  j["needs_reason"] = std::move(owed);
  Json diags = Json::array();
  for (const Diagnostic& d : r.diagnostics) {
    Json e;
    e["file"] = d.where.file;
    e["line"] = d.where.line;
    e["column"] = d.where.column;
    e["severity"] = to_string(d.severity);
    e["message"] = d.message;
    diags.push_back(std::move(e));
  }
  j["diagnostics"] = std::move(diags);
  return j;
}

}  // namespace indicheck
