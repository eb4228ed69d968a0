#pragma once
// The outcome of judging one actual against one target.

#include <string>
#include <vector>

namespace indicheck {

enum class VerdictKind {
  pass,       // the target is met
  fail,       // the target is missed
  partial,    // a graded qualitative answer: partly met (基本健全)
  manual,     // free text: a person must judge
  missing,    // no actual was reported
  error,      // the actual is unreadable or cannot be compared with the target
  no_target,  // the table sets no target for this indicator
};

inline constexpr VerdictKind kAllVerdicts[] = {
    VerdictKind::pass,    VerdictKind::fail,  VerdictKind::partial,  VerdictKind::manual,
    VerdictKind::missing, VerdictKind::error, VerdictKind::no_target};

// "pass", "fail", "partial", "manual", "missing", "error", "no-target": the
// words of JSON and of anything read back by a program, never translated.
const char* to_string(VerdictKind v);
// The verdict as a person reads it, in the language of the run: the words of
// to_string in English, 达成, 未达成, 部分达成, 需人工判断, 未填报, 无法判定 and
// 无目标值 in Chinese. For text, CSV, Markdown and HTML output.
const char* said(VerdictKind v);

struct Verdict {
  VerdictKind kind = VerdictKind::error;
  std::string explanation;               // both sides in one unit, and the comparison made
  std::vector<std::string> assumptions;  // every default applied, from target, actual and here
  // What rule files applied, each with its file and line: a rule's target, a
  // computed actual, 容差, 精度, a scale. Not assumptions: the auditor wrote them.
  std::vector<std::string> rules;
};

}  // namespace indicheck
