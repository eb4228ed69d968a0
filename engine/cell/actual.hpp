#pragma once
// Actual values (实际完成值) as reported, once parsed.

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/cell/constraint.hpp"

namespace indicheck {

// The three grades of a qualitative answer.
enum class Grade { met, partly, not_met };
const char* to_string(Grade g);

struct ActualQuantity {
  // How the figure was written: as it is (96%), more than it (600余人, 200多名:
  // any value above it), or about it (约40%, 40%左右: within ±5% of it).
  enum class Reading { exact, more_than, about };
  Number value;
  std::optional<Unit> unit;  // empty: written without a unit
  Reading reading = Reading::exact;
};

struct ActualDate {
  CalendarDate date;
};

// `健全`, `基本健全` (partly), `不健全` (not); `是` / `否`.
struct ActualLevel {
  std::string word;
  std::string modifier;  // "", "基本", "较", "未", …; "否" for 否
  Grade grade;
  std::string spelled;  // the level as reported: 健全, 基本健全, 是, 否
};

// The official wording: 达成预期指标 / 部分达成预期指标并具有一定效果 / 未达成预期指标且效果较差.
struct ActualGrade {
  Grade grade;
};

struct ActualText {
  std::string text;
};

// An empty cell or a placeholder such as `/`, `--`, `N/A`.
struct ActualNone {
  std::string written;
};

using ActualForm =
    std::variant<ActualQuantity, ActualDate, ActualLevel, ActualGrade, ActualText, ActualNone>;

struct Actual {
  ActualForm form;
  std::string written;
  std::vector<std::string> assumptions;  // every default applied while reading it
};

}  // namespace indicheck
