// Reading an Office Open XML workbook (xlsx.hpp): each part streamed once.

#include "engine/import/xlsx.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "engine/base/input_file.hpp"
#include "engine/base/message.hpp"
#include "engine/base/number.hpp"
#include "engine/base/utf8.hpp"
#include "engine/import/package.hpp"

namespace indicheck {

namespace {

// Excel writes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for CR).
std::string unescape_excel(std::string s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      unsigned cp = 0;
      bool hex = true;
      for (std::size_t k = 2; k < 6; ++k) {
        char c = s[i + k];
        unsigned d = c >= '0' && c <= '9'   ? unsigned(c - '0')
                     : c >= 'a' && c <= 'f' ? unsigned(c - 'a' + 10)
                     : c >= 'A' && c <= 'F' ? unsigned(c - 'A' + 10)
                                            : 16u;
        if (d == 16) hex = false;
        cp = cp * 16 + d;
      }
      if (hex && !(cp >= 0xD800 && cp <= 0xDFFF)) {
        utf8::append(out, static_cast<utf8::CodePoint>(cp));
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// "B12" → row 11, column 1 (0-based). False for anything else.
bool parse_ref(std::string_view ref, unsigned& row, unsigned& col) {
  std::size_t i = 0;
  unsigned c = 0, r = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3)
    c = c * 26 + (ref[i++] - 'A' + 1);
  if (c == 0 || c > 16384 || i == ref.size()) return false;
  std::size_t digits = 0;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && digits < 8) {
    r = r * 10 + unsigned(ref[i++] - '0');
    ++digits;
  }
  if (i != ref.size() || r == 0 || r > 1048576) return false;
  row = r - 1;
  col = c - 1;
  return true;
}

// A path in workbook.xml.rels, relative to xl/ unless it starts with '/'.
std::string resolve_target(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  std::string t = target;
  std::string base = "xl";
  while (t.rfind("../", 0) == 0) {
    t = t.substr(3);
    base.clear();
  }
  return base.empty() ? t : base + "/" + t;
}

// A string item (<si> of the shared strings, <is> of an inline string): the
// text of its <t> elements, plain or in rich runs (<r>); phonetic runs (<rPh>)
// are not shown and are left out. Fed node by node; `done` once its end passed.
struct StringItem {
  std::string text;
  std::size_t length = 0;  // the whole length; `text` stops at kImportLimits.max_cell_bytes + 1
  int phonetic_depth = -1;
  bool in_t = false;

  void reset() { *this = StringItem{}; }
  // Takes one node inside the item.
  void take(const XmlNode& n) {
    if (n.is_start("rPh") && !n.empty_element())
      phonetic_depth = n.depth();
    else if (n.is_end("rPh") && n.depth() == phonetic_depth)
      phonetic_depth = -1;
    else if (phonetic_depth < 0 && n.is_start("t") && !n.empty_element())
      in_t = true;
    else if (n.is_end("t"))
      in_t = false;
    else if (in_t && phonetic_depth < 0 && n.is_text())
      append(n.text());
  }
  void append(std::string_view t) {
    length += t.size();
    if (text.size() <= kImportLimits.max_cell_bytes)
      text.append(t.substr(0, kImportLimits.max_cell_bytes + 1 - text.size()));
  }
};

// A number format that shows a percent: the built-in 0% and 0.00% (ids 9 and
// 10), or a format code with a % outside quotes and not escaped.
bool percent_format(unsigned id, const std::string& code) {
  if (id == 9 || id == 10) return true;
  bool quoted = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (code[i] == '"') quoted = !quoted;
    if (code[i] == '\\')
      ++i;
    else if (!quoted && code[i] == '%')
      return true;
  }
  return false;
}

// What a person typed as a target, stored by Excel as a formula: "=12000亩"
// is kept as the formula 12000亩, "=100%" as 100%. A literal: digits, a point,
// then at most a % or a unit (no operator, reference or call).
bool literal_formula(const std::string& f) {
  if (f.empty() || !(f[0] >= '0' && f[0] <= '9')) return false;
  std::size_t i = 0;
  while (i < f.size() && ((f[i] >= '0' && f[i] <= '9') || f[i] == '.')) ++i;
  for (; i < f.size(); ++i)
    if (std::string_view("+-*/^&(),:!$<>=\" ").find(f[i]) != std::string_view::npos) return false;
  return true;
}

// Whether Excel's cached value is the literal's number: 100% cached as 1,
// 95 as 95. A literal with a unit has no number Excel could compute.
bool cached_agrees(const std::string& literal, const std::string& cached) {
  std::string number = literal;
  bool percent = number.ends_with("%");
  if (percent) number.pop_back();
  if (number.find_first_not_of("0123456789.") != std::string::npos) return false;
  auto typed = Number::parse_decimal(number);
  auto value = Number::parse_decimal(excel_number(cached));
  if (!typed || !value) return false;
  return percent ? *typed == *value * Number::parse_decimal("100").value() : *typed == *value;
}

struct SheetReader {
  GridBuilder& grid;
  const std::string& part;
  const std::vector<std::string>& shared;
  long long next_row = 0;
  unsigned row = 0, next_col = 0;
  // The cell being read.
  bool in_cell = false, in_value = false, in_inline = false;
  unsigned cell_row = 0, cell_col = 0, cell_line = 0;
  std::string ref, type, value;
  StringItem inline_string;

  // The cell's style (s="N") and formula (<f>), when it has them.
  const std::vector<bool>& percent_styles;
  std::string style, formula;
  bool has_formula = false, in_formula = false;

  SheetReader(GridBuilder& g, const std::string& p, const std::vector<std::string>& s,
              const std::vector<bool>& percent)
      : grid(g), part(p), shared(s), percent_styles(percent) {}

  bool bad(const std::string& what, unsigned line) {
    grid.fail(Code::read_sheet_invalid, tr("sheet {} ({}): {}", grid.table().name, part, what),
              line);
    return false;
  }

  bool visit(const XmlNode& n) {
    if (in_inline) {
      if (n.is_end("is"))
        in_inline = false;
      else
        inline_string.take(n);
      return true;
    }
    if (in_formula) {
      if (n.is_end("f"))
        in_formula = false;
      else if (n.is_text() && formula.size() <= kImportLimits.max_cell_bytes)
        formula += n.text();
      return true;
    }
    if (in_value) {
      if (n.is_end("v"))
        in_value = false;
      else if (n.is_text() && value.size() <= kImportLimits.max_cell_bytes)
        value += n.text();
      return true;
    }
    if (n.is_start("row")) {
      std::string r = n.attribute("r");
      long long index = next_row;
      if (!r.empty()) {
        unsigned ri = 0, unused = 0;
        if (!parse_ref("A" + r, ri, unused))
          return bad(tr("row number '{}' is not a row number", r), n.line());
        index = ri;
      }
      row = unsigned(index);
      next_row = index + 1;
      next_col = 0;
      return true;
    }
    if (n.is_start("c")) {
      ref = n.attribute("r");
      type = n.attribute("t");
      cell_row = row;
      cell_col = next_col;
      cell_line = n.line();
      if (!ref.empty() && !parse_ref(ref, cell_row, cell_col))
        return bad(tr("cell reference '{}' is not a cell reference", ref), n.line());
      next_col = cell_col + 1;
      value.clear();
      style = n.attribute("s");
      formula.clear();
      has_formula = false;
      inline_string.reset();
      in_cell = !n.empty_element();
      return true;
    }
    if (in_cell && n.is_start("v") && !n.empty_element()) {
      in_value = true;
      return true;
    }
    if (in_cell && n.is_start("f")) {
      has_formula = true;  // a shared formula's other cells have <f/> with no text
      in_formula = !n.empty_element();
      return true;
    }
    if (in_cell && n.is_start("is") && !n.empty_element()) {
      in_inline = true;
      return true;
    }
    if (in_cell && n.is_end("c")) {
      in_cell = false;
      return end_cell();
    }
    if (n.is_start("mergeCell")) {
      std::string range = n.attribute("ref");
      auto colon = range.find(':');
      GridMerge m;
      if (colon == std::string::npos ||
          !parse_ref(std::string_view(range).substr(0, colon), m.first_row, m.first_col) ||
          !parse_ref(std::string_view(range).substr(colon + 1), m.last_row, m.last_col) ||
          m.last_row < m.first_row || m.last_col < m.first_col)
        return bad(tr("merged range '{}' is not a range such as A1:A3", range), n.line());
      grid.add_merge(m);
      return true;
    }
    return true;
  }

  std::string where() { return grid.table().name + "!" + cell_reference(cell_row, cell_col); }

  bool percent_style() const {
    if (style.empty() || style.size() > 6 || style.find_first_not_of("0123456789") != style.npos)
      return false;
    std::size_t k = std::stoul(style);
    return k < percent_styles.size() && percent_styles[k];
  }

  // A formula cell: its cached value only when it is text, or when the
  // formula is what a person typed as a target (=100%, =12000亩), read as
  // typed; any other formula is flagged with a warning on its row, its cached
  // value (if any) kept, never a silent 0.
  bool formula_cell() {
    // A shared formula's other cells carry no text: the formula is the first's.
    const std::string typed =
        formula.empty() ? std::string(tr("(a shared formula)")) : "=" + unescape_excel(formula);
    if (type == "str" || type == "inlineStr" || type == "s") return false;  // text: as cached
    const unsigned line = cell_row + 1;
    if (literal_formula(formula)) {
      std::string cached = value.empty() ? "" : excel_number(value);
      grid.note(line, grid.table().name,
                cached.empty()
                    ? tr("{}: a formula cell typed {} read as the text typed (no cached value)",
                         where(), typed)
                : cached_agrees(formula, value)
                    ? tr("{}: a formula cell typed {} read as the text typed (its cached value {} "
                         "agrees)",
                         where(), typed, cached)
                    : tr("{}: a formula cell typed {} read as the text typed (its cached value {} "
                         "does not: not used)",
                         where(), typed, cached));
      return grid.add_cell(cell_row, cell_col, typed, line);
    }
    const bool number = type != "e" && type != "b";
    std::string cached = number ? excel_number(value) : value;
    // As its format shows it (0.96 in a percent format is 96%): what is read.
    if (number && !cached.empty()) cached = as_formatted(std::move(cached));
    grid.fail(Code::import_formula_cell,
              cached.empty()
                  ? tr("{}: the formula {} has no cached value: the cell is read empty; check it "
                       "against the table as published",
                       where(), clip_to_width(typed, 60))
                  : tr("{}: the formula {} is read as its cached value {}, as last saved; check "
                       "it against the table as published",
                       where(), clip_to_width(typed, 60), cached),
              line);
    if (cached.empty()) return true;
    return grid.add_cell(cell_row, cell_col, cached, line);
  }

  // A number as its cell's format shows it: a percent format shows 0.96 as
  // 96% (an assumption with the cell's reference).
  std::string as_formatted(std::string number) {
    if (number.empty() || !percent_style() || !Number::parse_decimal(number)) return number;
    std::string shown = times_hundred(number) + "%";
    grid.note(
        cell_row + 1, grid.table().name,
        tr("{}: the number {} read as {}, as its percent format shows it", where(), number, shown));
    return shown;
  }

  bool end_cell() {
    if (has_formula && formula_cell()) return true;
    std::string_view text;
    std::string owned;
    std::size_t length = 0;
    if (type == "inlineStr") {
      owned = unescape_excel(std::move(inline_string.text));
      length = inline_string.length;
    } else if (type == "s") {
      std::size_t k = 0;
      bool digits = !value.empty() && value.size() < 10;
      for (char ch : value) digits = digits && ch >= '0' && ch <= '9';
      if (digits) k = std::stoul(value);
      if (!digits || k >= shared.size())
        return bad(tr("cell {} names shared string '{}', which does not exist", ref, value),
                   cell_line);
      text = shared[k];
    } else if (type == "b") {
      owned = value == "1" ? "TRUE" : "FALSE";
    } else if (type == "str") {
      owned = unescape_excel(value);
    } else if (type.empty() || type == "n") {
      owned = excel_number(value);
      if (owned != value)
        grid.note(cell_row + 1, grid.table().name,
                  tr("{}!{}: the number {} read as {}, as Excel shows it (15 significant "
                     "digits; the rest is binary rounding)",
                     grid.table().name, cell_reference(cell_row, cell_col), value, owned));
      owned = as_formatted(std::move(owned));
    } else {
      owned = value;  // e (#DIV/0!), d (ISO dates)
    }
    if (type != "s") text = owned;
    if (text.empty() && length == 0) return true;
    return grid.add_cell(cell_row, cell_col, text, cell_row + 1, length);
  }
};

}  // namespace

std::string times_hundred(const std::string& decimal) {
  std::string sign = decimal.starts_with("-") ? "-" : "";
  std::string digits = decimal.substr(sign.size());
  auto point = digits.find('.');
  std::string whole = digits.substr(0, point);
  std::string fraction = point == std::string::npos ? "" : digits.substr(point + 1);
  fraction.resize(std::max<std::size_t>(fraction.size(), 2), '0');
  whole += fraction.substr(0, 2);
  fraction.erase(0, 2);
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  std::string out = whole + (fraction.empty() ? "" : "." + fraction);
  return out == "0" ? out : sign + out;
}

std::string excel_number(std::string_view written) {
  // [-]digits[.digits][(e|E)[+-]digits]
  std::size_t i = 0;
  bool negative = false;
  if (i < written.size() && (written[i] == '-' || written[i] == '+'))
    negative = written[i++] == '-';
  std::string digits;  // every mantissa digit, the point removed
  long long point = -1;
  std::size_t start = i;
  for (; i < written.size(); ++i) {
    char c = written[i];
    if (c >= '0' && c <= '9')
      digits += c;
    else if (c == '.' && point < 0)
      point = static_cast<long long>(digits.size());
    else
      break;
  }
  if (digits.empty() || i == start) return std::string(written);
  long long exponent = 0;
  if (i < written.size() && (written[i] == 'e' || written[i] == 'E')) {
    ++i;
    bool minus = false;
    if (i < written.size() && (written[i] == '-' || written[i] == '+')) minus = written[i++] == '-';
    std::size_t exp_start = i;
    for (; i < written.size() && written[i] >= '0' && written[i] <= '9' && i - exp_start < 6; ++i)
      exponent = exponent * 10 + (written[i] - '0');
    if (i == exp_start) return std::string(written);
    if (minus) exponent = -exponent;
  }
  if (i != written.size()) return std::string(written);
  // value = 0.D × 10^e, D without leading zeros.
  long long e = (point < 0 ? static_cast<long long>(digits.size()) : point) + exponent;
  std::size_t lead = digits.find_first_not_of('0');
  if (lead == std::string::npos) return exponent == 0 ? std::string(written) : "0";
  digits.erase(0, lead);
  e -= static_cast<long long>(lead);
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  constexpr std::size_t kShown = 15;
  bool dropped = digits.size() > kShown;
  if (dropped) {
    bool up = digits[kShown] >= '5';
    digits.resize(kShown);
    for (std::size_t k = kShown; up && k-- > 0;) {
      if (digits[k] == '9') {
        digits[k] = '0';
      } else {
        ++digits[k];
        up = false;
      }
    }
    if (up) {
      digits.insert(digits.begin(), '1');
      ++e;
    }
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
  }
  if (!dropped && exponent == 0) return std::string(written);
  // Plain notation, when it stays short.
  long long n = static_cast<long long>(digits.size());
  long long length = e <= 0 ? 2 - e + n : std::max(e, n) + (n > e ? 1 : 0);
  if (length > 30) return std::string(written);
  std::string out = negative ? "-" : "";
  if (e <= 0) {
    out += "0." + std::string(static_cast<std::size_t>(-e), '0') + digits;
  } else if (n <= e) {
    out += digits + std::string(static_cast<std::size_t>(e - n), '0');
  } else {
    out += digits.substr(0, static_cast<std::size_t>(e)) + "." +
           digits.substr(static_cast<std::size_t>(e));
  }
  return out;
}

std::optional<Grid> read_xlsx(const std::string& file, const std::string& bytes,
                              std::vector<Diagnostic>& diagnostics, const GridLimits& limits) {
  GridBuilder grid(file, diagnostics, limits);
  Package package(bytes, grid, N_("xlsx workbook"));
  if (!package.opened()) return std::nullopt;

  struct Sheet {
    std::string name, id;
    unsigned line = 0;
  };
  std::vector<Sheet> sheets;
  std::map<std::string, std::string> targets;  // relationship id → part name
  if (!package.read("xl/workbook.xml", [&](const XmlNode& n) {
        if (n.is_start("sheet"))
          sheets.push_back({n.attribute("name"), n.attribute("id"), n.line()});
        return true;
      }))
    return std::nullopt;
  if (!package.read("xl/_rels/workbook.xml.rels", [&](const XmlNode& n) {
        if (n.is_start("Relationship"))
          targets[n.attribute("Id")] = resolve_target(n.attribute("Target"));
        return true;
      }))
    return std::nullopt;

  std::vector<std::string> shared;
  if (package.has("xl/sharedStrings.xml")) {
    StringItem item;
    bool in_item = false;
    if (!package.read("xl/sharedStrings.xml", [&](const XmlNode& n) {
          if (n.is_start("si")) {
            item.reset();
            in_item = !n.empty_element();
            if (!in_item) shared.emplace_back();
          } else if (in_item && n.is_end("si")) {
            in_item = false;
            shared.push_back(unescape_excel(std::move(item.text)));
          } else if (in_item) {
            item.take(n);
          }
          return true;
        }))
      return std::nullopt;
  }

  // Which cell styles (cellXfs, by index) show a number as a percent.
  std::vector<bool> percent_styles;
  if (package.has("xl/styles.xml")) {
    std::map<unsigned, std::string> codes;  // custom number formats by id
    bool in_xfs = false;
    auto id_of = [](const std::string& s) -> unsigned {
      return s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != s.npos
                 ? 0
                 : unsigned(std::stoul(s));
    };
    if (!package.read("xl/styles.xml", [&](const XmlNode& n) {
          if (n.is_start("numFmt"))
            codes[id_of(n.attribute("numFmtId"))] = n.attribute("formatCode");
          else if (n.is_start("cellXfs"))
            in_xfs = !n.empty_element();
          else if (n.is_end("cellXfs"))
            in_xfs = false;
          else if (in_xfs && n.is_start("xf")) {
            unsigned id = id_of(n.attribute("numFmtId"));
            auto code = codes.find(id);
            percent_styles.push_back(percent_format(id, code == codes.end() ? "" : code->second));
          }
          return true;
        }))
      return std::nullopt;
  }

  bool ok = true;
  std::map<std::string, std::string> read_as;  // part → the sheet it was read as
  for (const Sheet& s : sheets) {
    auto target = targets.find(s.id);
    if (target == targets.end()) {
      grid.fail(Code::xlsx_sheet_no_part,
                tr("sheet {} has no part in xl/_rels/workbook.xml.rels", s.name));
      ok = false;
      continue;
    }
    const std::string& part = target->second;
    // A part is parsed once, whatever number of sheets name it.
    if (auto first = read_as.find(part); first != read_as.end()) {
      grid.note(0, s.name,
                tr("the sheet {} names the part {}, already read as sheet {}: not read again",
                   s.name, part, first->second));
      continue;
    }
    read_as[part] = s.name;
    grid.start_table(s.name);
    SheetReader reader(grid, part, shared, percent_styles);
    if (!package.read(part, [&](const XmlNode& n) { return reader.visit(n); }) ||
        !grid.finish_table(0))
      return std::nullopt;
  }
  if (!ok) return std::nullopt;
  if (sheets.empty()) {
    grid.fail(Code::read_no_sheets, tr("the workbook has no sheets"));
    return std::nullopt;
  }
  return grid.take();
}

std::optional<Grid> read_xlsx(const std::string& path, std::vector<Diagnostic>& diagnostics) {
  auto bytes = read_file(path, diagnostics);
  if (!bytes) return std::nullopt;
  return read_xlsx(path, *bytes, diagnostics, GridLimits{});
}

}  // namespace indicheck
