#pragma once
// The one writer of a CSV cell (RFC 4180), for every CSV indicheck writes (the
// check report, batch rows and tallies): a cell that a spreadsheet would read
// as a formula is defused by the OWASP rule.

#include <string>
#include <string_view>

namespace indicheck {

// `text` as one CSV field. A field holding a comma, a quote or a line break is
// quoted, its quotes doubled. A field starting with = + - @, a tab or a
// carriage return, which Excel and LibreOffice would run as a formula
// (=HYPERLINK(…), DDE), gets a leading ' and is quoted: the cell then shows the
// text, apostrophe first, and runs nothing. A signed number ("-4.2%", "+3") is
// a number to a spreadsheet, not a formula, and is written as it is.
std::string csv_field(std::string_view text);

}  // namespace indicheck
