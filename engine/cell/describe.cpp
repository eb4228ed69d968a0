// Constraints and verdicts for people (text) and tools (JSON).

#include "engine/cell/describe.hpp"
#include "engine/base/diagnostic.hpp"
#include "engine/base/message.hpp"
#include "engine/cell/grade_scale.hpp"

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
  return d.next_year ? tr("{} of the year after the table's", out)
                     : tr("{} of the table's year", out);
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
  if (u.symbol.empty()) return tr("(none)");
  bool plain = u.dimension.starts_with("count:") || u.dimension.starts_with("unit:");
  std::string out = u.symbol + " (" + (plain ? describe_dimension(u.dimension) : u.dimension);
  if (u.known && u.factor != Number::integer(1)) {
    std::string base = UnitTable::standard().base_symbol(u.dimension);
    if (base.empty() && u.dimension.starts_with("count:")) base = u.dimension.substr(6);
    out += ": 1" + u.symbol + " = " + u.factor.display() + base;
  }
  return out + ")";
}

// The kind of a target as a person reads it (JSON keeps Constraint::kind()).
const char* kind_said(const Constraint& c) {
  struct Kind {
    const char* operator()(const QuantityConstraint&) const {
      return trc("target kind", "quantity");
    }
    const char* operator()(const RangeConstraint&) const { return trc("target kind", "range"); }
    const char* operator()(const DeadlineConstraint&) const {
      return trc("target kind", "deadline");
    }
    const char* operator()(const LevelConstraint&) const { return trc("target kind", "level"); }
    const char* operator()(const TextConstraint&) const { return trc("target kind", "text"); }
    const char* operator()(const NoTarget&) const { return trc("target kind", "none"); }
  };
  return std::visit(Kind{}, c.form);
}

std::string bound(const Quantity& q, bool included) {
  return included ? tr("{} (included)", q.written()) : tr("{} (excluded)", q.written());
}

}  // namespace

std::string describe(const Constraint& c) {
  std::string out = tr("kind: {}", kind_said(c)) + "\n";
  struct Lines {
    std::string& out;
    void operator()(const QuantityConstraint& q) const {
      out += tr("op: {}", to_string(q.op)) + "\n";
      out += tr("value: {}", q.target.value.canonical()) + "\n";
      out += tr("unit: {}", unit_text(q.target.unit)) + "\n";
    }
    void operator()(const RangeConstraint& r) const {
      out += tr("low: {}", bound(r.low, r.low_inclusive)) + "\n";
      out += tr("high: {}", bound(r.high, r.high_inclusive)) + "\n";
      out += tr("unit: {}", unit_text(r.high.unit)) + "\n";
    }
    void operator()(const DeadlineConstraint& d) const {
      if (d.from) out += tr("from: {}", date_text(*d.from)) + "\n";
      out += tr("by: {} (included)", date_text(d.by)) + "\n";
    }
    void operator()(const LevelConstraint& l) const {
      if (l.op == Comparator::eq) {
        out += tr("level: {}", l.word) + "\n";
        return;
      }
      out += tr("level: {}", to_symbol(l.op) + l.word) + "\n";
      if (auto on = on_scale(l.word)) out += tr("scale: {}", scale_text(*on->scale)) + "\n";
    }
    void operator()(const TextConstraint& t) const {
      out += tr("text: {}", t.text) + "\n";
      out +=
          std::string(tr("judged by: a person, unless the actual states it word for word")) + "\n";
    }
    void operator()(const NoTarget&) const { out += std::string(tr("no target is set")) + "\n"; }
  };
  std::visit(Lines{out}, c.form);
  for (const auto& a : c.assumptions) out += tr("assumed: {}", a) + "\n";
  return out;
}

const char* kind_of(const Actual& a) {
  struct Kind {
    const char* operator()(const ActualQuantity&) const { return "quantity"; }
    const char* operator()(const ActualDate&) const { return "date"; }
    const char* operator()(const ActualLevel&) const { return "level"; }
    const char* operator()(const ActualGrade&) const { return "grade"; }
    const char* operator()(const ActualText&) const { return "text"; }
    const char* operator()(const ActualNone&) const { return "none"; }
  };
  return std::visit(Kind{}, a.form);
}

std::string describe(const Actual& a) {
  struct Kind {
    const char* operator()(const ActualQuantity&) const { return trc("actual kind", "quantity"); }
    const char* operator()(const ActualDate&) const { return trc("actual kind", "date"); }
    const char* operator()(const ActualLevel&) const { return trc("actual kind", "level"); }
    const char* operator()(const ActualGrade&) const { return trc("actual kind", "grade"); }
    const char* operator()(const ActualText&) const { return trc("actual kind", "text"); }
    const char* operator()(const ActualNone&) const { return trc("actual kind", "none"); }
  };
  std::string out = tr("kind: {}", std::visit(Kind{}, a.form)) + "\n";
  for (const auto& s : a.assumptions) out += tr("assumed: {}", s) + "\n";
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
    void operator()(const LevelConstraint& l) const {
      j["level"] = l.word;
      if (l.op != Comparator::eq) j["op"] = to_string(l.op);
    }
    void operator()(const TextConstraint& t) const { j["text"] = t.text; }
    void operator()(const NoTarget&) const {}
  };
  std::visit(Fields{j}, c.form);
  j["assumptions"] = c.assumptions;
  return j;
}

std::string describe(const Verdict& v) {
  std::string out = tr("verdict: {}", said(v.kind)) + "\n";
  out += tr("explanation: {}", v.explanation) + "\n";
  for (const auto& a : v.assumptions) out += tr("assumed: {}", a) + "\n";
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
  // A place in a published table (a cell "Sheet1!C7"), when the table was imported.
  if (!d.where.place.empty()) j["place"] = d.where.place;
  j["severity"] = to_string(d.severity);
  j["code"] = id_of(d.code);
  j["message"] = d.message;
  return j;
}

}  // namespace indicheck
