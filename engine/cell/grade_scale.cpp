#include "engine/cell/grade_scale.hpp"

namespace indicheck {

namespace {

const GradeScale kGradeScales[] = {
    {{"优秀", "良好", "合格", "不合格"}, false},
    {{"优", "良", "中", "差"}, false},
    {{"达标", "未达标"}, false},
    {{"有效", "无效"}, false},
    {{"达成", "部分达成", "未达成"}, true},
};

}  // namespace

std::span<const GradeScale> grade_scales() {
  return kGradeScales;
}

std::optional<OnScale> on_scale(std::string_view word) {
  for (const GradeScale& s : kGradeScales)
    for (std::size_t i = 0; i < s.words.size(); ++i)
      if (s.words[i] == word) return OnScale{&s, i};
  return std::nullopt;
}

std::string scale_text(const GradeScale& s) {
  std::string out;
  for (std::string_view w : s.words) out += (out.empty() ? "" : " > ") + std::string(w);
  return out;
}

}  // namespace indicheck
