#pragma once
// The two periods a target table sets targets for and actuals are reported
// in: mid-year (半年, 绩效运行监控) and year-end (全年, 绩效自评).

namespace indicheck {

enum class Period { half, year };

inline const char* to_string(Period p) {
  return p == Period::half ? "half" : "year";
}
inline const char* chinese(Period p) {
  return p == Period::half ? "半年" : "全年";
}

}  // namespace indicheck
