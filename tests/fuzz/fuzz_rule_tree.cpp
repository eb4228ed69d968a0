// libFuzzer target: rule trees of any shape (issue 15, item 1). The bytes are
// not a rule file but a small program that writes one, so that a few bytes can
// stand for a 20 000-term flat sum, a paren nest, a chain of unary minus or a
// long chain of 定义 — shapes a byte-level fuzzer of rule text (fuzz_rules)
// would need kilobytes of input to reach.
//
//   byte 0        the shape of the file: bit 0 a 定义 chain after the expression,
//                 bit 1 the expression in an 实际值 of an 指标 as well
//   bytes 1, 2    the chain's length (0 – 65535, written as at most kMaxChain)
//   the rest      instructions, one byte each: an operand (甲, a literal, a name
//                 of the chain), an operator (+ - × ÷ * / －), an opening or a
//                 closing parenthesis, a unary minus, or a repeat of the last
//                 operator and operand 1 – 65535 times (two more bytes;
//                 at most kMaxRepeat are written, kMaxRepeated in all)
//
// The text is cut at 128 KiB and a repeat writes at most kMaxRepeat terms:
// a flat sum of 512 terms is twice the height a built tree may have
// (RuleLimits::max_expr_height, 256), and the 20 000-term sums and the 1 MiB
// file-size refusal are goldens of the release tests (lint-hostile-flat-sum,
// fmt-hostile-flat-sum, fmt-oversize-rule-file). Under ASan, UBSan and
// coverage a 20 000-term sum (`7a 00 00 00 03 4e 20`) took 7.4 s of CPU, over
// -timeout on a loaded machine.
//
// Invariants: nothing crashes or throws (a stack overflow is a crash under
// ASan); every diagnostic is located inside the file; a rule set that loads
// without an error is evaluated whole (every 定义 and every constant 核对)
// without a crash; a file that parses formats to a file that parses and
// formats to itself (fmt's printer walks the same trees).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/base/limits.hpp"
#include "engine/rules/eval.hpp"
#include "engine/rules/load.hpp"
#include "engine/rules/syntax.hpp"
#include "tests/fuzz/fuzz_common.hpp"
#include "tests/fuzz/fuzz_fmt.hpp"

using namespace indicheck;

namespace {

class Program {
 public:
  Program(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  bool done() const { return at_ >= size_; }
  unsigned byte() { return done() ? 0 : data_[at_++]; }
  unsigned word() { return byte() << 8 | byte(); }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

constexpr std::size_t kMaxText = std::size_t{128} * 1024;
constexpr unsigned kMaxRepeat = 512;

// All repeats of one expression together write at most kMaxRepeated terms.
// Each repeat alone was bounded, but an input of forty repeats
// (`02 04 04 … 33 33 33 …`) wrote a flat product of 20 000 terms, twice,
// and took 3.9 s of CPU here (0.5 s in the release build, which the
// goldens lint-hostile-flat-sum and fmt-hostile-flat-sum already run).
constexpr unsigned kMaxRepeated = 2048;

// A chain longer than 定义 may nest (RuleLimits, E3312 at 64) is refused, and
// 200 links reach that refusal three times over. The seed `01 27 10 00` asked
// for 10 000 (300 KB): 0.2 s in the release build but 10 s of CPU in this one
// (ASan, UBSan, coverage), and 1 000 links beside a long expression still took
// 2.7 s, over -timeout (wall time) on the loaded machine. The 10 000-link
// chain is the golden lint-hostile-define-chain, run by every test build.
constexpr unsigned kMaxChain = 200;

// Writes one expression from the instructions; always well bracketed at the
// end (closing what is open), though the instructions may make it anything.
std::string expression(Program& p, unsigned chain) {
  static const char* const operands[] = {"甲", "1万元", "2", "0.5万元", "甲 [半年]", "3亩"};
  static const char* const operators[] = {" + ", " - ", " × ", " ÷ ", " * ", " / ", " － "};
  std::string out;
  std::string last_pair;  // the last operator and operand written
  unsigned open = 0;
  bool want_operand = true;
  std::string pending_operator;
  unsigned repeated = 0;  // terms written by repeats so far
  auto operand = [&](const std::string& text) {
    out += text;
    last_pair = pending_operator + text;
    pending_operator.clear();
    want_operand = false;
  };
  while (!p.done() && out.size() < kMaxText) {
    unsigned op = p.byte();
    if (want_operand) {
      switch (op % 8) {
        case 0:
        case 1:
        case 2:
          operand(operands[(op / 8) % std::size(operands)]);
          break;
        case 3:
          operand(chain ? "乙" + std::to_string((op / 8) % chain) : "甲");
          break;
        case 4:
        case 5:
          out += "(";
          ++open;
          break;
        default:
          out += "-";
          break;
      }
      continue;
    }
    switch (op % 4) {
      case 0:
      case 1:
        pending_operator = operators[(op / 4) % std::size(operators)];
        out += pending_operator;
        want_operand = true;
        break;
      case 2:
        if (open) {
          out += ")";
          --open;
        }
        break;
      default: {
        unsigned times = std::min({p.word(), kMaxRepeat, kMaxRepeated - repeated});
        repeated += times;
        for (unsigned i = 0; i < times && out.size() < kMaxText; ++i)
          out += last_pair.empty() ? " + 甲" : last_pair;
        break;
      }
    }
  }
  if (want_operand) out += "甲";
  out.append(open, ')');
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Program p(data, size);
  const unsigned shape = p.byte();
  const unsigned chain = (shape & 1) ? std::min(p.word(), kMaxChain) : 0;
  std::string text = "定义 甲 = 1万元\n";
  std::string expr = expression(p, chain);
  text += "定义 丙 = " + expr + "\n";
  text += "核对 丙 >= 甲 - 甲\n";
  if (shape & 2) text += "上报 人次 人\n指标 培训人数 {\n  实际值 = " + expr + "\n}\n";
  // A chain: 乙0 uses 乙1, … the last a constant.
  for (unsigned i = 0; i < chain && text.size() < kMaxText; ++i)
    text += "定义 乙" + std::to_string(i) + " = " +
            (i + 1 < chain ? "乙" + std::to_string(i + 1) + " + 甲" : std::string("甲")) + "\n";

  std::vector<Diagnostic> ds;
  auto set = rules::load_rules_text("fuzz.rules", text, ds);
  fuzz::check_diagnostics(ds, text.size());
  if (set && !has_errors(ds)) {
    rules::Evaluator ev(*set, Period::year, {});
    for (const auto& [name, def] : set->derived)
      if (def.expr) (void)ev.eval(*def.expr);
    for (const auto& r : rules::reconcile(ev, true)) fuzz::check_verdict(r.kind);
  }

  fuzz::check_fmt(text);
  return 0;
}
