#pragma once
// What the target and the actual parser do alike around their grammars
// (grammar/target_grammar.hpp, grammar/actual_grammar.hpp): actions that
// record what a rule matched, the comparator each comparator rule names, the
// quick path for a short plain cell and the general path (the cell limit,
// normalise, the grammar, then build, with every error located in the text
// as written). Each parser keeps only what is its own: its Parts, its forms
// and how it builds them (parse_target.cpp, parse_actual.cpp).

#include <tao/pegtl.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

#include "engine/base/diagnostic.hpp"
#include "engine/base/limits.hpp"
#include "engine/base/message.hpp"
#include "engine/base/normalise.hpp"
#include "engine/cell/constraint.hpp"
#include "grammar/messages.hpp"

namespace indicheck::detail {

// A meaning the grammar cannot check (no month 13, a range that is empty),
// thrown by a parser's build at `byte` of the normalised text.
struct Failure {
  std::size_t byte;
  Code code;
  std::string message;
};

// A form (or a part of one that can fail half-way) collects into a fresh
// Parts, handed over only when it matched: no trace of a failed alternative.
// `F` is the form it gives; `none` keeps the form the outer rule set.
template <typename Parts, auto F>
struct fresh : tao::pegtl::change_states<Parts> {
  template <typename ParseInput>
  static void success(const ParseInput& /*in*/, Parts& inner, Parts& outer) {
    outer = std::move(inner);
    if (F != decltype(F)::none) outer.form = F;
  }
};

// Text that matched no other form: the phrase as a whole, of form `F`.
template <auto F>
struct take_text {
  template <typename ActionInput, typename Parts>
  static void apply(const ActionInput& in, Parts& p) {
    p.form = F;
    p.text = in.string();
  }
};

// What a rule matched, into the member `Field` of Parts.
template <auto Field>
struct record {
  template <typename ActionInput, typename Parts>
  static void apply(const ActionInput& in, Parts& p) {
    p.*Field = in.string();
  }
};
// The same, with the byte it starts at into the member `Byte`.
template <auto Field, auto Byte>
struct record_at {
  template <typename ActionInput, typename Parts>
  static void apply(const ActionInput& in, Parts& p) {
    p.*Field = in.string();
    p.*Byte = in.position().byte;
  }
};

template <typename Rule, typename... Rules>
inline constexpr bool is_one_of = (std::is_same_v<Rule, Rules> || ...);

// The comparator a comparator rule of grammar/lexicon.hpp names, in symbols
// or in words; nullopt for every other rule. The one table from spelling to
// Comparator.
template <typename Rule>
inline constexpr std::optional<Comparator> comparator_of =
    is_one_of<Rule, grammar::op_ge, grammar::word_ge, grammar::date_word_ge>
        ? std::optional(Comparator::ge)
    : is_one_of<Rule, grammar::op_le, grammar::word_le, grammar::date_word_le>
        ? std::optional(Comparator::le)
    : is_one_of<Rule, grammar::op_gt, grammar::word_gt, grammar::date_word_gt>
        ? std::optional(Comparator::gt)
    : is_one_of<Rule, grammar::op_lt, grammar::word_lt, grammar::date_word_lt>
        ? std::optional(Comparator::lt)
    : is_one_of<Rule, grammar::op_eq, grammar::word_eq> ? std::optional(Comparator::eq)
                                                        : std::nullopt;

template <typename Rule>
concept ComparatorRule = comparator_of<Rule>
.has_value();

// The quick path: a cell of at most 64 bytes that normalise leaves as it is
// and that the rule `Quick` matches whole. Each parser's `Quick` is one the
// full grammar reads the same way with the same actions, so `build(parts)`
// gives what the general path gives. nullopt leaves the cell to the general
// path, which reports any error, located.
template <typename Quick, template <typename> class Action, typename Parts, typename Build>
auto read_quick(std::string_view written, const char* source, Build build)
    -> std::optional<decltype(build(std::declval<Parts&>()))> {
  if (written.size() > 64 || normalise_would_change(written)) return std::nullopt;
  Parts parts;
  tao::pegtl::memory_input in(written, source);
  try {
    if (!tao::pegtl::parse<Quick, Action>(in, parts)) return std::nullopt;
    auto result = build(parts);
    result.written = std::string(written);
    return result;
  } catch (const tao::pegtl::parse_error&) {
    return std::nullopt;
  } catch (const Failure&) {
    return std::nullopt;
  }
}

// The general path. A cell over CellLimits::max_bytes is refused with
// `too_long` and `too_long_message` (N_("…{}…"), the limit in place of {});
// a cell of blanks alone
// is `blank(assumptions)`; else the normalised text is parsed with `Grammar`
// and `build(parts, normalised text)` gives the result, normalise's
// assumptions first. A grammar error or a Failure is located in `written`.
template <typename Result, typename Grammar, template <typename> class Action, typename Parts,
          typename Blank, typename Build>
std::variant<Result, ParseError> read_by_grammar(std::string_view written, Code too_long,
                                                 const char* too_long_message, const char* source,
                                                 Blank blank, Build build) {
  if (written.size() > kCellLimits.max_bytes)
    return ParseError{too_long, tr(fmt::runtime(too_long_message), kCellLimits.max_bytes), 1, 0};
  ParseError error;
  auto normalised = normalise(written, &error);
  if (!normalised) return name_invalid_byte(written, error);
  if (normalised->text.empty()) return blank(normalised->assumptions());
  Parts parts;
  tao::pegtl::memory_input in(normalised->text, source);
  try {
    tao::pegtl::parse<Grammar, Action, grammar::control>(in, parts);
    Result result = build(parts, normalised->text);
    result.written = std::string(written);
    auto read_as = normalised->assumptions();
    result.assumptions.insert(result.assumptions.begin(), read_as.begin(), read_as.end());
    return result;
  } catch (const grammar::syntax_error& e) {
    // The grammar's message is translated where it was raised; "found" joins
    // it here as one sentence of the catalog.
    std::size_t at = e.positions().front().byte;
    return normalised->error_at(
        written, at, e.code,
        tr("{}; found {}", std::string(e.message()), describe_at(normalised->text, at)), false);
  } catch (const Failure& f) {
    // A failure's message already names the text: no "found".
    return normalised->error_at(written, f.byte, f.code, f.message, false);
  }
}

}  // namespace indicheck::detail
