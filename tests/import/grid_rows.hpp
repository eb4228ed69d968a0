#pragma once
// A test's view of a grid table: every row from the first to the last, each as
// wide as the table, "" where no cell is, so a test can compare a whole row.
// (The readers never build this: a grid is sparse.)

#include <string>
#include <vector>

#include "engine/import/grid.hpp"

namespace indicheck::test {

inline std::vector<std::vector<std::string>> dense_rows(const GridTable& t) {
  unsigned rows = 0, cols = 0;
  for (const GridCell& c : t.cells) {
    rows = std::max(rows, c.row + 1);
    cols = std::max(cols, c.col + 1);
  }
  std::vector<std::vector<std::string>> out(rows, std::vector<std::string>(cols));
  for (const GridCell& c : t.cells) out[c.row][c.col] = c.text;
  return out;
}

}  // namespace indicheck::test
