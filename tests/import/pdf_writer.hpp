#pragma once
// A tiny PDF writer for the tests, checked by hand against the PDF 1.4
// reference: text placed at positions on A4 pages in one Type0 font with
// Identity-H encoding, each character's code its Unicode code point (BMP only),
// and a ToUnicode CMap mapping every code used back to its character, so a text
// extractor (poppler) reads the text as a PDF printed by Word or WPS gives it.
// No font program is embedded: text extraction needs only the codes, the
// ToUnicode map and the widths (1 em for CJK, half for ASCII, as in SimSun).
// Debian has no small library that writes such a PDF from C++ (cairo needs a
// CJK font installed to embed), so the test writes it and stays readable.

#include <cstdio>
#include <set>
#include <string>
#include <vector>

namespace indicheck::test {

class PdfWriter {
 public:
  static constexpr double kWidth = 595, kHeight = 842;  // A4, in points

  void new_page() { pages_.emplace_back(); }
  // Text with its left edge at x and its top at y (from the top of the page).
  void text(double x, double y, const std::string& utf8, double size = 9) {
    std::string hex;
    for (char32_t cp : code_points(utf8)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "%04X", unsigned(cp));
      hex += buf;
      used_.insert(cp);
    }
    char op[160];
    // The baseline sits 0.8 em below the top (the font's ascent).
    std::snprintf(op, sizeof op, "BT /F1 %.2f Tf 1 0 0 1 %.2f %.2f Tm <", size, x,
                  kHeight - y - 0.8 * size);
    pages_.back() += op + hex + "> Tj ET\n";
  }

  std::string bytes() const {
    std::vector<std::string> objects;  // object n is objects[n - 1]
    const std::size_t n_pages = pages_.size();
    // 1 catalog, 2 pages, 3 font, 4 CID font, 5 descriptor, 6 ToUnicode,
    // then a page and its content stream for each page.
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    std::string kids;
    for (std::size_t i = 0; i < n_pages; ++i) kids += std::to_string(7 + 2 * i) + " 0 R ";
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n_pages) +
                      " >>");
    objects.push_back(
        "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
        "/DescendantFonts [4 0 R] /ToUnicode 6 0 R >>");
    objects.push_back(
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry "
        "(Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 "
        "/W [32 126 500] /CIDToGIDMap /Identity >>");
    objects.push_back(
        "<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -200 1000 800] "
        "/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>");
    objects.push_back(stream(to_unicode()));
    for (const std::string& content : pages_) {
      char media[64];
      std::snprintf(media, sizeof media, "[0 0 %.0f %.0f]", kWidth, kHeight);
      objects.push_back(std::string("<< /Type /Page /Parent 2 0 R /MediaBox ") + media +
                        " /Resources << /Font << /F1 3 0 R >> >> /Contents " +
                        std::to_string(8 + 2 * (&content - pages_.data())) + " 0 R >>");
      objects.push_back(stream(content));
    }
    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
      offsets.push_back(out.size());
      out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t off : offsets) {
      char entry[24];
      std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", off);
      out += entry;
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
  }

 private:
  static std::string stream(const std::string& data) {
    return "<< /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
  }

  std::string to_unicode() const {
    std::string cmap =
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n";
    std::vector<char32_t> codes(used_.begin(), used_.end());
    for (std::size_t i = 0; i < codes.size(); i += 100) {
      std::size_t n = std::min<std::size_t>(100, codes.size() - i);
      cmap += std::to_string(n) + " beginbfchar\n";
      for (std::size_t k = i; k < i + n; ++k) {
        char line[32];
        std::snprintf(line, sizeof line, "<%04X> <%04X>\n", unsigned(codes[k]), unsigned(codes[k]));
        cmap += line;
      }
      cmap += "endbfchar\n";
    }
    return cmap + "endcmap CMapName currentdict /CMap defineresource pop end end";
  }

  static std::vector<char32_t> code_points(const std::string& s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
      for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
      out.push_back(cp);
      i += std::size_t(n);
    }
    return out;
  }

  std::vector<std::string> pages_;
  std::set<char32_t> used_;
};

}  // namespace indicheck::test
