#pragma once
// The readers of published documents besides xlsx (xlsx.hpp), each a Debian
// library producing the sparse grid (grid.hpp): HTML tables (libxml2's HTML
// parser), Excel 97 workbooks (FreeXL), Word tables (.docx: libzip and
// libxml2), PDF text (poppler). Each returns nullopt with located diagnostics
// when the file cannot be read or passes a limit.

#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/import/grid.hpp"
#include "engine/import/import.hpp"

namespace indicheck {

// Whether the bytes begin like an HTML page (after a BOM, white space, an XML
// declaration or comments: a doctype or an html, head, body, meta, title or
// table tag). A text table whose cells hold <p> is not one.
bool looks_like_html(const std::string& bytes);

// Every <table> of the page with a cell, in the order they start: "table N",
// N counting every <table> tag; rowspan and colspan as merged ranges; <br> and
// block ends inside a cell as line breaks; white space collapsed as a browser
// does, &nbsp; as a space; a row's line is its <tr>'s. The encoding is the
// page's meta charset (GB2312 and GBK read as GB18030, which includes both), else
// UTF-8, else GB18030 (a note), unless `encoding` says which.
std::optional<Grid> read_html(const std::string& file, const std::string& bytes,
                              ImportEncoding encoding, std::vector<Diagnostic>& diagnostics,
                              const GridLimits& limits);

// Every sheet of an Excel 97 (BIFF) workbook, with FreeXL: text (FreeXL converts
// the workbook's code page to UTF-8), numbers as Excel shows them in the General
// format (15 significant digits), dates as YYYY-MM-DD. FreeXL does not expose
// merged ranges: a merged label stands in its first cell only. FreeXL reads a
// file by name.
std::optional<Grid> read_xls(const std::string& path, std::vector<Diagnostic>& diagnostics,
                             const GridLimits& limits);

// The tables of a Word document (.docx: word/document.xml, streamed): "table N"
// in the order they start (nested tables their own), w:gridSpan and w:vMerge
// as merged ranges, paragraphs inside a cell joined by line breaks; the
// paragraphs outside tables (a title, 项目名称 lines) as one-cell rows of a
// "text N" table before table N. A row's line is its number in its table.
std::optional<Grid> read_docx(const std::string& file, const std::string& bytes,
                              std::vector<Diagnostic>& diagnostics, const GridLimits& limits);

// The text of a PDF (poppler): each page's text boxes rebuilt into rows and
// columns (pdf.cpp says how), columns found over the whole document so a table
// keeps them across page breaks, a cell wrapped over lines or cut by a page
// break joined to its row. One table for each page, "page N"; a row's line is
// its line number on its page. A PDF with no text (a scan) is refused.
std::optional<Grid> read_pdf(const std::string& file, const std::string& bytes,
                             std::vector<Diagnostic>& diagnostics, const GridLimits& limits);

}  // namespace indicheck
