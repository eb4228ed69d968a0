#pragma once
// Batch evaluation of flat tables: one row per indicator per unit (unit id,
// 一级, 二级, indicator, period, target, actual), judged row by row with the
// same parse_target / parse_actual / evaluate as `indicheck eval`, and tallied
// per unit and per 一级指标. Streaming: input arrives block by block through a
// Reader, so memory stays flat whatever the input size. Pure: no files, no
// logging; docs/batch.md describes the format.

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/base/code.hpp"
#include "engine/cell/evaluate.hpp"
#include "engine/cell/verdict.hpp"

namespace indicheck::batch {

// The columns a batch table may have; unit, level1, target and actual are required.
enum class Column { unit, level1, level2, indicator, period, target, actual };
inline constexpr std::size_t kColumnCount = 7;

// Where each column stands in a row, from the header line.
struct ColumnMap {
  std::array<int, kColumnCount> index{-1, -1, -1, -1, -1, -1, -1};
  std::size_t fields = 0;  // cells in the header: every row must have as many
  char separator = '\t';   // '\t' (TSV) or ',' (CSV, unquoted cells only)

  int at(Column c) const { return index[static_cast<std::size_t>(c)]; }
};

// Why a file cannot be read as an export: always about line 1, the header.
struct HeaderProblem {
  Code code{};  // set with the message
  std::string message;
};

// Maps a header line (without its line end; a UTF-8 BOM is allowed; at most
// BatchLimits::max_header_bytes) to columns.
// `separator` 0 guesses: a tab anywhere means TSV, else CSV. nullopt with
// `error` set when a required column is missing or named twice.
std::optional<ColumnMap> map_header(std::string_view line, char separator, HeaderProblem* error);

// The verdict counts of one unit, one 一级指标 or the total.
struct Counts {
  std::array<std::uint64_t, std::size(kAllVerdicts)> n{};
  std::uint64_t total = 0;

  void add(VerdictKind v) {
    ++n[static_cast<std::size_t>(v)];
    ++total;
  }
  std::uint64_t count(VerdictKind v) const { return n[static_cast<std::size_t>(v)]; }
  void merge(const Counts& o);
  bool operator==(const Counts&) const = default;
  // The bench mapping (SEMANTICS.md): pass; fail = fail + partial; error = the rest.
  std::uint64_t bench_pass() const { return count(VerdictKind::pass); }
  std::uint64_t bench_fail() const {
    return count(VerdictKind::fail) + count(VerdictKind::partial);
  }
  std::uint64_t bench_error() const { return total - bench_pass() - bench_fail(); }
};

// The category a row with the wrong number of cells is tallied under.
inline constexpr std::string_view kMalformed = "(malformed)";

// 'p', 'f' or 'e': the bench mapping of a verdict.
char bench_letter(VerdictKind v);

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Tallies {
  std::unordered_map<std::string, Counts, StringHash, std::equal_to<>> by_unit, by_level1;
  Counts total;
  std::uint64_t malformed = 0;  // rows with the wrong number of cells (also counted as errors)

  void add(std::string_view unit, std::string_view level1, VerdictKind v);
  void merge(const Tallies& o);
  // (name, counts) sorted by UTF-8 byte order of the name.
  static std::vector<std::pair<std::string, Counts>> sorted(
      const std::unordered_map<std::string, Counts, StringHash, std::equal_to<>>& m);
};

// One judged row, as handed to a RowFormatter. The views point into the input
// block and are valid only during the call.
struct Row {
  std::uint64_t line = 0;  // 1-based line in the file
  bool malformed = false;  // wrong number of cells: unit/level1/… are empty
  std::size_t fields = 0;  // cells found
  std::string_view unit, level1, level2, indicator, period, target, actual;
  VerdictKind verdict = VerdictKind::error;
  // Why, with the assumptions made (Options::explain_rows only; else empty).
  std::string_view explanation;
};

// `text` with every byte that is not part of valid UTF-8, and every control
// character, written as \xNN: a row printed for a person shows what the cell
// holds without breaking the terminal or the output's encoding.
std::string printable(std::string_view text);

// Judges rows; keeps bounded caches (one Judge per thread: they are not
// shared) of parsed targets keyed by the raw cell, and of verdicts keyed by
// the raw (target, actual) pair. A full cache stops growing: memory is flat.
class Judge {
 public:
  // At most `max_cached` targets, pairs and actuals each are kept.
  // `fast` false turns the fast paths of engine/cell/fast_path.hpp off (for tests
  // that compare both ways); the verdicts are the same.
  explicit Judge(EvaluationContext context = {}, std::size_t max_cached = 1u << 12,
                 bool fast = true);
  ~Judge();
  Judge(Judge&&) noexcept;
  Judge& operator=(Judge&&) noexcept;

  // `no_spaces`: the caller has seen that neither cell holds an ASCII space
  // (process_block knows it per line), so the fast paths need not look.
  VerdictKind judge(std::string_view target, std::string_view actual, bool no_spaces = false);
  // The explanation `eval` gives for the pair (a second, explaining
  // evaluation: batch asks only for the rows it prints), with its assumptions.
  std::string explain(std::string_view target, std::string_view actual) const;
  // Entries in the caches (targets, pairs, unreadable actuals).
  std::size_t cached() const;

 private:
  // judge for a pair the fast path declines and the recent-pair slots do not hold.
  VerdictKind judge_slow(std::string_view target, std::string_view actual, bool no_spaces);
  VerdictKind judge_uncached(const Constraint& target, std::string_view actual);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Appends the text for one row to `out` (called only when rows are wanted).
using RowFormatter = std::function<void(std::string& out, const Row& row)>;

// Splits `block` (whole lines, each ending in '\n' except possibly the last)
// into rows, judges and tallies them; `first_line` is the line number of the
// block's first line. Blank lines (after removing a trailing '\r') are skipped.
struct BlockCount {
  std::uint64_t lines = 0;  // lines seen, blank ones included
  std::uint64_t rows = 0;   // rows judged (blank lines are not rows)
};
// With `explain`, each row handed to `format` carries its explanation.
BlockCount process_block(std::string_view block, std::uint64_t first_line, const ColumnMap& columns,
                         Judge& judge, Tallies& tallies, const RowFormatter* format,
                         std::string* out, bool explain = false);

// Reads up to `n` bytes into `buf`; 0 means the end of the input. With N
// threads it is called from any of them, but never from two at once.
using Reader = std::function<std::size_t(char* buf, std::size_t n)>;
// Receives formatted row output, in input order; like the Reader, from any
// thread, one call at a time.
using Writer = std::function<void(std::string_view text)>;

// Told, as each block of an input is taken, the bytes of that input read so
// far (its header included) and its rows judged so far (in blocks already
// finished). Called from any worker thread, one call at a time.
using Progress = std::function<void(std::uint64_t bytes_read, std::uint64_t rows)>;

// The progress line `batch` shows on a terminal, without line end or escape
// codes: "large.tsv: 412 MB of 754 MB (54%), 5480000 rows, 10.2M rows/s".
// `total` is the input's size when known (a file; not a pipe); MB are 10^6
// bytes, the share is rounded down, the rate uses the elapsed milliseconds
// and is left out before the first.
std::string progress_line(std::string_view name, std::uint64_t bytes,
                          std::optional<std::uint64_t> total, std::uint64_t rows,
                          std::uint64_t elapsed_ms);

struct Options {
  unsigned threads = 1;
  std::size_t block_bytes = std::size_t{1} << 20;  // the lines a thread takes at a time
  char separator = 0;                              // 0: guess from the header
  EvaluationContext context;
  RowFormatter format;        // empty: rows are only tallied
  bool explain_rows = false;  // give each formatted row its explanation (--rows)
  Progress progress;          // empty: no progress is reported
};

// The outcome of one input.
struct FileResult {
  bool usable = true;   // false: no header, or a required column is missing
  HeaderProblem error;  // why not
  std::uint64_t rows = 0;
  std::uint64_t lines = 0;
};

// Runs inputs one after another with N threads; tallies accumulate over all
// of them. Output (rows and tallies) does not depend on the thread count.
class Runner {
 public:
  explicit Runner(Options options);
  ~Runner();

  FileResult run(const Reader& read, const Writer& write);
  // The tallies over every input so far (merged in a fixed order).
  Tallies tallies() const;

 private:
  Options options_;
  std::vector<Judge> judges_;
  std::vector<Tallies> tallies_;
  std::vector<char> buffer_;
};

}  // namespace indicheck::batch
