#pragma once
// A name held once however many places carry it: the file named in the
// SourceLocation of every cell, row and diagnostic of a table. Each used to
// carry its own copy (a heap block of its own when the name is over 15 bytes):
// 200 000 indicators carried over a million copies of two file names
// (docs/reliability.md, "Report sizes"). Boost.Flyweight keeps one copy of
// each distinct name, shared by every SharedName that names it, wherever it
// was made from; copying one copies a pointer. Reads as the std::string it
// names. A location's place in a published table ("Sheet1!C7") is one too:
// eight bytes, empty in nearly every location.

#include <fmt/format.h>

#include <boost/flyweight.hpp>
#include <compare>
#include <ostream>
#include <string>
#include <string_view>

namespace indicheck {

class SharedName {
 public:
  SharedName() = default;
  SharedName(const std::string& name) : name_(name) {}             // NOLINT: implicit
  SharedName(std::string_view name) : name_(std::string(name)) {}  // NOLINT
  SharedName(const char* name) : name_(std::string(name)) {}       // NOLINT
  const std::string& str() const { return name_.get(); }
  operator const std::string&() const { return str(); }  // NOLINT
  operator std::string_view() const { return str(); }    // NOLINT
  bool empty() const { return str().empty(); }
  std::size_t size() const { return str().size(); }
  const char* c_str() const { return str().c_str(); }

  // Two names are equal when they are the same name: one shared copy.
  friend bool operator==(const SharedName& a, const SharedName& b) { return a.name_ == b.name_; }
  friend bool operator==(const SharedName& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const SharedName& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const SharedName& a, const char* b) { return a.str() == b; }
  friend std::strong_ordering operator<=>(const SharedName& a, const SharedName& b) {
    return a.str() <=> b.str();
  }
  friend std::string operator+(const SharedName& a, std::string_view b) {
    return std::string(a.str()).append(b);
  }
  friend std::string operator+(std::string_view a, const SharedName& b) {
    return std::string(a).append(b.str());
  }
  friend std::ostream& operator<<(std::ostream& out, const SharedName& n) { return out << n.str(); }

 private:
  boost::flyweight<std::string> name_;
};

}  // namespace indicheck

template <>
struct fmt::formatter<indicheck::SharedName> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const indicheck::SharedName& n, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(n.str(), ctx);
  }
};
