// libFuzzer target: a flat batch table (docs/batch.md) through batch::Runner,
// with every row formatted, once with 1 thread and once with 3, in blocks of
// 4 KiB so that lines straddle block and thread boundaries.
// Invariants: nothing throws; an unusable file says why; both runs give the
// same row output, row and line counts and tallies (the output does not
// depend on the thread count); every row is accounted for: the tallies'
// total equals the rows judged, and the rows equal the non-blank lines.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/batch/batch.hpp"
#include "tests/fuzz/fuzz_common.hpp"

using namespace indicheck;

namespace {

struct Outcome {
  batch::FileResult result;
  batch::Tallies tallies;
  std::string rows;
};

Outcome run(std::string_view input, unsigned threads) {
  batch::Options options;
  options.threads = threads;
  options.block_bytes = 4096;
  options.context.year = 2024;
  options.format = [](std::string& out, const batch::Row& row) {
    fuzz::check_verdict(row.verdict);
    out += std::to_string(row.line);
    out += row.malformed ? " malformed " + std::to_string(row.fields) : " ";
    out += batch::bench_letter(row.verdict);
    for (std::string_view cell :
         {row.unit, row.level1, row.level2, row.indicator, row.period, row.target, row.actual}) {
      out += '|';
      out += cell;
    }
    out += '\n';
  };
  batch::Runner runner(options);
  std::size_t pos = 0;
  batch::Reader read = [&](char* buf, std::size_t n) {
    // Short reads, as from a pipe.
    std::size_t k = std::min({n, input.size() - pos, std::size_t{1000}});
    std::copy_n(input.data() + pos, k, buf);
    pos += k;
    return k;
  };
  Outcome o;
  o.result = runner.run(read, [&](std::string_view text) { o.rows += text; });
  o.tallies = runner.tallies();
  return o;
}

bool same(const batch::Tallies& a, const batch::Tallies& b) {
  return a.total == b.total && a.malformed == b.malformed &&
         batch::Tallies::sorted(a.by_unit) == batch::Tallies::sorted(b.by_unit) &&
         batch::Tallies::sorted(a.by_level1) == batch::Tallies::sorted(b.by_level1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  Outcome one = run(input, 1);
  if (!one.result.usable) {
    fuzz::require(!one.result.error.message.empty(), "an unusable file without a reason");
    fuzz::require(one.tallies.total.total == 0, "an unusable file was tallied");
    return 0;
  }
  fuzz::require(one.tallies.total.total == one.result.rows, "a row was lost from the tallies");
  fuzz::require(one.result.lines <= size + 1, "more lines than bytes");
  Outcome three = run(input, 3);
  fuzz::require(three.result.usable && three.result.rows == one.result.rows &&
                    three.result.lines == one.result.lines,
                "row or line counts depend on the thread count");
  fuzz::require(three.rows == one.rows, "row output depends on the thread count");
  fuzz::require(same(one.tallies, three.tallies), "tallies depend on the thread count");
  return 0;
}
