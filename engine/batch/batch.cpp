#include "engine/batch/batch.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <mutex>
#include <thread>
#include <variant>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "engine/base/blank.hpp"
#include "engine/base/limits.hpp"
#include "engine/base/message.hpp"
#include "engine/base/normalise.hpp"
#include "engine/base/utf8.hpp"
#include "engine/cell/fast_path.hpp"
#include "engine/cell/parse.hpp"

namespace indicheck::batch {

namespace {

// Every header spelling of each column: the bench's and the Chinese table's.
struct HeaderName {
  std::string_view name;
  Column column;
};
constexpr HeaderName kHeaderNames[] = {
    {"dept_id", Column::unit},        {"单位", Column::unit},          {"level1", Column::level1},
    {"一级指标", Column::level1},     {"level2", Column::level2},      {"二级指标", Column::level2},
    {"indicator", Column::indicator}, {"三级指标", Column::indicator}, {"period", Column::period},
    {"期间", Column::period},         {"target_expr", Column::target}, {"指标值", Column::target},
    {"actual", Column::actual},       {"实际值", Column::actual},
};
constexpr std::string_view kColumnNames[] = {"unit",   "level1", "level2", "indicator",
                                             "period", "target", "actual"};
constexpr Column kRequired[] = {Column::unit, Column::level1, Column::target, Column::actual};

// a == b for the short strings batch compares on every row (names of a
// 一级指标, unit spellings): a word from each end for 4 to 16 bytes, a
// byte loop below; memcmp only beyond 16 bytes.
template <typename W>
[[gnu::always_inline]] inline bool same_ends(const char* a, const char* b, std::size_t n) {
  W a0, a1, b0, b1;
  std::memcpy(&a0, a, sizeof(W));
  std::memcpy(&b0, b, sizeof(W));
  std::memcpy(&a1, a + n - sizeof(W), sizeof(W));
  std::memcpy(&b1, b + n - sizeof(W), sizeof(W));
  return ((a0 ^ b0) | (a1 ^ b1)) == 0;
}

[[gnu::always_inline]] inline bool same_bytes(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  if (n >= 8) {
    if (n <= 16) return same_ends<std::uint64_t>(a.data(), b.data(), n);
    return std::memcmp(a.data(), b.data(), n) == 0;
  }
  if (n >= 4) return same_ends<std::uint32_t>(a.data(), b.data(), n);
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// A hash of a short name from its length and its outer four bytes each side,
// mixed by one multiplication: the top bits pick a slot in a small table.
[[gnu::always_inline]] inline std::uint64_t short_hash(std::string_view s) {
  std::uint32_t a = 0, b = 0;
  if (s.size() >= 4) {
    std::memcpy(&a, s.data(), 4);
    std::memcpy(&b, s.data() + s.size() - 4, 4);
  } else if (!s.empty()) {  // 1 to 3 bytes: the first, middle and last
    a = static_cast<unsigned char>(s[0]) | static_cast<unsigned char>(s[s.size() / 2]) << 8 |
        static_cast<unsigned char>(s[s.size() - 1]) << 16;
  }
  return ((std::uint64_t{a} << 32 | b) ^ s.size()) * 0x9E3779B97F4A7C15u;
}

// Splits one line (no line end) into at most `max` cells; returns the number
// of cells found (which may exceed `max`). CSV cells may be quoted ("a,b",
// "say ""x"""); unquoted text is kept in `scratch`, which must not reallocate.
std::size_t split(std::string_view line, char sep, std::string_view* cells, std::size_t max,
                  std::string& scratch) {
  std::size_t n = 0;
  if (sep == '\t' || line.find('"') == std::string_view::npos) {
    std::size_t start = 0;
    while (true) {
      const void* hit = std::memchr(line.data() + start, sep, line.size() - start);
      std::size_t end =
          hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - line.data()) : line.size();
      if (n < max) cells[n] = line.substr(start, end - start);
      ++n;
      if (!hit) return n;
      start = end + 1;
    }
  }
  scratch.clear();
  scratch.reserve(line.size());
  std::size_t i = 0;
  while (true) {
    std::size_t begin = scratch.size();
    if (i < line.size() && line[i] == '"') {
      ++i;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            scratch.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        scratch.push_back(line[i++]);
      }
    }
    while (i < line.size() && line[i] != sep) scratch.push_back(line[i++]);
    if (n < max) cells[n] = std::string_view(scratch).substr(begin);
    ++n;
    if (i >= line.size()) return n;
    ++i;  // the separator
  }
}

}  // namespace

std::optional<ColumnMap> map_header(std::string_view line, char separator, HeaderProblem* error) {
  if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
  while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  ColumnMap map;
  map.separator = separator ? separator : (line.find('\t') != std::string_view::npos ? '\t' : ',');
  if (line.find_first_not_of(" \t,") == std::string_view::npos) {
    if (error)
      *error = {
          Code::batch_first_line_blank,
          tr("the first line is blank: the header (dept_id, level1, …, or 单位, 一级指标, …) must "
             "be line 1")};
    return std::nullopt;
  }
  if (line.starts_with("\xFF\xFE") || line.starts_with("\xFE\xFF")) {
    if (error)
      *error = {
          Code::batch_utf16,
          tr("the file is UTF-16 (it starts with a UTF-16 byte order mark): batch reads UTF-8 "
             "only (`iconv -f UTF-16 -t UTF-8`)")};
    return std::nullopt;
  }
  if (line.size() <= kBatchLimits.max_header_bytes) {
    ParseError bad;
    if (!normalise(line, &bad)) {
      if (error) {
        bad = name_invalid_byte(line, bad);
        *error = bad.code == Code::text_invalid_utf8
                     ? HeaderProblem{Code::batch_header_not_utf8,
                                     tr("the header is not UTF-8 text ({}): batch reads UTF-8 "
                                        "only; a GB18030 (GBK) export can be converted with "
                                        "`iconv -f GB18030 -t UTF-8`",
                                        bad.message)}
                     : HeaderProblem{Code::batch_header_nul,
                                     tr("the header holds a NUL character (character {}): a "
                                        "UTF-16 file? batch reads UTF-8 only (`iconv -f UTF-16 -t "
                                        "UTF-8`)",
                                        bad.column)};
      }
      return std::nullopt;
    }
  }
  if (line.size() > kBatchLimits.max_header_bytes) {
    if (error)
      *error = {Code::batch_header_too_long,
                tr("the header (first line) is longer than {} KiB: is this a table file?",
                   kBatchLimits.max_header_bytes / 1024)};
    return std::nullopt;
  }
  // One view per cell: at most one more than there are separators.
  std::vector<std::string_view> cells(
      static_cast<std::size_t>(std::count(line.begin(), line.end(), map.separator)) + 1);
  std::string scratch;
  map.fields = split(line, map.separator, cells.data(), cells.size(), scratch);
  for (std::size_t i = 0; i < map.fields; ++i) {
    std::string_view name = trim(cells[i]);
    for (const HeaderName& h : kHeaderNames) {
      if (h.name != name) continue;
      int& slot = map.index[static_cast<std::size_t>(h.column)];
      if (slot >= 0) {
        if (error)
          *error = {Code::batch_column_repeated,
                    tr("the header names the {} column twice (cells {} and {})",
                       kColumnNames[static_cast<std::size_t>(h.column)], slot + 1, i + 1)};
        return std::nullopt;
      }
      slot = static_cast<int>(i);
    }
  }
  for (Column c : kRequired) {
    if (map.at(c) >= 0) continue;
    if (error) {
      std::string names;
      for (const HeaderName& h : kHeaderNames)
        if (h.column == c) {
          const std::string quoted = "'" + std::string(h.name) + "'";
          names = names.empty() ? quoted : tr("{} or {}", names, quoted);
        }
      *error = {Code::batch_column_missing, tr("the header has no {} column ({})",
                                               kColumnNames[static_cast<std::size_t>(c)], names)};
    }
    return std::nullopt;
  }
  return map;
}

void Counts::merge(const Counts& o) {
  for (std::size_t i = 0; i < n.size(); ++i) n[i] += o.n[i];
  total += o.total;
}

char bench_letter(VerdictKind v) {
  switch (v) {
    case VerdictKind::pass:
      return 'p';
    case VerdictKind::fail:
    case VerdictKind::partial:
      return 'f';
    default:
      return 'e';
  }
}

namespace {

using CountMap = std::unordered_map<std::string, Counts, StringHash, std::equal_to<>>;

CountMap::value_type& entry(CountMap& m, std::string_view key) {
  auto it = m.find(key);
  if (it != m.end()) return *it;
  return *m.emplace(std::string(key), Counts{}).first;
}

Counts& slot(CountMap& m, std::string_view key) {
  return entry(m, key).second;
}

// Adds rows to Tallies remembering the last few names: rows come grouped by
// unit and there are few 一级指标, so most rows need no hash lookup. The
// remembered names point at the maps' keys, which never move.
class TallyCursor {
 public:
  explicit TallyCursor(Tallies& t) : t_(t) {}

  void add(std::string_view unit, std::string_view level1, VerdictKind v) {
    if (!unit_ || !same_bytes(unit, unit_name_)) {
      auto& e = entry(t_.by_unit, unit);
      unit_name_ = e.first;
      unit_ = &e.second;
    }
    unit_->add(v);
    level1_for(level1).add(v);
    t_.total.add(v);
  }

 private:
  // The names (产出指标, 效益指标, …) in a small open-addressed table, by
  // short_hash: a name is found within kProbes slots of its own, or taken
  // from the map (and kept when a slot is free).
  static constexpr std::size_t kProbes = 4;
  [[gnu::always_inline]] Counts& level1_for(std::string_view name) {
    std::size_t at = short_hash(name) >> 59;
    for (std::size_t probe = 0; probe < kProbes; ++probe, at = (at + 1) % level1_.size()) {
      auto& slot = level1_[at];
      if (!slot.second) return look_up_level1(name, &slot);
      if (same_bytes(slot.first, name)) return *slot.second;
    }
    return look_up_level1(name, nullptr);  // a crowded neighbourhood: not kept
  }
  [[gnu::noinline]] Counts& look_up_level1(std::string_view name,
                                           std::pair<std::string_view, Counts*>* slot) {
    auto& e = entry(t_.by_level1, name);
    if (slot) *slot = {e.first, &e.second};
    return e.second;
  }

  Tallies& t_;
  std::string_view unit_name_;
  Counts* unit_ = nullptr;
  std::array<std::pair<std::string_view, Counts*>, 32> level1_{};
};

}  // namespace

void Tallies::add(std::string_view unit, std::string_view level1, VerdictKind v) {
  slot(by_unit, unit).add(v);
  slot(by_level1, level1).add(v);
  total.add(v);
}

void Tallies::merge(const Tallies& o) {
  for (const auto& [k, c] : o.by_unit) slot(by_unit, k).merge(c);
  for (const auto& [k, c] : o.by_level1) slot(by_level1, k).merge(c);
  total.merge(o.total);
  malformed += o.malformed;
}

std::vector<std::pair<std::string, Counts>> Tallies::sorted(const CountMap& m) {
  std::vector<std::pair<std::string, Counts>> v(m.begin(), m.end());
  // std::string compares as unsigned char: UTF-8 byte order.
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return v;
}

// ---- Judge ----

// A few short spellings (units after a figure, comparators before one), each
// with what it reads as. A small open-addressed table of slots by short_hash
// finds most in one compare; entries never move (reserved).
template <typename T>
class Spellings {
 public:
  struct Entry {
    std::string text;
    T value;
  };
  static constexpr std::size_t kMax = 256;

  Spellings() { entries_.reserve(kMax); }
  Spellings(Spellings&&) noexcept = default;

  [[gnu::always_inline]] static bool same(std::string_view a, std::string_view b) {
    return same_bytes(a, b);
  }

  // Found within kProbes slots of the key's own (inline), else by a scan
  // (out of line), which then keeps it in a free slot of those.
  [[gnu::always_inline]] const Entry* find(std::string_view key) {
    std::size_t at = slot_of(key);
    for (std::size_t probe = 0; probe < kProbes; ++probe, at = (at + 1) % slots_.size()) {
      std::uint16_t i = slots_[at];
      if (!i) break;
      if (same(entries_[i - 1].text, key)) return &entries_[i - 1];
    }
    return search(key);
  }
  // Adds `key` (not present); null when full: the caller takes the general path.
  const Entry* add(std::string_view key, T value) {
    if (entries_.size() >= kMax) return nullptr;
    entries_.push_back(Entry{std::string(key), std::move(value)});
    keep(key, entries_.size());
    return &entries_.back();
  }

 private:
  static constexpr std::size_t kProbes = 4;
  [[gnu::noinline]] const Entry* search(std::string_view key) {
    for (std::size_t i = 0; i < entries_.size(); ++i)
      if (same(entries_[i].text, key)) {
        keep(key, i + 1);
        return &entries_[i];
      }
    return nullptr;
  }
  // Puts entry number `i` (1-based) in the first free slot near the key's,
  // or in the key's own when all are taken (the one there is found by a scan).
  void keep(std::string_view key, std::size_t i) {
    const std::size_t home = slot_of(key);
    for (std::size_t probe = 0, at = home; probe < kProbes; ++probe, at = (at + 1) % slots_.size())
      if (!slots_[at]) {
        slots_[at] = static_cast<std::uint16_t>(i);
        return;
      }
    slots_[home] = static_cast<std::uint16_t>(i);
  }
  [[gnu::always_inline]] static std::size_t slot_of(std::string_view key) {
    return short_hash(key) >> 58;
  }
  std::vector<Entry> entries_;
  std::array<std::uint16_t, 64> slots_{};
};

struct Judge::Impl {
  EvaluationContext context;
  std::size_t max_cached;
  bool fast;
  // A parsed target (nothing when it cannot be read) and, for a quantity, its
  // prepared form for the figure fast path.
  struct Target {
    std::optional<Constraint> constraint;
    std::optional<fast::PreparedQuantity> quick;
  };
  using TargetMap = std::unordered_map<std::string, Target, StringHash, std::equal_to<>>;
  TargetMap targets;
  // How a figure's suffix reads (`%`, `个`, ``) and what a comparator prefix
  // is (`≥`, `＞＝`): a handful of distinct spellings each.
  Spellings<fast::FigureUnit> suffixes;
  Spellings<std::optional<Comparator>> comparators;
  // The suffix of the last target prepared by plain_target: most actuals are
  // written in their target's unit, and then need no lookup.
  const Spellings<fast::FigureUnit>::Entry* target_suffix = nullptr;
  // What parse_actual makes of an actual that is no plain figure. Refused
  // (`x%`, `良好?`): the row is an error whatever its target (judge_uncached),
  // so the target is not even parsed. Against a quantity target, nothing
  // reported (``, `/`, `N/A`) is missing and any other form but a figure
  // is an error (evaluate), so neither needs the target parsed either.
  enum class ActualKind : std::uint8_t { unreadable, none, figure, other };
  std::unordered_map<std::string, ActualKind, StringHash, std::equal_to<>> actual_kinds;
  ActualKind actual_kind(std::string_view actual) {
    if (auto it = actual_kinds.find(actual); it != actual_kinds.end()) return it->second;
    auto parsed = parse_actual(actual, *context.units);
    ActualKind kind = ActualKind::unreadable;
    if (const auto* a = std::get_if<Actual>(&parsed))
      kind = std::holds_alternative<ActualNone>(a->form)       ? ActualKind::none
             : std::holds_alternative<ActualQuantity>(a->form) ? ActualKind::figure
                                                               : ActualKind::other;
    if (actual_kinds.size() < max_cached) actual_kinds.emplace(actual, kind);
    return kind;
  }
  // Verdicts by (target, actual) as written, for rows the figure fast path
  // declines (qualitative targets: a few hundred pairs, many rows): evaluate
  // is pure, so a pair seen before needs neither parsing nor evaluate. A
  // fixed table of 64-byte slots in sets of two (the one used last first),
  // by a hash of the lengths and outer words of both cells; a pair longer
  // than a slot holds is not kept. Allocated and written whole at the start,
  // so memory is the same after ten rows and after ten million.
  struct PairSlot {
    std::uint8_t target_size = 0, actual_size = 0;
    std::uint8_t verdict = 0;  // a VerdictKind
    bool filled = false;
    char bytes[60];

    bool holds(std::string_view target, std::string_view actual) const {
      return filled && target_size == target.size() && actual_size == actual.size() &&
             same_bytes(std::string_view(bytes, target_size), target) &&
             same_bytes(std::string_view(bytes + target_size, actual_size), actual);
    }
  };
  static_assert(sizeof(PairSlot) == 64);
  static constexpr std::size_t kPairSets = 2048;  // 2 × 2048 slots: 256 KiB
  std::vector<PairSlot> pair_slots = std::vector<PairSlot>(2 * kPairSets);
  static std::uint64_t outer_words(std::string_view s) {
    std::uint64_t a = 0, b = 0;
    if (s.size() >= 8) {
      std::memcpy(&a, s.data(), 8);
      std::memcpy(&b, s.data() + s.size() - 8, 8);
    } else {
      a = short_hash(s);  // fixed-size loads only: no memcpy call
    }
    return (a * 0x9E3779B97F4A7C15u) ^ (b * 0xC2B2AE3D27D4EB4Fu) ^ s.size();
  }
  PairSlot* pair_set(std::string_view target, std::string_view actual) {
    std::uint64_t h = outer_words(target) * 31 ^ outer_words(actual);
    return &pair_slots[2 * ((h ^ (h >> 29) ^ (h >> 47)) & (kPairSets - 1))];
  }
  // Keeps the pair as the set's first, the first moving to second.
  static void keep_pair(PairSlot* set, std::string_view target, std::string_view actual,
                        VerdictKind v) {
    if (target.size() + actual.size() > sizeof(PairSlot::bytes)) return;
    set[1] = set[0];
    PairSlot& slot = set[0];
    slot.target_size = static_cast<std::uint8_t>(target.size());
    slot.actual_size = static_cast<std::uint8_t>(actual.size());
    if (!target.empty()) std::memcpy(slot.bytes, target.data(), target.size());
    if (!actual.empty()) std::memcpy(slot.bytes + target.size(), actual.data(), actual.size());
    slot.verdict = static_cast<std::uint8_t>(v);
    slot.filled = true;
  }
  char target_scratch[64];
  char actual_scratch[64];

  // The target's entry; `spare` holds it when the cache is full.
  const Target& target(std::string_view written, Target& spare) {
    if (auto it = targets.find(written); it != targets.end()) return it->second;
    Target t;
    auto parsed = fast ? parse_target(written, *context.units)
                       : parse_target_by_grammar(written, *context.units);
    if (auto* c = std::get_if<Constraint>(&parsed)) t.constraint = std::move(*c);
    if (targets.size() >= max_cached) {
      spare = std::move(t);
      if (fast && spare.constraint) spare.quick = fast::prepare(*spare.constraint);
      return spare;
    }
    Target& kept = targets.emplace(std::string(written), std::move(t)).first->second;
    // Prepared only once the Constraint sits in the map: quick points into it.
    if (fast && kept.constraint) kept.quick = fast::prepare(*kept.constraint);
    return kept;
  }

  [[gnu::always_inline]] const Spellings<fast::FigureUnit>::Entry* suffix(
      std::string_view written) {
    if (const auto* u = suffixes.find(written)) return u;
    return new_suffix(written);
  }
  [[gnu::noinline]] const Spellings<fast::FigureUnit>::Entry* new_suffix(std::string_view written) {
    // Many spellings (add gives null): the general path.
    return suffixes.add(written, fast::figure_unit(written, *context.units));
  }

  [[gnu::always_inline]] std::optional<Comparator> comparator(std::string_view prefix) {
    if (const auto* op = comparators.find(prefix)) return op->value;
    return new_comparator(prefix);
  }
  [[gnu::noinline]] std::optional<Comparator> new_comparator(std::string_view prefix) {
    auto op = fast::symbolic_comparator(prefix);
    comparators.add(prefix, op);
    return op;
  }

  // The cell without ASCII spaces (as normalise drops them), or nullopt when
  // it is long or a space stands inside a multi-byte character.
  // `no_spaces`: the caller knows the cell holds none.
  static std::optional<std::string_view> spaceless(std::string_view cell, char* buffer,
                                                   bool no_spaces) {
    if (cell.size() > 64) return std::nullopt;
    if (no_spaces) return cell;
    return drop_spaces(cell, buffer);
  }

  // A target that is a comparator, a plain figure and a known unit, prepared
  // without parsing it into a Constraint (most quantity targets are distinct).
  // As fast::scan_comparison, without copying the cell when it has no space.
  [[gnu::always_inline]] std::optional<fast::PreparedQuantity> plain_target(
      std::string_view written, bool no_spaces) {
    auto text = spaceless(written, target_scratch, no_spaces);
    if (!text) return std::nullopt;
    std::size_t i = 0;
    const std::size_t n = text->size();
    while (i < n && !((*text)[i] >= '0' && (*text)[i] <= '9') && (*text)[i] != '+' &&
           (*text)[i] != '-')
      ++i;
    if (i == 0 || i == n) return std::nullopt;
    // Views built directly (i < n here): substr's range check is not needed.
    auto op = comparator(std::string_view(text->data(), i));
    if (!op) return std::nullopt;
    fast::Decimal figure;
    if (!fast::scan_plain_figure(std::string_view(text->data() + i, n - i), figure))
      return std::nullopt;
    const auto* u = suffix(figure.suffix);
    if (!u || !u->value.known || !u->value.unit) return std::nullopt;
    target_suffix = u;
    return fast::prepare(*op, figure, *u->value.unit);
  }

  // The kind for a target prepared as `quick` when the actual is a plain figure.
  [[gnu::always_inline]] std::optional<VerdictKind> figure_verdict(
      const fast::PreparedQuantity& quick, std::string_view actual, bool no_spaces) {
    auto text = spaceless(actual, actual_scratch, no_spaces);
    if (!text) return std::nullopt;
    fast::Decimal figure;
    if (!fast::scan_plain_figure(*text, figure)) return std::nullopt;
    const auto* u =
        target_suffix && Spellings<fast::FigureUnit>::same(target_suffix->text, figure.suffix)
            ? target_suffix
            : suffix(figure.suffix);
    if (!u || !u->value.known) return std::nullopt;
    return fast::judge_figure(quick, figure, u->value.unit ? &*u->value.unit : nullptr);
  }
};

Judge::Judge(EvaluationContext context, std::size_t max_cached, bool fast)
    : impl_(std::make_unique<Impl>()) {
  impl_->context = context;
  impl_->max_cached = max_cached;
  impl_->fast = fast;
  impl_->context.explain = false;  // a batch judge hands out kinds only
}
Judge::~Judge() = default;
Judge::Judge(Judge&&) noexcept = default;
Judge& Judge::operator=(Judge&&) noexcept = default;

std::size_t Judge::cached() const {
  const Impl& im = *impl_;
  auto kept = static_cast<std::size_t>(std::count_if(im.pair_slots.begin(), im.pair_slots.end(),
                                                     [](const auto& p) { return p.filled; }));
  return im.targets.size() + kept + im.actual_kinds.size();
}

VerdictKind Judge::judge(std::string_view target, std::string_view actual, bool no_spaces) try {
  Impl& im = *impl_;
  if (im.fast) {
    if (auto quick = im.plain_target(target, no_spaces)) {
      if (auto v = im.figure_verdict(*quick, actual, no_spaces)) return *v;
      // A quantity target and an actual that is no plain figure.
      switch (im.actual_kind(actual)) {
        case Impl::ActualKind::none:
          return VerdictKind::missing;
        case Impl::ActualKind::unreadable:
        case Impl::ActualKind::other:
          return VerdictKind::error;
        case Impl::ActualKind::figure:
          break;  // a figure of another form (`1,200`, `９５`): the general path
      }
    }
  }
  Impl::PairSlot* set = im.pair_set(target, actual);
  if (set[0].holds(target, actual)) return static_cast<VerdictKind>(set[0].verdict);
  if (set[1].holds(target, actual)) return static_cast<VerdictKind>(set[1].verdict);
  VerdictKind v = judge_slow(target, actual, no_spaces);
  Impl::keep_pair(set, target, actual, v);
  return v;
} catch (const std::exception&) {
  // A cell the engine cannot handle is that row's error, never a stop.
  return VerdictKind::error;
}

VerdictKind Judge::judge_slow(std::string_view target, std::string_view actual, bool no_spaces) {
  Impl& im = *impl_;
  if (auto it = im.actual_kinds.find(actual);
      it != im.actual_kinds.end() && it->second == Impl::ActualKind::unreadable)
    return VerdictKind::error;
  Impl::Target spare;
  const Impl::Target& t = im.target(target, spare);
  if (!t.constraint) return VerdictKind::error;  // the target cannot be read
  if (t.quick)
    if (auto v = im.figure_verdict(*t.quick, actual, no_spaces)) return *v;
  return judge_uncached(*t.constraint, actual);
}

std::string Judge::explain(std::string_view target, std::string_view actual) const try {
  const EvaluationContext& context = impl_->context;
  auto t = parse_target(target, *context.units);
  if (const auto* e = std::get_if<ParseError>(&t))
    return tr("the target cannot be read (column {}): {}", e->column, e->message);
  auto a = parse_actual(actual, *context.units);
  if (const auto* e = std::get_if<ParseError>(&a))
    return tr("the actual cannot be read (column {}): {}", e->column, e->message);
  EvaluationContext explaining = context;
  explaining.explain = true;
  Verdict v = evaluate(std::get<Constraint>(t), std::get<Actual>(a), explaining);
  std::string out = v.explanation;
  for (const std::string& s : v.assumptions) out = tr("{}; assumed: {}", out, s);
  return out;
} catch (const std::exception& e) {
  return tr("the engine could not judge this row: {}", e.what());
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t n = c < 0x20 || c == 0x7F ? 0 : utf8::valid_at(text, i);
    if (n == 0) {
      out += "\\x";
      out += hex_byte(text[i]).substr(2);  // the digits of "0xFF"
      ++i;
      continue;
    }
    out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

VerdictKind Judge::judge_uncached(const Constraint& constraint, std::string_view actual) {
  auto a = impl_->fast ? parse_actual(actual, *impl_->context.units)
                       : parse_actual_by_grammar(actual, *impl_->context.units);
  if (std::holds_alternative<ParseError>(a)) {  // as `eval` does, whatever the target
    if (impl_->actual_kinds.size() < impl_->max_cached)
      impl_->actual_kinds.emplace(actual, Impl::ActualKind::unreadable);
    return VerdictKind::error;
  }
  return evaluate(constraint, std::get<Actual>(a), impl_->context).kind;
}

// ---- rows ----

namespace {

// The tabs, line ends and spaces among the 64 bytes at `q`, one bit each.
struct Marks {
  std::uint64_t tabs = 0, ends = 0, spaces = 0;
};

[[gnu::always_inline]] inline Marks marks_of(const char* q) {
  Marks m;
#if defined(__SSE2__)
  const __m128i tab = _mm_set1_epi8('\t'), newline = _mm_set1_epi8('\n'),
                space = _mm_set1_epi8(' ');
  for (int k = 0; k < 4; ++k) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + 16 * k));
    const int shift = 16 * k;
    m.tabs |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, tab)))}
              << shift;
    m.ends |=
        std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, newline)))}
        << shift;
    m.spaces |=
        std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, space)))}
        << shift;
  }
#else
  for (int i = 0; i < 64; ++i) {
    const std::uint64_t bit = std::uint64_t{1} << i;
    if (q[i] == '\t') m.tabs |= bit;
    if (q[i] == '\n') m.ends |= bit;
    if (q[i] == ' ') m.spaces |= bit;
  }
#endif
  return m;
}

// Splits a TSV block (TSV has no quoting) into lines, 64 bytes at a time,
// and calls on_line(begin, stop, tab_count, spaced) for each: [begin, stop)
// is the line without its line end and a '\r' before it, tabs[k] the k-th
// tab (the first `kept`; later ones are written to tabs[kept] and only
// counted), and `spaced` false says the line holds no ASCII space.
template <typename OnLine>
[[gnu::always_inline]] inline void scan_tsv(std::string_view block, const char** tabs,
                                            std::size_t kept, OnLine&& on_line) {
  const char* const end = block.data() + block.size();
  const char* line = block.data();
  std::size_t n = 0;    // tabs on this line so far
  bool spaced = false;  // a space on this line so far
  auto tab = [&](const char* at) __attribute__((always_inline)) {
    tabs[std::min(n++, kept)] = at;
  };
  auto take = [&](const char* base, Marks m) __attribute__((always_inline)) {
    while (m.ends) {
      const std::uint64_t first = m.ends & (~m.ends + 1);  // the first line end
      const std::uint64_t before = first - 1;
      for (std::uint64_t t = m.tabs & before; t; t &= t - 1) tab(base + __builtin_ctzll(t));
      spaced = spaced || (m.spaces & before) != 0;
      m.tabs &= ~(before | first);
      m.spaces &= ~(before | first);
      const char* nl = base + __builtin_ctzll(m.ends);
      const char* stop = nl > line && nl[-1] == '\r' ? nl - 1 : nl;
      on_line(line, stop, n, spaced);
      line = nl + 1;
      n = 0;
      spaced = false;
      m.ends &= m.ends - 1;
    }
    for (std::uint64_t t = m.tabs; t; t &= t - 1) tab(base + __builtin_ctzll(t));
    spaced = spaced || m.spaces != 0;
  };
  const char* p = block.data();
  for (; end - p >= 64; p += 64) take(p, marks_of(p));
  if (p < end) {  // the last bytes, zero-padded: no marks beyond them
    char last[64] = {};
    std::memcpy(last, p, static_cast<std::size_t>(end - p));
    take(p, marks_of(last));
  }
  if (line < end) {  // the last line has no line end
    const char* stop = end[-1] == '\r' ? end - 1 : end;
    on_line(line, stop, n, spaced);
  }
}

}  // namespace

BlockCount process_block(std::string_view block, std::uint64_t first_line, const ColumnMap& columns,
                         Judge& judge, Tallies& tallies, const RowFormatter* format,
                         std::string* out, bool explain) {
  BlockCount counted;
  std::array<std::string_view, 64> cells_small;
  std::vector<std::string_view> cells_big;
  std::string_view* cells = cells_small.data();
  if (columns.fields > cells_small.size()) {
    cells_big.resize(columns.fields);
    cells = cells_big.data();
  }
  auto cell = [&](Column c) {
    int i = columns.at(c);
    return i < 0 ? std::string_view() : cells[i];
  };
  std::string scratch;
  TallyCursor tally(tallies);
  std::string explanation;
  std::uint64_t line_no = first_line;

  // Tallies only (no rows printed) and the required columns all mapped (as
  // map_header makes sure): a row needs just these four cells and no Row.
  const int unit_at = columns.at(Column::unit), level1_at = columns.at(Column::level1),
            target_at = columns.at(Column::target), actual_at = columns.at(Column::actual);
  const bool lean = !format && unit_at >= 0 && level1_at >= 0 && target_at >= 0 && actual_at >= 0;
  const std::size_t fields_wanted = columns.fields;

  // Every other row (printed, or malformed): a Row. Kept apart from row_done
  // so that row_done stays small enough to be inlined into the splitter.
  auto row_full = [&](std::uint64_t this_line, std::size_t fields, bool spaced) {
    Row row;
    row.line = this_line;
    row.fields = fields;
    if (row.fields != columns.fields) {
      row.malformed = true;
      row.verdict = VerdictKind::error;
      tallies.add(kMalformed, kMalformed, VerdictKind::error);
      ++tallies.malformed;
    } else {
      row.unit = cell(Column::unit);
      row.level1 = cell(Column::level1);
      row.target = cell(Column::target);
      row.actual = cell(Column::actual);
      row.verdict = judge.judge(row.target, row.actual, !spaced);
      tally.add(row.unit, row.level1, row.verdict);
      if (format) {
        row.level2 = cell(Column::level2);
        row.indicator = cell(Column::indicator);
        row.period = cell(Column::period);
        if (explain) {
          explanation = judge.explain(row.target, row.actual);
          row.explanation = explanation;
        }
      }
    }
    if (format) (*format)(*out, row);
  };
  // One line (its line end and a trailing '\r' removed) whose first
  // min(fields, columns.fields) cells are in `cells`. `spaced` false: the
  // line holds no ASCII space (the judge need not look).
  auto row_done = [&](std::uint64_t this_line, std::size_t fields, bool spaced) {
    ++counted.rows;
    if (lean && fields == fields_wanted) {
      std::string_view target = cells[target_at], actual = cells[actual_at];
      tally.add(cells[unit_at], cells[level1_at], judge.judge(target, actual, !spaced));
      return;
    }
    row_full(this_line, fields, spaced);
  };

  if (columns.separator == '\t') {
    // Where the tabs of the current line stand: the first fields_wanted are
    // kept, any beyond land in the last slot (they only count).
    std::array<const char*, 65> tabs_small;
    std::vector<const char*> tabs_big;
    const char** tabs = tabs_small.data();
    if (fields_wanted + 1 > tabs_small.size()) {
      tabs_big.resize(fields_wanted + 1);
      tabs = tabs_big.data();
    }
    scan_tsv(
        block, tabs, fields_wanted,
        [&](const char* line, const char* stop, std::size_t n, bool spaced)
            __attribute__((always_inline)) {
              std::uint64_t this_line = line_no++;
              if (stop == line) return;  // a blank line
              ++counted.rows;
              auto cell_at = [&](std::size_t k) __attribute__((always_inline)) {
                const char* b = k == 0 ? line : tabs[k - 1] + 1;
                const char* e = k == n ? stop : tabs[k];
                return std::string_view(b, static_cast<std::size_t>(std::max(b, e) - b));
              };
              if (lean && n + 1 == fields_wanted) {
                std::string_view target = cell_at(static_cast<std::size_t>(target_at)),
                                 actual = cell_at(static_cast<std::size_t>(actual_at));
                tally.add(cell_at(static_cast<std::size_t>(unit_at)),
                          cell_at(static_cast<std::size_t>(level1_at)),
                          judge.judge(target, actual, !spaced));
                return;
              }
              for (std::size_t k = 0; k <= n && k < fields_wanted; ++k) cells[k] = cell_at(k);
              row_full(this_line, n + 1, spaced);
            });
    counted.lines = line_no - first_line;
    return counted;
  }

  std::size_t pos = 0;
  while (pos < block.size()) {
    const void* nl = std::memchr(block.data() + pos, '\n', block.size() - pos);
    std::size_t end =
        nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - block.data()) : block.size();
    std::string_view line = block.substr(pos, end - pos);
    pos = end + 1;
    std::uint64_t this_line = line_no++;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    row_done(this_line, split(line, columns.separator, cells, columns.fields, scratch), true);
  }
  counted.lines = line_no - first_line;
  return counted;
}

std::string progress_line(std::string_view name, std::uint64_t bytes,
                          std::optional<std::uint64_t> total, std::uint64_t rows,
                          std::uint64_t elapsed_ms) {
  constexpr std::uint64_t kMB = 1000 * 1000;
  std::string out = !total       ? tr("{}: {} MB", name, bytes / kMB)
                    : *total > 0 ? tr("{}: {} MB of {} MB ({}%)", name, bytes / kMB, *total / kMB,
                                      std::min<std::uint64_t>(bytes, *total) * 100 / *total)
                                 : tr("{}: {} MB of {} MB", name, bytes / kMB, *total / kMB);
  out = trn("{}, {} row", "{}, {} rows", rows, out, rows);
  if (elapsed_ms > 0) {
    // Whole rows per second, then shown in millions or thousands with one
    // decimal (rounded down): a display, not a figure anyone computes with.
    const unsigned __int128 per_second = static_cast<unsigned __int128>(rows) * 1000 / elapsed_ms;
    const auto rate = static_cast<std::uint64_t>(per_second);
    std::string shown;
    if (rate >= kMB)
      shown = std::to_string(rate / kMB) + "." + std::to_string(rate / 100000 % 10) + "M";
    else if (rate >= 1000)
      shown = std::to_string(rate / 1000) + "." + std::to_string(rate / 100 % 10) + "k";
    else
      shown = std::to_string(rate);
    out = tr("{}, {} rows/s", out, shown);
  }
  return out;
}

// ---- Runner ----

Runner::Runner(Options options) : options_(std::move(options)) {
  if (options_.threads == 0) options_.threads = 1;
  if (options_.block_bytes < 4096) options_.block_bytes = 4096;
  for (unsigned i = 0; i < options_.threads; ++i) {
    judges_.emplace_back(options_.context);
    tallies_.emplace_back();
  }
}

Runner::~Runner() = default;

Tallies Runner::tallies() const {
  Tallies all;
  for (const Tallies& t : tallies_) all.merge(t);
  return all;
}

FileResult Runner::run(const Reader& read, const Writer& write) {
  FileResult result;
  const unsigned threads = options_.threads;
  buffer_.resize(options_.block_bytes);
  std::size_t filled = 0;  // bytes in buffer_, from its start
  bool eof = false;
  auto fill = [&] {
    while (!eof && filled < buffer_.size()) {
      std::size_t got = read(buffer_.data() + filled, buffer_.size() - filled);
      if (got == 0) eof = true;
      filled += got;
    }
  };

  // The header: the first line (grown until it is whole).
  std::optional<ColumnMap> columns;
  std::size_t consumed = 0;
  while (true) {
    fill();
    const char* nl = static_cast<const char*>(std::memchr(buffer_.data(), '\n', filled));
    if (!nl && !eof && filled <= kBatchLimits.max_header_bytes) {
      buffer_.resize(buffer_.size() * 2);
      continue;
    }
    // A header longer than kBatchLimits.max_header_bytes is refused by map_header without
    // reading the rest of the line: memory stays bounded.
    std::size_t end = nl ? static_cast<std::size_t>(nl - buffer_.data()) : filled;
    std::string_view header(buffer_.data(), end);
    if (filled == 0) {
      result.usable = false;
      result.error = {Code::batch_empty, tr("the file is empty (no header)")};
      return result;
    }
    HeaderProblem why;
    columns = map_header(header, options_.separator, &why);
    if (!columns) {
      result.usable = false;
      result.error = why;
      return result;
    }
    consumed = nl ? end + 1 : filled;
    break;
  }

  // Every thread runs `work`: it takes the next block of whole lines from the
  // input (reading under a lock, while the other threads judge theirs),
  // judges it with its own Judge and Tallies, and hands its printed rows on
  // in block order. No thread waits for a round to end: the read of one
  // block overlaps the judging of the others. Counts are sums, so which
  // thread judged a block does not change the tallies.
  const RowFormatter* format = options_.format ? &options_.format : nullptr;
  struct Shared {
    std::mutex input;   // guards the fields below, up to `output`
    std::string carry;  // bytes read but not yet handed out (part of a line)
    bool eof = false;   // the Reader has said 0
    std::uint64_t next_block = 0;
    std::uint64_t next_line = 2;  // the line after the header (counted when rows are printed)
    std::mutex output;            // guards `written` and `error`; `failed` is set under it
    std::condition_variable turn;
    std::uint64_t written = 0;        // blocks whose rows have been written
    std::atomic<bool> failed{false};  // a thread threw: the others stop
    std::exception_ptr error;
    std::uint64_t bytes_read = 0;  // of this input, for options_.progress
    std::atomic<std::uint64_t> rows{0}, lines{0};
  } shared;
  shared.bytes_read = filled;
  shared.carry.assign(buffer_.data() + consumed, filled - consumed);
  shared.eof = eof;
  const std::size_t block_bytes = options_.block_bytes;

  auto work = [&](unsigned t, std::vector<char>& buffer) {
    std::string out;
    try {
      while (true) {
        std::size_t usable = 0;
        std::uint64_t block = 0, first_line = 0;
        {
          std::lock_guard lock(shared.input);
          if (shared.failed) return;
          // The carried bytes first, then the Reader's, up to one block (more
          // when a single line is longer).
          std::size_t have = shared.carry.size();
          if (buffer.size() < std::max(block_bytes, have))
            buffer.resize(std::max(block_bytes, have));
          std::memcpy(buffer.data(), shared.carry.data(), have);
          shared.carry.clear();
          while (true) {
            while (!shared.eof && have < buffer.size()) {
              std::size_t got = read(buffer.data() + have, buffer.size() - have);
              if (got == 0) shared.eof = true;
              have += got;
              shared.bytes_read += got;
            }
            if (shared.eof) {
              usable = have;
              break;
            }
            const char* nl = static_cast<const char*>(memrchr(buffer.data(), '\n', have));
            if (nl) {
              usable = static_cast<std::size_t>(nl - buffer.data()) + 1;
              break;
            }
            buffer.resize(buffer.size() * 2);  // one line longer than the buffer
          }
          shared.carry.assign(buffer.data() + usable, have - usable);
          if (usable == 0) return;  // the input has ended
          block = shared.next_block++;
          if (options_.progress) options_.progress(shared.bytes_read, shared.rows);
          if (format) {
            first_line = shared.next_line;
            shared.next_line +=
                static_cast<std::uint64_t>(std::count(buffer.data(), buffer.data() + usable, '\n'));
          }
        }
        out.clear();
        BlockCount counted =
            process_block(std::string_view(buffer.data(), usable), first_line, *columns, judges_[t],
                          tallies_[t], format, &out, options_.explain_rows);
        shared.rows += counted.rows;
        shared.lines += counted.lines;
        if (!format) continue;
        std::unique_lock lock(shared.output);
        shared.turn.wait(lock, [&] { return shared.written == block || shared.failed; });
        if (shared.failed) return;
        if (!out.empty()) write(out);
        ++shared.written;
        shared.turn.notify_all();
      }
    } catch (...) {
      std::lock_guard lock(shared.output);
      if (!shared.error) shared.error = std::current_exception();
      shared.failed = true;
      shared.turn.notify_all();
    }
  };
  {
    std::vector<std::vector<char>> buffers(threads - 1);
    std::vector<std::jthread> pool;
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t, std::ref(buffers[t - 1]));
    work(0, buffer_);
  }
  if (shared.error) std::rethrow_exception(shared.error);
  result.rows = shared.rows;
  result.lines = 1 + shared.lines;
  return result;
}

}  // namespace indicheck::batch
