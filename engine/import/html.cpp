// HTML tables (readers.hpp), read with libxml2's HTML parser through SAX
// callbacks: no tree of the page is built, each table's cells are kept as they
// close, and the cells and text are charged to the limits as they come.

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>

#include <algorithm>
#include <cstring>
#include <map>

#include "engine/base/message.hpp"
#include "engine/import/encoding.hpp"
#include "engine/import/readers.hpp"

namespace indicheck {

namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

bool ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// The charset a page declares in its first 4 KiB (<meta charset=…> or
// http-equiv's content="…; charset=…"), lower case; "" when none.
std::string declared_charset(const std::string& bytes) {
  std::string head = lower_ascii(std::string_view(bytes).substr(0, 4096));
  for (std::size_t at = head.find("<meta"); at != std::string::npos;
       at = head.find("<meta", at + 5)) {
    std::size_t end = head.find('>', at);
    std::string tag = head.substr(at, end == std::string::npos ? std::string::npos : end - at);
    std::size_t c = tag.find("charset");
    if (c == std::string::npos) continue;
    c += 7;
    while (c < tag.size() &&
           (ascii_space(tag[c]) || tag[c] == '=' || tag[c] == '"' || tag[c] == '\''))
      ++c;
    std::size_t e = c;
    while (e < tag.size() &&
           (std::isalnum(static_cast<unsigned char>(tag[e])) || tag[e] == '-' || tag[e] == '_'))
      ++e;
    if (e > c) return tag.substr(c, e - c);
  }
  return "";
}

bool gb_family(const std::string& charset) {
  return charset == "gb2312" || charset == "gbk" || charset == "gb18030" || charset == "x-gbk" ||
         charset == "cp936" || charset == "euc-cn" || charset == "windows-936";
}

// A cell being read: its text, as a browser lays it out (runs of white space one
// space, a line break for <br> and between blocks).
struct CellBuild {
  std::string text;
  std::size_t length = 0;
  unsigned rowspan = 1, colspan = 1, line = 0;
  bool pending_space = false;

  void add_text(const char* s, int n) {
    for (int i = 0; i < n; ++i) {
      char c = s[i];
      if (ascii_space(c)) {
        pending_space = true;
        continue;
      }
      if (pending_space && !text.empty() && text.back() != '\n') put(' ');
      pending_space = false;
      put(c);
    }
  }
  void line_break() {
    pending_space = false;
    put('\n');
  }
  void block_break() {
    if (!text.empty() && text.back() != '\n') line_break();
  }
  void put(char c) {
    ++length;
    if (text.size() <= kImportLimits.max_cell_bytes) text += c;
  }
  // The text without white space around it or its lines, &nbsp; a plain space.
  std::string finished() const {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(start, end - start);
      for (std::size_t at; (at = line.find("\xC2\xA0")) != std::string::npos;)
        line.replace(at, 2, " ");
      std::size_t b = line.find_first_not_of(' '), e = line.find_last_not_of(' ');
      line = b == std::string::npos ? "" : line.substr(b, e - b + 1);
      if (!line.empty()) out += (out.empty() ? "" : "\n") + line;
      start = end + 1;
    }
    return out;
  }
};

struct RowBuild {
  unsigned line = 0;
  std::vector<CellBuild> cells;
};

struct TableBuild {
  unsigned number = 0;  // counts every <table> start, from 1
  unsigned line = 0;
  std::vector<RowBuild> rows;
  bool in_row = false, in_cell = false;
};

struct HtmlState {
  htmlParserCtxtPtr ctxt = nullptr;
  GridBuilder* grid = nullptr;
  GridLimits limits;
  std::vector<TableBuild> open;         // nested tables, innermost last
  std::map<unsigned, TableBuild> done;  // by number: emitted in page order
  unsigned tables_seen = 0;
  int skip_depth = 0;  // inside <script> or <style>
  std::size_t cells = 0, text = 0;
  bool stopped = false;

  unsigned line() const { return unsigned(std::max(1, xmlSAX2GetLineNumber(ctxt))); }

  CellBuild* cell() {
    if (open.empty() || !open.back().in_cell) return nullptr;
    return &open.back().rows.back().cells.back();
  }

  // Only the whole-file limits stop the parse early.
  void stop(std::string message) {
    if (stopped) return;
    grid->fail(Code::read_limit_exceeded, std::move(message), line());
    stopped = true;
    xmlStopParser(ctxt);
  }
};

unsigned span(const xmlChar** atts, const char* name, unsigned most) {
  for (const xmlChar** a = atts; a && a[0]; a += 2) {
    if (lower_ascii(reinterpret_cast<const char*>(a[0])) != name || !a[1]) continue;
    unsigned long v = 0;
    const char* s = reinterpret_cast<const char*>(a[1]);
    while (ascii_space(*s)) ++s;
    for (; *s >= '0' && *s <= '9' && v <= most; ++s) v = v * 10 + unsigned(*s - '0');
    return v == 0 ? 1 : unsigned(std::min<unsigned long>(v, most));
  }
  return 1;
}

void start_element(void* ctx, const xmlChar* name_x, const xmlChar** atts) {
  auto* st = static_cast<HtmlState*>(ctx);
  std::string name = lower_ascii(reinterpret_cast<const char*>(name_x));
  if (name == "script" || name == "style") {
    ++st->skip_depth;
    return;
  }
  if (name == "table") {
    TableBuild t;
    t.number = ++st->tables_seen;
    t.line = st->line();
    st->open.push_back(std::move(t));
    return;
  }
  if (st->open.empty()) return;
  TableBuild& t = st->open.back();
  if (name == "tr") {
    if (t.in_cell) t.in_cell = false;
    t.rows.push_back({st->line(), {}});
    t.in_row = true;
  } else if (name == "td" || name == "th") {
    if (!t.in_row) {  // a cell outside any row: a row of its own
      t.rows.push_back({st->line(), {}});
      t.in_row = true;
    }
    if (++st->cells > st->limits.cells)
      return st->stop(
          tr("{}: more cells than the limit of {} (a limit for the whole file, "
             "docs/limits.md): not read",
             tr("table {}", t.number), st->limits.cells));
    CellBuild c;
    // The HTML standard's largest spans.
    c.rowspan = span(atts, "rowspan", 65534);
    c.colspan = span(atts, "colspan", 1000);
    c.line = st->line();
    t.rows.back().cells.push_back(std::move(c));
    t.in_cell = true;
  } else if (CellBuild* c = st->cell()) {
    if (name == "br")
      c->line_break();
    else if (name == "p" || name == "div" || name == "li")
      c->block_break();
  }
}

void end_element(void* ctx, const xmlChar* name_x) {
  auto* st = static_cast<HtmlState*>(ctx);
  std::string name = lower_ascii(reinterpret_cast<const char*>(name_x));
  if (name == "script" || name == "style") {
    st->skip_depth = std::max(0, st->skip_depth - 1);
    return;
  }
  if (st->open.empty()) return;
  TableBuild& t = st->open.back();
  if (name == "table") {
    st->done[t.number] = std::move(t);
    st->open.pop_back();
  } else if (name == "tr") {
    t.in_row = t.in_cell = false;
  } else if (name == "td" || name == "th") {
    t.in_cell = false;
  } else if (CellBuild* c = st->cell()) {
    if (name == "p" || name == "div" || name == "li") c->block_break();
  }
}

void characters(void* ctx, const xmlChar* ch, int len) {
  auto* st = static_cast<HtmlState*>(ctx);
  if (st->skip_depth > 0) return;
  CellBuild* c = st->cell();
  if (!c) return;
  st->text += std::size_t(len);
  if (st->text > st->limits.text_bytes)
    return st->stop(
        tr("the cells' text comes to more than {} MiB (a limit for the whole file, "
           "docs/limits.md): not read",
           st->limits.text_bytes >> 20));
  c->add_text(reinterpret_cast<const char*>(ch), len);
}

// Places a table's cells as the HTML table model does: each cell at the first
// column its row has free, a rowspan or colspan a merged range that later rows
// skip.
bool emit(GridBuilder& grid, const TableBuild& t) {
  grid.start_table(tr("table {}", t.number));
  std::vector<unsigned> busy_until;  // per column: the first row free again
  for (unsigned r = 0; r < t.rows.size(); ++r) {
    grid.set_row_line(r, t.rows[r].line);
    unsigned col = 0;
    for (const CellBuild& c : t.rows[r].cells) {
      while (col < busy_until.size() && busy_until[col] > r) ++col;
      if (std::size_t(col) + c.colspan > kImportLimits.max_html_columns) {
        grid.fail(Code::read_sheet_invalid,
                  tr("{}: a row wider than {} columns: not read", tr("table {}", t.number),
                     kImportLimits.max_html_columns),
                  c.line);
        return false;
      }
      if (busy_until.size() < col + c.colspan) busy_until.resize(col + c.colspan, 0);
      for (unsigned k = col; k < col + c.colspan; ++k) busy_until[k] = r + c.rowspan;
      std::string text = c.finished();
      if ((!text.empty() || c.length > kImportLimits.max_cell_bytes) &&
          !grid.add_cell(r, col, text, c.line,
                         c.length > kImportLimits.max_cell_bytes ? c.length : 0))
        return false;
      if (c.rowspan > 1 || c.colspan > 1)
        grid.add_merge({r, col, r + c.rowspan - 1, col + c.colspan - 1});
      col += c.colspan;
    }
  }
  return grid.finish_table(0);
}

// Whether a cell of the table uses a word of a performance table; a page's
// navigation bar or footer ("打印本页") uses none.
bool performance_table(const GridTable& t) {
  for (const GridCell& c : t.cells)
    for (const char* word : {"指标", "资金", "预算", "绩效"})
      if (c.text.find(word) != std::string::npos) return true;
  return false;
}

// A page with several tables: those using a performance table's words are
// read, in page order; the rest (navigation, footers) are left out. Either
// way a note names each table and what became of it.
void select_tables(Grid& grid) {
  if (grid.tables.size() < 2) return;
  bool any = std::any_of(grid.tables.begin(), grid.tables.end(), performance_table);
  std::string read, left;
  std::vector<GridTable> kept;
  for (GridTable& t : grid.tables) {
    std::string which = tr("{} (line {})", t.name, t.line_of(t.cells.front().row));
    if (any && !performance_table(t)) {
      left += (left.empty() ? "" : ", ") + which;
      continue;
    }
    read += (read.empty() ? "" : ", ") + which;
    kept.push_back(std::move(t));
  }
  std::string text =
      kept.size() == 1
          ? tr("the page has {} tables with text: read {}", grid.tables.size(), read)
          : tr("the page has {} tables with text: read in turn {}", grid.tables.size(), read);
  if (!left.empty()) text += tr("; not read, as no cell names 指标, 资金, 预算 or 绩效: {}", left);
  grid.tables = std::move(kept);
  grid.notes.insert(grid.notes.begin(), {0, "", text});
}

}  // namespace

bool looks_like_html(const std::string& bytes) {
  std::string head = lower_ascii(std::string_view(bytes).substr(0, 4096));
  std::size_t i = head.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (true) {
    while (i < head.size() && ascii_space(head[i])) ++i;
    if (head.compare(i, 5, "<?xml") == 0 || head.compare(i, 4, "<!--") == 0) {
      std::size_t end = head.find(head[i + 1] == '?' ? "?>" : "-->", i);
      if (end == std::string::npos) return false;
      i = end + (head[i + 1] == '?' ? 2 : 3);
      continue;
    }
    break;
  }
  for (const char* tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<table"})
    if (head.compare(i, std::strlen(tag), tag) == 0) return true;
  return false;
}

std::optional<Grid> read_html(const std::string& file, const std::string& bytes,
                              ImportEncoding encoding, std::vector<Diagnostic>& diagnostics,
                              const GridLimits& limits) {
  GridBuilder grid(file, diagnostics, limits);
  // The page in UTF-8 for the parser: GB2312 and GBK pages (and pages with no
  // charset that are not UTF-8) converted as GB18030, which includes both, since
  // pages labelled gb2312 often hold GBK characters; another declared charset is
  // left to libxml2's own conversion.
  std::string charset = declared_charset(bytes);
  std::string text;
  const char* parser_encoding = "UTF-8";
  std::string encoding_name;
  if (encoding == ImportEncoding::auto_detect && !charset.empty() && !gb_family(charset) &&
      charset != "utf-8" && charset != "utf8") {
    text = bytes;
    parser_encoding = nullptr;
    encoding_name = tr("{} (the page's meta charset)", charset);
  } else {
    ImportEncoding as = encoding != ImportEncoding::auto_detect ? encoding
                        : gb_family(charset)                    ? ImportEncoding::gb18030
                                                                : ImportEncoding::auto_detect;
    auto decoded = decode(file, bytes, as, diagnostics);
    if (!decoded) return std::nullopt;
    text = std::move(decoded->text);
    encoding_name = charset.empty()
                        ? decoded->encoding
                        : tr("{} (the page's meta charset is {})", decoded->encoding, charset);
    if (decoded->guessed)
      grid.note(0, "",
                tr("the page is not UTF-8 and names no charset: read as GB18030 (which includes "
                   "GBK)"));
  }
  grid.set_encoding(encoding_name);

  HtmlState st;
  st.grid = &grid;
  st.limits = limits;
  htmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  sax.startElement = start_element;
  sax.endElement = end_element;
  sax.characters = characters;
  sax.cdataBlock = characters;
  st.ctxt =
      htmlCreatePushParserCtxt(&sax, &st, nullptr, 0, file.c_str(),
                               parser_encoding ? XML_CHAR_ENCODING_UTF8 : XML_CHAR_ENCODING_NONE);
  if (!st.ctxt) throw std::bad_alloc();
  htmlCtxtUseOptions(st.ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                  HTML_PARSE_NOWARNING |
                                  (parser_encoding ? HTML_PARSE_IGNORE_ENC : 0));
  // Fed in pieces (htmlParseChunk takes an int length).
  constexpr std::size_t kChunk = 1u << 20;
  for (std::size_t at = 0; at < text.size() && !st.stopped; at += kChunk) {
    std::size_t n = std::min(kChunk, text.size() - at);
    htmlParseChunk(st.ctxt, text.data() + at, int(n), 0);
  }
  if (!st.stopped) htmlParseChunk(st.ctxt, nullptr, 0, 1);
  htmlFreeParserCtxt(st.ctxt);
  if (st.stopped) return std::nullopt;
  // Tables never closed (a page cut short) are read as far as they go.
  for (TableBuild& t : st.open) st.done[t.number] = std::move(t);
  for (const auto& [number, table] : st.done)
    if (!emit(grid, table)) return std::nullopt;
  Grid out = grid.take();
  if (out.tables.empty()) {
    diagnostics.push_back(make_diagnostic(Code::read_no_table, file, 1, 1,
                                          st.tables_seen == 0
                                              ? tr("the page has no table (<table>): nothing to "
                                                   "import")
                                              : tr("the page's {} table(s) have no text: nothing "
                                                   "to import",
                                                   st.tables_seen)));
    return std::nullopt;
  }
  select_tables(out);
  return out;
}

}  // namespace indicheck
