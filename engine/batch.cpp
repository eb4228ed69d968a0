#include "engine/batch.hpp"

#include <algorithm>
#include <cstring>
#include <thread>
#include <unordered_set>
#include <variant>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "engine/fast_path.hpp"
#include "engine/parse.hpp"

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

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

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

std::optional<ColumnMap> map_header(std::string_view line, char separator, std::string* error) {
  if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
  while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  ColumnMap map;
  map.separator = separator ? separator : (line.find('\t') != std::string_view::npos ? '\t' : ',');
  if (line.size() > kMaxHeaderBytes) {
    if (error)
      *error = "the header (first line) is longer than " + std::to_string(kMaxHeaderBytes / 1024) +
               " KiB: is this a table file?";
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
          *error = "the header names the " +
                   std::string(kColumnNames[static_cast<std::size_t>(h.column)]) +
                   " column twice (cells " + std::to_string(slot + 1) + " and " +
                   std::to_string(i + 1) + ")";
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
        if (h.column == c) names += (names.empty() ? "'" : " or '") + std::string(h.name) + "'";
      *error = "the header has no " + std::string(kColumnNames[static_cast<std::size_t>(c)]) +
               " column (" + names + ")";
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
  Counts& level1_for(std::string_view name) {
    for (std::size_t i = 0; i < recent_; ++i)
      if (same_bytes(level1_[i].first, name)) return *level1_[i].second;
    auto& e = entry(t_.by_level1, name);
    std::size_t at = recent_ < level1_.size() ? recent_++ : next_++ % level1_.size();
    level1_[at] = {e.first, &e.second};
    return e.second;
  }

  Tallies& t_;
  std::string_view unit_name_;
  Counts* unit_ = nullptr;
  std::array<std::pair<std::string_view, Counts*>, 8> level1_{};
  std::size_t recent_ = 0, next_ = 0;
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
// with what it reads as. A direct-mapped slot per hash of the length and the
// outer bytes finds most in one compare; entries never move (reserved).
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

  [[gnu::always_inline]] const Entry* find(std::string_view key) {
    std::size_t h = slot_of(key);
    if (std::uint16_t at = slots_[h]; at && same(entries_[at - 1].text, key))
      return &entries_[at - 1];
    for (std::size_t i = 0; i < entries_.size(); ++i)
      if (same(entries_[i].text, key)) {
        slots_[h] = static_cast<std::uint16_t>(i + 1);
        return &entries_[i];
      }
    return nullptr;
  }
  // Adds `key` (not present); null when full: the caller takes the general path.
  const Entry* add(std::string_view key, T value) {
    if (entries_.size() >= kMax) return nullptr;
    entries_.push_back(Entry{std::string(key), std::move(value)});
    slots_[slot_of(key)] = static_cast<std::uint16_t>(entries_.size());
    return &entries_.back();
  }

 private:
  static std::size_t slot_of(std::string_view key) {
    if (key.empty()) return 0;
    std::size_t h = key.size() * 0x9E37u ^ static_cast<unsigned char>(key.front()) * 0x45D9u ^
                    static_cast<unsigned char>(key.back()) * 0x27D5u;
    return (h ^ (h >> 7)) & 63;
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
  // Verdicts by (target, actual) as written, for rows the fast path declines:
  // evaluate is pure, so a pair seen before needs neither parse_actual nor
  // evaluate. Key: the target's length (4 bytes), the target, the actual.
  std::unordered_map<std::string, VerdictKind, StringHash, std::equal_to<>> pairs;
  // Actuals parse_actual refuses (`x%`, `良好?`): such a row is an error
  // whatever its target (judge_uncached), so the target is not even parsed.
  std::unordered_set<std::string, StringHash, std::equal_to<>> unreadable;
  std::string key;  // reused: a lookup allocates nothing
  // The last pair (as written) seen in each of 1024 slots, by a hash of the
  // lengths and outer words of both cells: a row the fast path declines
  // (qualitative targets: a few hundred pairs) mostly finds its verdict here,
  // without building and hashing `key`. Fixed size: memory stays flat.
  struct RecentPair {
    std::string target, actual;
    VerdictKind verdict = VerdictKind::error;
    bool filled = false;
  };
  static constexpr std::size_t kRecentPairs = 1024;
  std::vector<RecentPair> recent = std::vector<RecentPair>(kRecentPairs);
  static std::uint64_t outer_words(std::string_view s) {
    std::uint64_t a = 0, b = 0;
    if (s.size() >= 8) {
      std::memcpy(&a, s.data(), 8);
      std::memcpy(&b, s.data() + s.size() - 8, 8);
    } else if (!s.empty()) {  // an empty view may have no data pointer
      std::memcpy(&a, s.data(), s.size());
    }
    return (a * 0x9E3779B97F4A7C15u) ^ (b * 0xC2B2AE3D27D4EB4Fu) ^ s.size();
  }
  static std::size_t recent_slot(std::string_view target, std::string_view actual) {
    std::uint64_t h = outer_words(target) * 31 ^ outer_words(actual);
    return static_cast<std::size_t>((h ^ (h >> 29) ^ (h >> 47)) & (kRecentPairs - 1));
  }
  char target_scratch[64];
  char actual_scratch[64];

  // The target's entry; `spare` holds it when the cache is full.
  const Target& target(std::string_view written, Target& spare) {
    if (auto it = targets.find(written); it != targets.end()) return it->second;
    Target t;
    auto parsed = fast ? parse_target(written, *context.units)
                       : fast::parse_target_by_grammar(written, *context.units);
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

  const Spellings<fast::FigureUnit>::Entry* suffix(std::string_view written) {
    if (const auto* u = suffixes.find(written)) return u;
    // Many spellings (add gives null): the general path.
    return suffixes.add(written, fast::figure_unit(written, *context.units));
  }

  std::optional<Comparator> comparator(std::string_view prefix) {
    if (const auto* op = comparators.find(prefix)) return op->value;
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
    fast::Figure figure;
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
    fast::Figure figure;
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
  return impl_->targets.size() + impl_->pairs.size() + impl_->unreadable.size();
}

VerdictKind Judge::judge(std::string_view target, std::string_view actual, bool no_spaces) try {
  Impl& im = *impl_;
  if (im.fast) {
    if (auto quick = im.plain_target(target, no_spaces))
      if (auto v = im.figure_verdict(*quick, actual, no_spaces)) return *v;
  }
  Impl::RecentPair& recent = im.recent[Impl::recent_slot(target, actual)];
  if (recent.filled && same_bytes(recent.target, target) && same_bytes(recent.actual, actual))
    return recent.verdict;
  VerdictKind v = judge_slow(target, actual, no_spaces);
  recent.target.assign(target);
  recent.actual.assign(actual);
  recent.verdict = v;
  recent.filled = true;
  return v;
} catch (const std::exception&) {
  // A cell the engine cannot handle is that row's error, never a stop.
  return VerdictKind::error;
}

VerdictKind Judge::judge_slow(std::string_view target, std::string_view actual, bool no_spaces) {
  Impl& im = *impl_;
  // A pair seen before (qualitative targets: few pairs, many rows).
  std::string& key = im.key;
  key.clear();
  auto length = static_cast<std::uint32_t>(target.size());
  key.append(reinterpret_cast<const char*>(&length), sizeof length);
  key.append(target);
  key.append(actual);
  if (auto it = im.pairs.find(key); it != im.pairs.end()) return it->second;
  if (im.unreadable.contains(actual)) return VerdictKind::error;
  Impl::Target spare;
  const Impl::Target& t = im.target(target, spare);
  if (!t.constraint) return VerdictKind::error;  // the target cannot be read
  if (t.quick)
    if (auto v = im.figure_verdict(*t.quick, actual, no_spaces)) return *v;
  VerdictKind v = judge_uncached(*t.constraint, actual);
  if (im.pairs.size() < im.max_cached * 4) im.pairs.emplace(key, v);
  return v;
}

std::string Judge::explain(std::string_view target, std::string_view actual) const try {
  const EvaluationContext& context = impl_->context;
  auto t = parse_target(target, *context.units);
  if (const auto* e = std::get_if<ParseError>(&t))
    return "the target cannot be read (column " + std::to_string(e->column) + "): " + e->message;
  auto a = parse_actual(actual, *context.units);
  if (const auto* e = std::get_if<ParseError>(&a))
    return "the actual cannot be read (column " + std::to_string(e->column) + "): " + e->message;
  EvaluationContext explaining = context;
  explaining.explain = true;
  Verdict v = evaluate(std::get<Constraint>(t), std::get<Actual>(a), explaining);
  std::string out = v.explanation;
  for (const std::string& s : v.assumptions) out += "; assumed: " + s;
  return out;
} catch (const std::exception& e) {
  return std::string("the engine could not judge this row: ") + e.what();
}

std::string printable(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  auto escape = [&](unsigned char c) {
    out += "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 15];
  };
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) {
      escape(c);
      ++i;
      continue;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    // The length of a well-formed sequence (RFC 3629: no overlongs, no
    // surrogates, nothing above U+10FFFF), or 0.
    std::size_t n = c >= 0xC2 && c <= 0xDF   ? 2
                    : c >= 0xE0 && c <= 0xEF ? 3
                    : c >= 0xF0 && c <= 0xF4 ? 4
                                             : 0;
    bool ok = n > 0 && i + n <= text.size();
    for (std::size_t k = 1; ok && k < n; ++k) {
      auto d = static_cast<unsigned char>(text[i + k]);
      unsigned char lo = 0x80, hi = 0xBF;
      if (k == 1 && c == 0xE0) lo = 0xA0;
      if (k == 1 && c == 0xED) hi = 0x9F;
      if (k == 1 && c == 0xF0) lo = 0x90;
      if (k == 1 && c == 0xF4) hi = 0x8F;
      ok = d >= lo && d <= hi;
    }
    if (!ok) {
      escape(c);
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
                       : fast::parse_actual_by_grammar(actual, *impl_->context.units);
  if (std::holds_alternative<ParseError>(a)) {  // as `eval` does, whatever the target
    if (impl_->unreadable.size() < impl_->max_cached) impl_->unreadable.emplace(actual);
    return VerdictKind::error;
  }
  return evaluate(constraint, std::get<Actual>(a), impl_->context).kind;
}

// ---- rows ----

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
    // TSV has no quoting: every tab and line end is found in one pass over
    // the block, 16 bytes at a time, instead of one memchr per cell.
    const char* const begin = block.data();
    const char* const end = begin + block.size();
    const char* line = begin;  // start of the current line
    const char* cell_start = begin;
    std::size_t n = 0;  // cells ended so far on this line
    // The last ASCII space seen (null: none yet): a line with none lets the
    // judge skip looking for spaces to drop in its cells.
    const char* last_space = nullptr;
    auto tab_at = [&](const char* q) {
      if (n < fields_wanted)
        cells[n] = std::string_view(cell_start, static_cast<std::size_t>(q - cell_start));
      ++n;
      cell_start = q + 1;
    };
    auto line_end = [&](const char* q, bool spaced) {
      const char* stop = q;  // the line end: drop a '\r' before it
      if (stop > line && stop[-1] == '\r') --stop;
      std::uint64_t this_line = line_no++;
      if (stop != line) {
        if (stop < cell_start) stop = cell_start;  // "...\t\r": the last cell is empty
        if (n < columns.fields)
          cells[n] = std::string_view(cell_start, static_cast<std::size_t>(stop - cell_start));
        row_done(this_line, n + 1, spaced);
      }
      line = cell_start = q + 1;
      n = 0;
    };
    const char* p = begin;
#if defined(__SSE2__)
    const __m128i tab = _mm_set1_epi8('\t'), newline = _mm_set1_epi8('\n'),
                  space = _mm_set1_epi8(' ');
    for (; end - p >= 16; p += 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      auto tabs = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, tab)));
      auto ends = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, newline)));
      auto spaces = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, space)));
      for (unsigned hits = tabs | ends; hits; hits &= hits - 1) {
        unsigned i = static_cast<unsigned>(__builtin_ctz(hits));
        if (tabs >> i & 1) {
          tab_at(p + i);
          continue;
        }
        // A space on this line: in an earlier chunk, or in this one before
        // the line end and not before the line's start.
        unsigned from = line > p ? static_cast<unsigned>(line - p) : 0;
        unsigned here = spaces & ((1u << i) - 1) & ~((1u << from) - 1);
        line_end(p + i, here != 0 || (last_space && last_space >= line));
      }
      if (spaces) last_space = p + 31 - __builtin_clz(spaces);
    }
#endif
    for (; p < end; ++p) {
      if (*p == ' ')
        last_space = p;
      else if (*p == '\t')
        tab_at(p);
      else if (*p == '\n')
        line_end(p, last_space && last_space >= line);
    }
    if (line < end) {  // the last line has no line end
      const char* stop = end;
      if (stop > line && stop[-1] == '\r') --stop;
      std::uint64_t this_line = line_no++;
      if (stop != line) {
        if (stop < cell_start) stop = cell_start;
        if (n < columns.fields)
          cells[n] = std::string_view(cell_start, static_cast<std::size_t>(stop - cell_start));
        row_done(this_line, n + 1, last_space && last_space >= line);
      }
    }
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
  std::size_t capacity = options_.block_bytes * threads;
  buffer_.resize(capacity);
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
  std::uint64_t next_line = 1;
  std::size_t consumed = 0;
  while (true) {
    fill();
    const char* nl = static_cast<const char*>(std::memchr(buffer_.data(), '\n', filled));
    if (!nl && !eof && filled <= kMaxHeaderBytes) {
      buffer_.resize(buffer_.size() * 2);
      continue;
    }
    // A header longer than kMaxHeaderBytes is refused by map_header without
    // reading the rest of the line: memory stays bounded.
    std::size_t end = nl ? static_cast<std::size_t>(nl - buffer_.data()) : filled;
    std::string_view header(buffer_.data(), end);
    if (filled == 0) {
      result.usable = false;
      result.error = "the file is empty (no header)";
      return result;
    }
    std::string why;
    columns = map_header(header, options_.separator, &why);
    if (!columns) {
      result.usable = false;
      result.error = why;
      return result;
    }
    consumed = nl ? end + 1 : filled;
    next_line = 2;
    break;
  }

  std::vector<std::string> outputs(threads);
  std::vector<std::string_view> parts(threads);
  std::vector<std::uint64_t> first_lines(threads);
  std::vector<BlockCount> counted(threads);
  const RowFormatter* format = options_.format ? &options_.format : nullptr;
  while (true) {
    // Keep the unprocessed tail, then read up to capacity.
    if (consumed > 0) {
      std::memmove(buffer_.data(), buffer_.data() + consumed, filled - consumed);
      filled -= consumed;
      consumed = 0;
    }
    fill();
    if (filled == 0) break;
    // Whole lines only, unless the input has ended.
    std::size_t usable = filled;
    if (!eof) {
      const char* base = buffer_.data();
      const char* nl = static_cast<const char*>(memrchr(base, '\n', filled));
      if (!nl) {  // one line longer than the buffer: grow it
        buffer_.resize(buffer_.size() * 2);
        continue;
      }
      usable = static_cast<std::size_t>(nl - base) + 1;
    }
    std::string_view data(buffer_.data(), usable);
    // Split at line boundaries into `threads` parts of about equal size.
    std::size_t begin = 0;
    for (unsigned t = 0; t < threads; ++t) {
      std::size_t end = t + 1 == threads ? data.size() : data.size() * (t + 1) / threads;
      if (end < begin) end = begin;
      if (end < data.size() && t + 1 < threads) {
        std::size_t nl = data.find('\n', end == 0 ? 0 : end - 1);
        end = nl == std::string_view::npos ? data.size() : nl + 1;
      }
      parts[t] = data.substr(begin, end - begin);
      begin = end;
    }
    // Line numbers of each part's first line: counted only when rows are printed.
    first_lines[0] = next_line;
    for (unsigned t = 1; t < threads; ++t)
      first_lines[t] =
          format ? first_lines[t - 1] + static_cast<std::uint64_t>(std::count(
                                            parts[t - 1].begin(), parts[t - 1].end(), '\n'))
                 : 0;
    auto work = [&](unsigned t) {
      outputs[t].clear();
      counted[t] = process_block(parts[t], first_lines[t], *columns, judges_[t], tallies_[t],
                                 format, &outputs[t], options_.explain_rows);
    };
    if (threads == 1) {
      work(0);
    } else {
      std::vector<std::jthread> pool;
      pool.reserve(threads - 1);
      for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
      work(0);
    }
    for (unsigned t = 0; t < threads; ++t) {
      if (!outputs[t].empty()) write(outputs[t]);
      next_line += counted[t].lines;
      result.rows += counted[t].rows;
    }
    consumed = usable;
  }
  result.lines = next_line - 1;
  return result;
}

}  // namespace indicheck::batch
