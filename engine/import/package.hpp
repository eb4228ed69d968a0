#pragma once
// An Office Open XML package (xlsx, docx): a zip archive read from memory with
// libzip, each XML part streamed through libxml2's xmlTextReader, so a 60 MB
// sheet is never a tree in memory. Every byte unpacked is charged to the
// GridBuilder's limits; a part with a document type declaration is refused (no
// Office part has one, and its entities are the cost of an entity bomb); the
// network is never used.

#include <libxml/xmlreader.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "engine/import/grid.hpp"

typedef struct zip zip_t;

namespace indicheck {

// The node an XML part's reader stands on.
class XmlNode {
 public:
  explicit XmlNode(xmlTextReaderPtr reader) : reader_(reader) {}
  bool is_start(const char* local) const;  // an element start tag with this local name
  bool is_end(const char* local) const;    // its end (or an empty element's start)
  bool is_text() const;                    // text, CDATA or significant white space
  bool empty_element() const;
  std::string_view local_name() const;
  // An attribute by its local name (w:val and val alike); "" when absent.
  std::string attribute(const char* local) const;
  std::string_view text() const;
  unsigned line() const;
  int depth() const;

 private:
  xmlTextReaderPtr reader_;
};

// What a zip archive is, by its parts: "xlsx" (xl/workbook.xml), "docx"
// (word/document.xml), else a description for a message ("an OpenDocument
// spreadsheet (.ods)", "a zip archive with neither …").
std::string zip_kind(const std::string& bytes);

class Package {
 public:
  // `kind` names what the file should be in a message: "xlsx workbook".
  Package(const std::string& bytes, GridBuilder& builder, std::string kind);
  ~Package();
  Package(const Package&) = delete;
  Package& operator=(const Package&) = delete;

  bool opened() const { return zip_ != nullptr; }
  bool has(const std::string& part) const;
  // Streams `part` node by node; `visit` returns false to stop (it reported why).
  // False, with a located error, when the part is missing (and `required`), too
  // large, damaged, not well-formed or declares a document type.
  bool read(const std::string& part, const std::function<bool(const XmlNode&)>& visit,
            bool required = true);

 private:
  GridBuilder& builder_;
  std::string kind_;
  zip_t* zip_ = nullptr;
};

}  // namespace indicheck
