// The report as JSON (schema indicheck.report/2, docs/report-schema.md), written
// in pieces: the parts that grow with the table (indicators, reconciliations (核对), figures,
// tallies, diagnostics) are streamed one element at a time, so memory does not
// hold a JSON tree of the whole report (for 200 000 indicators that tree took
// over a gigabyte). The bytes are those nlohmann's dump(2) gives for the tree.

#include "engine/report/render.hpp"
#include "engine/report/render_rows.hpp"

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
  // A place in a published table (a cell "Sheet1!C7"), as a diagnostic's JSON gives it.
  if (!p.where.place.empty()) j["place"] = p.where.place;
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

// Writes JSON laid out as nlohmann's dump(2): objects and arrays opened and
// closed here, their members given one by one; a member that is a small tree
// is dumped by nlohmann and indented to its depth.
class JsonStream {
 public:
  explicit JsonStream(const TextSink& sink) : sink_(sink) {}
  void begin_object() { begin('{'); }
  void end_object() { end('}'); }
  void begin_array() { begin('['); }
  void end_array() { end(']'); }
  // The key of the next member of an object.
  void key(const std::string& name) {
    next_item();
    sink_(dump(Json(name)) + ": ");
    after_key_ = true;
  }
  void value(const Json& j) {
    if (!after_key_) next_item();
    after_key_ = false;
    // dump(2) never puts a raw line break inside a string: each one starts a
    // line that belongs one level deeper per enclosing container.
    std::string text = dump(j);
    const std::string indent = "\n" + std::string(2 * frames_.size(), ' ');
    std::size_t from = 0;
    for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', from)) {
      sink_(std::string_view(text).substr(from, at - from));
      sink_(indent);
      from = at + 1;
    }
    sink_(std::string_view(text).substr(from));
  }
  void member(const std::string& name, const Json& j) {
    key(name);
    value(j);
  }

 private:
  struct Frame {
    char open;
    bool empty = true;
  };
  static std::string dump(const Json& j) {
    // Replace, not throw, on a byte that is not UTF-8 (a file name from the
    // command line may hold one): the report is never cut off half-written.
    return j.dump(2, ' ', false, Json::error_handler_t::replace);
  }
  void begin(char open) {
    if (!after_key_ && !frames_.empty()) next_item();
    after_key_ = false;
    frames_.push_back({open});
  }
  void end(char close) {
    Frame f = frames_.back();
    frames_.pop_back();
    if (f.empty)
      sink_(std::string{f.open, close});
    else
      sink_("\n" + std::string(2 * frames_.size(), ' ') + close);
  }
  // Starts an element or member: the container's opening bracket or a comma,
  // then the line's indentation.
  void next_item() {
    Frame& f = frames_.back();
    sink_(f.empty ? std::string{f.open, '\n'} : std::string(",\n"));
    f.empty = false;
    sink_(std::string(2 * frames_.size(), ' '));
  }
  const TextSink& sink_;
  std::vector<Frame> frames_;
  bool after_key_ = false;
};

Json indicator_json(const IndicatorResult& res, std::size_t index) {
  const Indicator& ind = *res.indicator;
  Json e;
  e["index"] = index;
  e["line"] = ind.line;
  // Imported from a published table: the target's cell there ("自评表!D10", a
  // CSV's line), as a diagnostic's "place"; "line" stays the targets text's.
  const Cell& target = ind.year_target.where.place.empty() ? ind.half_target : ind.year_target;
  if (!target.where.place.empty()) e["place"] = target.where.place;
  e["path"] = ind.path();
  e["level1"] = ind.level1;
  e["level2"] = ind.level2;
  e["key_work"] = ind.key_work;
  e["indicator"] = ind.name;
  e["target"] = res.target();
  e["kind"] = res.kind;
  e["actual"] = res.actual();
  e["verdict"] = to_string(res.verdict.kind);
  e["explanation"] = res.verdict.explanation;
  e["assumptions"] = res.verdict.assumptions;
  e["rules"] = res.verdict.rules;
  e["reason"] = res.reason();
  e["needs_reason"] = res.needs_reason;
  e["score"] = res.score ? score_json(*res.score) : Json(nullptr);
  e["unscored"] = res.unscored.value_or("");
  if (res.outlook) {
    Json o;
    o["on_track"] = to_string(res.outlook->on_track);
    o["chinese"] = chinese(res.outlook->on_track);
    o["explanation"] = res.outlook->explanation;
    e["outlook"] = std::move(o);
  } else {
    e["outlook"] = nullptr;
  }
  return e;
}

Json reconciliation_json(const rules::ReconciliationResult& c) {
  Json e;
  e["check"] = c.written;
  e["file"] = c.where.file;
  e["line"] = c.where.line;
  e["period"] = to_string(c.period);
  e["severity"] = to_string(c.severity);
  e["result"] = to_string(c.kind);
  e["explanation"] = c.explanation;
  e["message"] = c.message;
  return e;
}

Json figure_json(const rules::ReportedFigure& f) {
  Json e;
  e["written"] = f.written;
  e["file"] = f.where.file;
  e["line"] = f.where.line;
  e["problem"] = f.problem;
  if (!f.problem.empty()) e["code"] = id_of(f.problem_code);
  return e;
}

}  // namespace

void write_json(const Report& r, const TextSink& sink) {
  JsonStream j(sink);
  j.begin_object();
  j.member("schema", kReportSchema);
  j.member("unit", r.unit);
  if (!r.heading.empty()) {  // only when the targets file gives it (schema 2, added)
    Json heading = Json::object();
    for (const auto& [key, value] : r.heading) heading[key] = value;
    j.member("heading", heading);
  }
  j.member("year", r.year ? Json(*r.year) : Json(nullptr));
  j.member("period", to_string(r.period));
  j.member("targets", r.targets_file);
  j.member("actuals", r.actuals_file);
  j.key("indicators");
  j.begin_array();
  for (std::size_t i = 0; i < r.results.size(); ++i) j.value(indicator_json(r.results[i], i + 1));
  j.end_array();
  j.key("checks");
  j.begin_array();
  for (const auto& c : r.reconciliations) j.value(reconciliation_json(c));
  j.end_array();
  j.key("figures");
  j.begin_object();
  for (const auto& [name, f] : r.figures) j.member(name, figure_json(f));
  j.end_object();
  j.key("tallies");
  j.begin_object();
  j.key("by_level1");
  j.begin_array();
  for (const Tally& t : r.by_level1) j.value(tally_json(t));
  j.end_array();
  j.key("by_level2");
  j.begin_array();
  for (const Tally& t : r.by_level2) j.value(tally_json(t));
  j.end_array();
  j.member("total", tally_json(r.total));
  j.end_object();
  j.member("scoring", r.scoring ? scoring_json(*r.scoring) : Json(nullptr));
  if (r.scoring)
    if (FundsBlock b = funds_block(r); b.has_figures()) j.member("funds", funds_json(b));
  // Only for a re-checked self-evaluation (docs/report-schema.md).
  if (r.recheck) j.member("recheck", recheck_json(*r.recheck));
  // Only at mid-year: the outlooks counted per 一级指标, the total last.
  if (auto tallies = outlook_tallies(r); !tallies.empty()) {
    Json counts = Json::array();
    for (const auto& t : tallies)
      counts.push_back(Json{{"name", t.name},
                            {"certain", t.certain},
                            {"possible", t.possible},
                            {"impossible", t.impossible}});
    j.member("outlook_counts", counts);
  }
  j.key("needs_reason");
  j.begin_array();
  for (std::size_t i = 0; i < r.results.size(); ++i)
    if (r.results[i].needs_reason) j.value(i + 1);
  j.end_array();
  j.key("diagnostics");
  j.begin_array();
  for (const Diagnostic& d : r.diagnostics) j.value(to_json(d));
  j.end_array();
  j.end_object();
  sink("\n");
}

}  // namespace indicheck
