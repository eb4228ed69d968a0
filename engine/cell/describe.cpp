// Constraints and verdicts for people (text) and tools (JSON).

#include "engine/cell/describe.hpp"
#include "engine/base/diagnostic.hpp"

namespace indicheck {

namespace {

Json unit_json(const Unit& u) {
  Json j;
  j["symbol"] = u.symbol;
  j["dimension"] = u.dimension;
  j["factor"] = u.factor.canonical();
  j["known"] = u.known;
  return j;
}

Json quantity_json(const Quantity& q) {
  Json j;
  j["value"] = q.value.canonical();
  j["unit"] = q.unit.symbol;
  j["dimension"] = q.unit.dimension;
  return j;
}

std::string date_text(const CalendarDate& d) {
  std::string out = d.year ? std::to_string(*d.year) + "年" : "";
  out += std::to_string(d.month) + "月";
  out += d.day ? std::to_string(*d.day) + "日" : "底";
  if (d.year) return out;
  return out + (d.next_year ? " of the year after the table's" : " of the table's year");
}

Json date_json(const CalendarDate& d) {
  Json j;
  j["year"] = d.year ? Json(*d.year) : Json(nullptr);
  if (d.next_year) j["next_year"] = true;
  j["month"] = d.month;
  j["day"] = d.day ? Json(*d.day) : Json("end");
  return j;
}

std::string unit_text(const Unit& u) {
  if (u.symbol.empty()) return "(none)";
  bool plain = u.dimension.starts_with("count:") || u.dimension.starts_with("unit:");
  std::string out = u.symbol + " (" + (plain ? describe_dimension(u.dimension) : u.dimension);
  if (u.known && u.factor != Number::integer(1)) {
    std::string base = UnitTable::standard().base_symbol(u.dimension);
    if (base.empty() && u.dimension.starts_with("count:")) base = u.dimension.substr(6);
    out += ": 1" + u.symbol + " = " + u.factor.display() + base;
  }
  return out + ")";
}

}  // namespace

std::string describe(const Constraint& c) {
  std::string out = "kind: " + std::string(c.kind()) + "\n";
  struct Lines {
    std::string& out;
    void operator()(const QuantityConstraint& q) const {
      out += "op: " + std::string(to_string(q.op)) + "\n";
      out += "value: " + q.target.value.canonical() + "\n";
      out += "unit: " + unit_text(q.target.unit) + "\n";
    }
    void operator()(const RangeConstraint& r) const {
      out += "low: " + r.low.written() + (r.low_inclusive ? " (included)" : " (excluded)") + "\n";
      out +=
          "high: " + r.high.written() + (r.high_inclusive ? " (included)" : " (excluded)") + "\n";
      out += "unit: " + unit_text(r.high.unit) + "\n";
    }
    void operator()(const DeadlineConstraint& d) const {
      if (d.from) out += "from: " + date_text(*d.from) + "\n";
      out += "by: " + date_text(d.by) + " (included)\n";
    }
    void operator()(const LevelConstraint& l) const { out += "level: " + l.word + "\n"; }
    void operator()(const TextConstraint& t) const {
      out += "text: " + t.text + "\n";
      out += "judged by: a person, unless the actual states it word for word\n";
    }
    void operator()(const NoTarget&) const { out += "no target is set\n"; }
  };
  std::visit(Lines{out}, c.form);
  for (const auto& a : c.assumptions) out += "assumed: " + a + "\n";
  return out;
}

Json to_json(const Constraint& c) {
  Json j;
  j["kind"] = c.kind();
  j["written"] = c.written;
  struct Fields {
    Json& j;
    void operator()(const QuantityConstraint& q) const {
      j["op"] = to_string(q.op);
      j["value"] = q.target.value.canonical();
      j["unit"] = q.target.unit.symbol;
      j["unit_info"] = unit_json(q.target.unit);
    }
    void operator()(const RangeConstraint& r) const {
      j["low"] = quantity_json(r.low);
      j["low_inclusive"] = r.low_inclusive;
      j["high"] = quantity_json(r.high);
      j["high_inclusive"] = r.high_inclusive;
      j["unit"] = r.high.unit.symbol;
    }
    void operator()(const DeadlineConstraint& d) const {
      if (d.from) j["from"] = date_json(*d.from);
      j["by"] = date_json(d.by);
    }
    void operator()(const LevelConstraint& l) const { j["level"] = l.word; }
    void operator()(const TextConstraint& t) const { j["text"] = t.text; }
    void operator()(const NoTarget&) const {}
  };
  std::visit(Fields{j}, c.form);
  j["assumptions"] = c.assumptions;
  return j;
}

std::string describe(const Verdict& v) {
  std::string out = std::string("verdict: ") + to_string(v.kind) + "\n";
  out += "explanation: " + v.explanation + "\n";
  for (const auto& a : v.assumptions) out += "assumed: " + a + "\n";
  return out;
}

Json to_json(const Verdict& v) {
  Json j;
  j["verdict"] = to_string(v.kind);
  j["explanation"] = v.explanation;
  j["assumptions"] = v.assumptions;
  return j;
}

Json to_json(const Diagnostic& d) {
  Json j;
  j["file"] = d.where.file;
  j["line"] = d.where.line;
  j["column"] = d.where.column;
  j["severity"] = to_string(d.severity);
  j["code"] = id_of(d.code);
  j["message"] = d.message;
  return j;
}

}  // namespace indicheck
