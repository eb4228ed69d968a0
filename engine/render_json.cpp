// The report as JSON (schema indicheck.report/1, docs/report-schema.md).

#include "engine/render.hpp"

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
    e["reason"] = res.reason;
    indicators.push_back(std::move(e));
  }
  j["indicators"] = std::move(indicators);
  Json tallies;
  tallies["by_level1"] = Json::array();
  for (const Tally& t : r.by_level1) tallies["by_level1"].push_back(tally_json(t));
  tallies["by_level2"] = Json::array();
  for (const Tally& t : r.by_level2) tallies["by_level2"].push_back(tally_json(t));
  tallies["total"] = tally_json(r.total);
  j["tallies"] = std::move(tallies);
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
