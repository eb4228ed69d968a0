// Office Open XML packages (package.hpp).

#include "engine/import/package.hpp"

#include <zip.h>

#include <cstring>
#include <optional>

#include "engine/base/message.hpp"

namespace indicheck {

namespace {

std::string_view view(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

// What the reader's read callback needs: the open part and where to charge it.
struct PartStream {
  zip_file_t* file = nullptr;
  GridBuilder* builder = nullptr;
  const std::string* name = nullptr;
  bool over_limit = false;  // a limit was passed (already reported)
  bool damaged = false;     // libzip could not unpack (a bad CRC, a truncated stream)
  bool doctype = false;     // the prolog declares a document type
  bool prolog_seen = false;
  std::string prolog;  // the first bytes, until the prolog is decided
};

// Whether the prolog at the start of `bytes` (a BOM, white space, the XML
// declaration, comments) is followed by a document type declaration. Looked for
// before libxml2 parses the internal subset, whose entities are the cost of an
// entity bomb. nullopt: the bytes end inside the prolog.
std::optional<bool> declares_doctype(std::string_view bytes) {
  std::size_t i = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (i < bytes.size()) {
    char c = bytes[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (bytes.substr(i, 2) == "<?" || bytes.substr(i, 4) == "<!--") {
      bool pi = bytes[i + 1] == '?';
      std::size_t end = bytes.find(pi ? "?>" : "-->", i);
      if (end == std::string_view::npos) return std::nullopt;
      i = end + (pi ? 2 : 3);
    } else if (bytes.size() - i < 9) {
      return std::nullopt;
    } else {
      return bytes.substr(i, 9) == "<!DOCTYPE";
    }
  }
  return std::nullopt;
}

int read_part(void* context, char* buffer, int length) {
  auto* s = static_cast<PartStream*>(context);
  if (s->over_limit || s->damaged) return -1;
  zip_int64_t got = zip_fread(s->file, buffer, static_cast<zip_uint64_t>(length));
  if (got < 0) {
    s->damaged = true;
    return -1;
  }
  if (!s->builder->add_part_bytes(*s->name, static_cast<std::size_t>(got))) {
    s->over_limit = true;
    return -1;
  }
  if (!s->prolog_seen) {
    s->prolog.append(buffer, static_cast<std::size_t>(got));
    auto doctype = declares_doctype(s->prolog);
    // A prolog longer than 64 KiB is left to the reader's own check below.
    if (doctype || got == 0 || s->prolog.size() > (64u << 10)) {
      s->prolog_seen = true;
      s->prolog = std::string();
    }
    if (doctype.value_or(false)) {
      s->doctype = true;
      return -1;
    }
  }
  return static_cast<int>(got);
}

int close_part(void*) {
  return 0;
}

// The first error libxml2 reports, with its line.
struct XmlError {
  std::string message;
  int line = 0;
  int code = 0;
};

void keep_first_error(void* arg, xmlErrorPtr error) {
  auto* e = static_cast<XmlError*>(arg);
  if (!e->message.empty() || !error) return;
  e->message = error->message ? error->message : tr("not well-formed");
  while (!e->message.empty() && (e->message.back() == '\n' || e->message.back() == ' '))
    e->message.pop_back();
  if (e->message.empty()) e->message = tr("not well-formed");
  e->line = error->line;
  e->code = error->code;
}

}  // namespace

bool XmlNode::is_start(const char* local) const {
  return xmlTextReaderNodeType(reader_) == XML_READER_TYPE_ELEMENT && local_name() == local;
}

bool XmlNode::is_end(const char* local) const {
  int type = xmlTextReaderNodeType(reader_);
  return local_name() == local &&
         (type == XML_READER_TYPE_END_ELEMENT ||
          (type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(reader_) == 1));
}

bool XmlNode::is_text() const {
  int type = xmlTextReaderNodeType(reader_);
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

bool XmlNode::empty_element() const {
  return xmlTextReaderIsEmptyElement(reader_) == 1;
}

std::string_view XmlNode::local_name() const {
  return view(xmlTextReaderConstLocalName(reader_));
}

std::string XmlNode::attribute(const char* local) const {
  std::string value;
  if (xmlTextReaderMoveToFirstAttribute(reader_) != 1) return value;
  do {
    if (view(xmlTextReaderConstLocalName(reader_)) == local) {
      value = std::string(view(xmlTextReaderConstValue(reader_)));
      break;
    }
  } while (xmlTextReaderMoveToNextAttribute(reader_) == 1);
  xmlTextReaderMoveToElement(reader_);
  return value;
}

std::string_view XmlNode::text() const {
  return view(xmlTextReaderConstValue(reader_));
}

unsigned XmlNode::line() const {
  int line = xmlTextReaderGetParserLineNumber(reader_);
  return line > 0 ? static_cast<unsigned>(line) : 1;
}

int XmlNode::depth() const {
  return xmlTextReaderDepth(reader_);
}

std::string zip_kind(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* zip = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  if (source && !zip) zip_source_free(source);
  zip_error_fini(&error);
  if (!zip) return tr("a damaged zip archive");
  std::string kind =
      tr("a zip archive with neither xl/workbook.xml (xlsx) nor word/document.xml (docx)");
  if (zip_name_locate(zip, "xl/workbook.xml", 0) >= 0) {
    kind = "xlsx";
  } else if (zip_name_locate(zip, "word/document.xml", 0) >= 0) {
    kind = "docx";
  } else if (zip_file_t* f = zip_fopen(zip, "mimetype", 0)) {
    // OpenDocument names its kind in a first, stored part.
    char type[80] = {};
    zip_int64_t n = zip_fread(f, type, sizeof type - 1);
    zip_fclose(f);
    std::string_view mime(type, n > 0 ? std::size_t(n) : 0);
    if (mime == "application/vnd.oasis.opendocument.spreadsheet")
      kind = tr("an OpenDocument spreadsheet (.ods): save it as .xlsx");
    else if (mime == "application/vnd.oasis.opendocument.text")
      kind = tr("an OpenDocument text (.odt): save it as .docx");
  }
  zip_discard(zip);
  return kind;
}

Package::Package(const std::string& bytes, GridBuilder& builder, std::string kind)
    : builder_(builder), kind_(std::move(kind)) {
  // libzip opens an empty buffer as an empty archive: say what it is instead.
  if (bytes.compare(0, 2, "PK") != 0) {
    builder_.fail(Code::read_cannot_open,
                  tr("cannot open: not an {} (not a zip archive)", tr(kind_.c_str())));
    return;
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source) {
    zip_ = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!zip_) zip_source_free(source);
  }
  if (!zip_) {
    int code = zip_error_code_zip(&error);
    builder_.fail(Code::read_cannot_open,
                  code == ZIP_ER_NOZIP
                      ? tr("cannot open: not an {} (not a zip archive)", tr(kind_.c_str()))
                      : tr("cannot open: {}", zip_error_strerror(&error)));
  }
  zip_error_fini(&error);
}

Package::~Package() {
  if (zip_) zip_discard(zip_);
}

bool Package::has(const std::string& part) const {
  return zip_ && zip_name_locate(zip_, part.c_str(), 0) >= 0;
}

bool Package::read(const std::string& part, const std::function<bool(const XmlNode&)>& visit,
                   bool required) {
  if (!has(part)) {
    if (required)
      builder_.fail(Code::read_part_missing,
                    tr("not an {}: the part {} is missing", tr(kind_.c_str()), part));
    return false;
  }
  if (!builder_.add_part(part)) return false;
  PartStream stream;
  stream.builder = &builder_;
  stream.name = &part;
  stream.file = zip_fopen(zip_, part.c_str(), 0);
  if (!stream.file) {
    builder_.fail(Code::read_part_damaged,
                  tr("cannot unpack the part {}: {}", part, zip_strerror(zip_)));
    return false;
  }
  // No entity substitution, no DTD loading, no network: an Office part needs
  // none, and each is a way for a small file to cost a lot.
  xmlTextReaderPtr reader =
      xmlReaderForIO(read_part, close_part, &stream, part.c_str(), nullptr,
                     XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!reader) {
    zip_fclose(stream.file);
    builder_.fail(Code::read_part_damaged, tr("cannot read the part {}", part));
    return false;
  }
  XmlError error;
  xmlTextReaderSetStructuredErrorHandler(reader, keep_first_error, &error);
  XmlNode node(reader);
  bool ok = true;
  int status;
  while ((status = xmlTextReaderRead(reader)) == 1) {
    if (xmlTextReaderNodeType(reader) == XML_READER_TYPE_DOCUMENT_TYPE) {
      stream.doctype = true;
      status = -1;
      break;
    }
    if (!visit(node)) {
      ok = false;
      break;
    }
  }
  if (ok && status < 0) {
    ok = false;
    std::string why =
        error.message.empty() ? std::string() : tr(" (its line {}: {})", error.line, error.message);
    if (stream.doctype)
      builder_.fail(Code::read_doctype,
                    tr("the part {} declares a document type (<!DOCTYPE …>), which an Office "
                       "file never has: not read (no entity in it is expanded)",
                       part));
    else if (stream.damaged)
      builder_.fail(Code::read_part_damaged,
                    tr("cannot unpack the part {}: the data is damaged", part));
    else if (stream.over_limit)
      ;  // reported by the builder
    else if (error.code == XML_ERR_NO_MEMORY || error.code == XML_ERR_INTERNAL_ERROR ||
             error.code == XML_ERR_ENTITY_LOOP)
      // libxml2's own limits: a text node or name over 10 MB, an entity loop.
      builder_.fail(Code::read_xml_malformed,
                    tr("the part {} passes the XML parser's limits{}: not read", part, why));
    else
      builder_.fail(Code::read_xml_malformed,
                    tr("the part {} is not well-formed XML{}", part, why));
  }
  xmlFreeTextReader(reader);
  zip_fclose(stream.file);
  return ok;
}

}  // namespace indicheck
