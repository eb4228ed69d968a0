#include "engine/batch.hpp"

#include <algorithm>
#include <cstring>
#include <thread>
#include <variant>

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
  std::vector<std::string_view> cells(line.size() + 1);
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

Counts& slot(std::unordered_map<std::string, Counts, StringHash, std::equal_to<>>& m,
             std::string_view key) {
  auto it = m.find(key);
  if (it != m.end()) return it->second;
  return m.emplace(std::string(key), Counts{}).first->second;
}

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

std::vector<std::pair<std::string, Counts>> Tallies::sorted(
    const std::unordered_map<std::string, Counts, StringHash, std::equal_to<>>& m) {
  std::vector<std::pair<std::string, Counts>> v(m.begin(), m.end());
  // std::string compares as unsigned char: UTF-8 byte order.
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return v;
}

// ---- Judge ----

struct Judge::Impl {
  EvaluationContext context;
  std::size_t max_cached;
  // The parsed target, or nothing when it cannot be read.
  std::unordered_map<std::string, std::optional<Constraint>, StringHash, std::equal_to<>> targets;
  // Verdicts by (target, actual) as written: evaluate is pure, so a pair seen
  // before needs neither parse_actual nor evaluate. Key: the target's length
  // (4 bytes), the target, the actual.
  std::unordered_map<std::string, VerdictKind, StringHash, std::equal_to<>> pairs;
  std::string key;  // reused: a lookup allocates nothing
};

Judge::Judge(EvaluationContext context, std::size_t max_cached)
    : impl_(std::make_unique<Impl>(Impl{context, max_cached, {}, {}, {}})) {
  impl_->context.explain = false;  // a batch judge hands out kinds only
}
Judge::~Judge() = default;
Judge::Judge(Judge&&) noexcept = default;
Judge& Judge::operator=(Judge&&) noexcept = default;

std::size_t Judge::cached() const {
  return impl_->targets.size() + impl_->pairs.size();
}

VerdictKind Judge::judge(std::string_view target, std::string_view actual) try {
  std::string& key = impl_->key;
  key.clear();
  auto length = static_cast<std::uint32_t>(target.size());
  key.append(reinterpret_cast<const char*>(&length), sizeof length);
  key.append(target);
  key.append(actual);
  if (auto it = impl_->pairs.find(key); it != impl_->pairs.end()) return it->second;
  VerdictKind v = judge_uncached(target, actual);
  if (impl_->pairs.size() < impl_->max_cached * 4) impl_->pairs.emplace(key, v);
  return v;
} catch (const std::exception&) {
  // A cell the engine cannot handle is that row's error, never a stop.
  return VerdictKind::error;
}

VerdictKind Judge::judge_uncached(std::string_view target, std::string_view actual) try {
  const std::optional<Constraint>* constraint = nullptr;
  std::optional<Constraint> uncached;
  if (auto it = impl_->targets.find(target); it != impl_->targets.end()) {
    constraint = &it->second;
  } else {
    auto parsed = parse_target(target, *impl_->context.units);
    if (auto* c = std::get_if<Constraint>(&parsed)) uncached = std::move(*c);
    if (impl_->targets.size() < impl_->max_cached)
      constraint = &impl_->targets.emplace(std::string(target), std::move(uncached)).first->second;
    else
      constraint = &uncached;
  }
  if (!*constraint) return VerdictKind::error;  // the target cannot be read
  auto a = parse_actual(actual, *impl_->context.units);
  if (std::holds_alternative<ParseError>(a)) return VerdictKind::error;  // as `eval` does
  return evaluate(**constraint, std::get<Actual>(a), impl_->context).kind;
} catch (const std::exception&) {
  // A cell the engine cannot handle is that row's error, never a stop.
  return VerdictKind::error;
}

// ---- rows ----

BlockCount process_block(std::string_view block, std::uint64_t first_line, const ColumnMap& columns,
                         Judge& judge, Tallies& tallies, const RowFormatter* format,
                         std::string* out) {
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
  std::uint64_t line_no = first_line;
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
    ++counted.rows;
    Row row;
    row.line = this_line;
    row.fields = split(line, columns.separator, cells, columns.fields, scratch);
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
      row.verdict = judge.judge(row.target, row.actual);
      tallies.add(row.unit, row.level1, row.verdict);
      if (format) {
        row.level2 = cell(Column::level2);
        row.indicator = cell(Column::indicator);
        row.period = cell(Column::period);
      }
    }
    if (format) (*format)(*out, row);
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
    if (!nl && !eof) {
      buffer_.resize(buffer_.size() * 2);
      continue;
    }
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
                                 format, &outputs[t]);
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
