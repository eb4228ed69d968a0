// libFuzzer target: a published table as bytes through the importer's text
// and CSV paths (decode → rows_from_text / rows_from_csv → interpret → the
// written outputs), as `indicheck import` runs them, and a zip through the
// xlsx or docx reader's sparse grid (read_xlsx → rows_from_grid → interpret), and a
// page through the HTML reader.
// Invariants: nothing throws; every diagnostic is located (line ≥ 1,
// column ≥ 1); every source row is accounted for; an import that succeeds
// writes a targets file that read_targets accepts.

#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/import/encoding.hpp"
#include "engine/import/import.hpp"
#include "engine/import/package.hpp"
#include "engine/import/readers.hpp"
#include "engine/import/xlsx.hpp"
#include "engine/table/table.hpp"
#include "tests/fuzz/fuzz_common.hpp"

using namespace indicheck;

namespace {

void interpret_and_write(std::vector<SourceRow> rows, std::size_t size) {
  std::size_t n = rows.size();
  std::vector<Diagnostic> ds;
  auto im = interpret(std::move(rows), ds);
  fuzz::check_diagnostics(ds, size * 2 + 16);
  if (!im) {
    fuzz::require(has_errors(ds), "an import refused without an error");
    return;
  }
  fuzz::require(im->rows.size() == n, "a source row is not accounted for");
  std::string targets = write_targets(*im);
  (void)write_budget(*im, ds);
  (void)write_actuals(*im);
  (void)write_texts(*im);
  (void)write_summary(*im);
  std::vector<Diagnostic> read_ds;
  fuzz::require(read_targets("imported.tsv", targets, read_ds).has_value(),
                "the imported targets file cannot be read back");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.compare(0, 2, "PK") == 0) {
    std::vector<Diagnostic> xlsx_ds;
    auto grid = zip_kind(bytes) == "docx" ? read_docx("fuzz.docx", bytes, xlsx_ds, GridLimits{})
                                          : read_xlsx("fuzz.xlsx", bytes, xlsx_ds, GridLimits{});
    // A row number may be past the bytes of a packed file (row 1048576).
    fuzz::check_diagnostics(xlsx_ds, std::size_t(1) << 20);
    if (grid)
      interpret_and_write(rows_from_grid("fuzz.xlsx", *grid, grid->tables.size() > 1), size);
    return 0;
  }
  if (looks_like_html(bytes)) {
    std::vector<Diagnostic> html_ds;
    auto grid = read_html("fuzz.html", bytes, ImportEncoding::auto_detect, html_ds, GridLimits{});
    fuzz::check_diagnostics(html_ds, size * 2 + 16);
    if (grid)
      interpret_and_write(rows_from_grid("fuzz.html", *grid, grid->tables.size() > 1), size);
    return 0;
  }
  std::vector<Diagnostic> ds;
  auto decoded = decode("fuzz.txt", bytes, ImportEncoding::auto_detect, ds);
  fuzz::check_diagnostics(ds, size);
  if (!decoded) return 0;
  interpret_and_write(rows_from_text("fuzz.txt", decoded->text), size);
  std::vector<Diagnostic> csv_ds;
  auto csv = rows_from_csv("fuzz.csv", decoded->text, csv_ds);
  fuzz::check_diagnostics(csv_ds, size * 2 + 16);
  if (csv) interpret_and_write(std::move(*csv), size);
  return 0;
}
