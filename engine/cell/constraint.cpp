#include "engine/cell/constraint.hpp"

#include "engine/cell/actual.hpp"

namespace indicheck {

const char* to_symbol(Comparator op) {
  switch (op) {
    case Comparator::eq:
      return "=";
    case Comparator::lt:
      return "<";
    case Comparator::le:
      return "≤";
    case Comparator::gt:
      return ">";
    case Comparator::ge:
      return "≥";
  }
  return "=";
}

const char* to_string(Comparator op) {
  switch (op) {
    case Comparator::eq:
      return "=";
    case Comparator::lt:
      return "<";
    case Comparator::le:
      return "<=";
    case Comparator::gt:
      return ">";
    case Comparator::ge:
      return ">=";
  }
  return "=";
}

bool holds(Comparator op, const Number& actual, const Number& target) {
  return holds_ordered(op, actual, target);
}

const char* Constraint::kind() const {
  struct Kind {
    const char* operator()(const QuantityConstraint&) const { return "quantity"; }
    const char* operator()(const RangeConstraint&) const { return "range"; }
    const char* operator()(const DeadlineConstraint&) const { return "deadline"; }
    const char* operator()(const LevelConstraint&) const { return "level"; }
    const char* operator()(const TextConstraint&) const { return "text"; }
    const char* operator()(const NoTarget&) const { return "none"; }
  };
  return std::visit(Kind{}, form);
}

const char* to_string(Grade g) {
  switch (g) {
    case Grade::met:
      return "met";
    case Grade::partly:
      return "partly met";
    case Grade::not_met:
      return "not met";
  }
  return "met";
}

}  // namespace indicheck
