#pragma once
// The ordered grade scales of published tables, best first
// (docs/expressions.md, "Grade scales"): which word beats which. A rule
// file's 量表 adds scales of its own (engine/rules).

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace indicheck {

struct GradeScale {
  std::vector<std::string_view> words;  // best first
  bool bands;  // 达成 / 部分达成 / 未达成: the three grades of 财预〔2020〕10号
};

// Every built-in scale. grammar/lexicon.hpp's `grade_word` spells the same
// words (tests/cell/readings_test.cpp checks that they agree).
std::span<const GradeScale> grade_scales();

struct OnScale {
  const GradeScale* scale;
  std::size_t rank;  // 0 is the best
};
// The scale holding `word` and its rank there; nullopt when none does.
std::optional<OnScale> on_scale(std::string_view word);

// "优秀 > 良好 > 合格 > 不合格"
std::string scale_text(const GradeScale& s);

}  // namespace indicheck
