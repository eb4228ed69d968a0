#pragma once
// An optional value kept on the heap: a struct with large members that are
// mostly absent stays small (IndicatorResult's judged target and actual, set
// only when rule files judged it: 536 of its 976 bytes, for each of 200 000
// indicators). Copies copy the value; otherwise it reads as std::optional.

#include <memory>
#include <optional>
#include <utility>

namespace indicheck {

template <typename T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(const Boxed& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& o) {
    if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  Boxed& operator=(const std::optional<T>& v) {
    p_ = v ? std::make_unique<T>(*v) : nullptr;
    return *this;
  }
  Boxed& operator=(std::optional<T>&& v) {
    p_ = v ? std::make_unique<T>(std::move(*v)) : nullptr;
    return *this;
  }
  Boxed& operator=(T v) {
    p_ = std::make_unique<T>(std::move(v));
    return *this;
  }

  bool has_value() const { return p_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  const T& operator*() const { return *p_; }
  T& operator*() { return *p_; }
  const T* operator->() const { return p_.get(); }
  T* operator->() { return p_.get(); }
  T value_or(T fallback) const { return p_ ? *p_ : std::move(fallback); }

 private:
  std::unique_ptr<T> p_;
};

}  // namespace indicheck
