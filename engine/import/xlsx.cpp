#include "engine/import/xlsx.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <cstring>
#include <map>
#include <memory>
#include <string_view>

namespace indicheck {

namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct DocFreer {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;
using DocPtr = std::unique_ptr<xmlDoc, DocFreer>;

// Everything one read needs to report a problem against the workbook file.
struct Reader {
  const std::string& path;
  std::vector<Diagnostic>& diagnostics;
  zip_t* zip = nullptr;

  void fail(std::string message, unsigned line = 1, unsigned column = 1) {
    diagnostics.push_back(make_diagnostic(Severity::error, path, line, column, std::move(message)));
  }

  // The bytes of one part; nullopt when it is absent (`required` reports that).
  std::optional<std::string> part(const std::string& name, bool required) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip, name.c_str(), 0, &st) != 0) {
      if (required) fail("not a workbook: the part " + name + " is missing");
      return std::nullopt;
    }
    if (!(st.valid & ZIP_STAT_SIZE) || st.size > kMaxXlsxPartBytes) {
      fail("the part " + name + " is larger than " +
           std::to_string(kMaxXlsxPartBytes / (1024 * 1024)) + " MiB unpacked");
      return std::nullopt;
    }
    zip_file_t* f = zip_fopen(zip, name.c_str(), 0);
    if (!f) {
      fail("cannot unpack the part " + name + ": " + zip_strerror(zip));
      return std::nullopt;
    }
    std::string bytes(static_cast<std::size_t>(st.size), '\0');
    zip_int64_t got = bytes.empty() ? 0 : zip_fread(f, bytes.data(), st.size);
    zip_fclose(f);
    if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) {
      fail("cannot unpack the part " + name + ": the data is damaged");
      return std::nullopt;
    }
    return bytes;
  }

  // A parsed part. No network, no entity expansion, no messages on stderr.
  DocPtr xml(const std::string& name, const std::string& bytes) {
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) return nullptr;
    xmlDoc* doc = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), name.c_str(), nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) {
      const xmlError* e = xmlGetLastError();
      std::string why = e && e->message ? e->message : "not well-formed";
      while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
      fail("the part " + name + " is not well-formed XML" +
           (e ? " (its line " + std::to_string(e->line) + ": " + why + ")" : std::string()));
    }
    return DocPtr(doc);
  }
};

bool is(const xmlNode* n, const char* local) {
  return n && n->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(n->name), local) == 0;
}

// First child element with that local name (prefixes ignored: x:c and c alike).
const xmlNode* child(const xmlNode* n, const char* local) {
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
    if (is(c, local)) return c;
  return nullptr;
}

std::string attribute(const xmlNode* n, const char* local) {
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), local) != 0) continue;
    xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
  }
  return "";
}

std::string text_of(const xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

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
        if (cp < 0x80) {
          out += char(cp);
        } else if (cp < 0x800) {
          out += char(0xC0 | (cp >> 6));
          out += char(0x80 | (cp & 0x3F));
        } else {
          out += char(0xE0 | (cp >> 12));
          out += char(0x80 | ((cp >> 6) & 0x3F));
          out += char(0x80 | (cp & 0x3F));
        }
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// The text of a string item (<si> or <is>): plain <t>, or the <t> of each rich
// run <r>; phonetic runs (<rPh>) are not shown and are left out.
std::string string_item(const xmlNode* si) {
  std::string s;
  for (const xmlNode* c = si->children; c; c = c->next) {
    if (is(c, "t")) s += text_of(c);
    if (is(c, "r"))
      for (const xmlNode* t = c->children; t; t = t->next)
        if (is(t, "t")) s += text_of(t);
  }
  return unescape_excel(std::move(s));
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

struct Placed {
  unsigned row, col;
  std::string text;
};

bool read_sheet(Reader& reader, const std::string& part_name, const std::string& bytes,
                const std::vector<std::string>& shared, XlsxSheet& sheet) {
  DocPtr doc = reader.xml(part_name, bytes);
  if (!doc) return false;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  const xmlNode* data = child(root, "sheetData");
  std::vector<Placed> cells;
  unsigned max_row = 0, max_col = 0;
  bool any = false;
  bool ok = true;
  auto bad = [&](const std::string& what) {
    reader.fail("sheet " + sheet.name + " (" + part_name + "): " + what);
    ok = false;
  };
  long long next_row = 0;
  for (const xmlNode* r = data ? data->children : nullptr; r && ok; r = r->next) {
    if (!is(r, "row")) continue;
    long long row_index = next_row;
    std::string rattr = attribute(r, "r");
    if (!rattr.empty()) {
      unsigned ri = 0, dummy = 0;
      if (!parse_ref("A" + rattr, ri, dummy)) {
        bad("row number '" + rattr + "' is not a row number");
        break;
      }
      row_index = ri;
    }
    next_row = row_index + 1;
    unsigned next_col = 0;
    for (const xmlNode* c = r->children; c; c = c->next) {
      if (!is(c, "c")) continue;
      unsigned row = unsigned(row_index), col = next_col;
      std::string ref = attribute(c, "r");
      if (!ref.empty() && !parse_ref(ref, row, col)) {
        bad("cell reference '" + ref + "' is not a cell reference");
        break;
      }
      next_col = col + 1;
      std::string type = attribute(c, "t");
      std::string text;
      if (type == "inlineStr") {
        if (const xmlNode* is_node = child(c, "is")) text = string_item(is_node);
      } else if (const xmlNode* v = child(c, "v")) {
        std::string value = text_of(v);
        if (type == "s") {
          std::size_t k = 0;
          bool digits = !value.empty() && value.size() < 10;
          for (char ch : value) digits = digits && ch >= '0' && ch <= '9';
          if (digits) k = std::stoul(value);
          if (!digits || k >= shared.size()) {
            bad("cell " + ref + " names shared string '" + value + "', which does not exist");
            break;
          }
          text = shared[k];
        } else if (type == "b") {
          text = value == "1" ? "TRUE" : "FALSE";
        } else if (type == "str") {
          text = unescape_excel(value);
        } else {
          text = value;  // e (#DIV/0!), d (ISO dates)
          if (type.empty() || type == "n") {
            text = excel_number(value);
            if (text != value) sheet.rounded.push_back({row, col, value, text});
          }
        }
      }
      if (text.empty()) continue;
      cells.push_back({row, col, std::move(text)});
      max_row = std::max(max_row, row);
      max_col = std::max(max_col, col);
      any = true;
    }
  }
  if (!ok) return false;
  if (const xmlNode* merges = child(root, "mergeCells")) {
    for (const xmlNode* m = merges->children; m; m = m->next) {
      if (!is(m, "mergeCell")) continue;
      std::string ref = attribute(m, "ref");
      auto colon = ref.find(':');
      XlsxMerge merge{};
      if (colon == std::string::npos ||
          !parse_ref(std::string_view(ref).substr(0, colon), merge.first_row, merge.first_col) ||
          !parse_ref(std::string_view(ref).substr(colon + 1), merge.last_row, merge.last_col) ||
          merge.last_row < merge.first_row || merge.last_col < merge.first_col) {
        bad("merged range '" + ref + "' is not a range such as A1:A3");
        return false;
      }
      sheet.merges.push_back(merge);
      max_row = std::max(max_row, merge.last_row);
      max_col = std::max(max_col, merge.last_col);
      any = true;
    }
  }
  if (!any) return true;
  if ((std::size_t(max_row) + 1) * (std::size_t(max_col) + 1) > kMaxXlsxCells) {
    bad("it spans " + std::to_string(max_row + 1) + " rows and " + std::to_string(max_col + 1) +
        " columns, more than the limit of " + std::to_string(kMaxXlsxCells) + " cells");
    return false;
  }
  sheet.rows.assign(max_row + 1, std::vector<std::string>(max_col + 1));
  for (Placed& p : cells) sheet.rows[p.row][p.col] = std::move(p.text);
  return true;
}

}  // namespace

std::string cell_reference(unsigned row, unsigned col) {
  std::string letters;
  for (unsigned c = col + 1; c > 0; c = (c - 1) / 26)
    letters.insert(letters.begin(), char('A' + (c - 1) % 26));
  return letters + std::to_string(row + 1);
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

std::optional<std::vector<XlsxSheet>> read_xlsx(const std::string& path,
                                                std::vector<Diagnostic>& diagnostics) {
  Reader reader{path, diagnostics};
  int error = 0;
  ZipPtr zip(zip_open(path.c_str(), ZIP_RDONLY, &error));
  if (!zip) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, error);
    std::string why = error == ZIP_ER_NOENT   ? "no such file"
                      : error == ZIP_ER_NOZIP ? "not an xlsx workbook (not a zip archive)"
                                              : zip_error_strerror(&ze);
    zip_error_fini(&ze);
    reader.fail("cannot open: " + why);
    return std::nullopt;
  }
  reader.zip = zip.get();

  auto workbook_bytes = reader.part("xl/workbook.xml", true);
  auto rels_bytes = reader.part("xl/_rels/workbook.xml.rels", true);
  if (!workbook_bytes || !rels_bytes) return std::nullopt;
  DocPtr workbook = reader.xml("xl/workbook.xml", *workbook_bytes);
  DocPtr rels = reader.xml("xl/_rels/workbook.xml.rels", *rels_bytes);
  if (!workbook || !rels) return std::nullopt;

  std::map<std::string, std::string> targets;  // relationship id → part name
  for (const xmlNode* r = xmlDocGetRootElement(rels.get())->children; r; r = r->next)
    if (is(r, "Relationship")) targets[attribute(r, "Id")] = resolve_target(attribute(r, "Target"));

  std::vector<std::string> shared;
  if (auto sst_bytes = reader.part("xl/sharedStrings.xml", false)) {
    DocPtr sst = reader.xml("xl/sharedStrings.xml", *sst_bytes);
    if (!sst) return std::nullopt;
    for (const xmlNode* si = xmlDocGetRootElement(sst.get())->children; si; si = si->next)
      if (is(si, "si")) shared.push_back(string_item(si));
  } else if (has_errors(diagnostics)) {
    return std::nullopt;
  }

  std::vector<XlsxSheet> sheets;
  bool ok = true;
  const xmlNode* list = child(xmlDocGetRootElement(workbook.get()), "sheets");
  for (const xmlNode* s = list ? list->children : nullptr; s; s = s->next) {
    if (!is(s, "sheet")) continue;
    XlsxSheet sheet;
    sheet.name = attribute(s, "name");
    auto target = targets.find(attribute(s, "id"));
    if (target == targets.end()) {
      reader.fail("sheet " + sheet.name + " has no part in xl/_rels/workbook.xml.rels");
      ok = false;
      continue;
    }
    auto bytes = reader.part(target->second, true);
    if (!bytes || !read_sheet(reader, target->second, *bytes, shared, sheet)) {
      ok = false;
      continue;
    }
    sheets.push_back(std::move(sheet));
  }
  if (!ok) return std::nullopt;
  if (sheets.empty()) {
    reader.fail("the workbook has no sheets");
    return std::nullopt;
  }
  return sheets;
}

}  // namespace indicheck
