#pragma once
// One idiom for the messages of every grammar. Each rule that may stand under
// must<> gets its message and its diagnostic code together, in the grammar's
// message table beside it (messages.hpp, rule_messages.hpp,
// ruletest_messages.hpp):
//
//   INDICHECK_SYNTAX_MESSAGE(x_gap, rules_space_expected, N_("expected a space"));
//
// When such a rule fails it raises syntax_error: PEGTL's parse_error with the
// code, so parsers tell errors apart by code, and with the message in the
// language of the run (tr() at the raise, so every parser that catches it
// says it translated). The parser appends "; found X".

#include <tao/pegtl.hpp>

#include <string>

#include "engine/base/code.hpp"
#include "engine/base/message.hpp"

namespace indicheck::grammar {

struct SyntaxMessage {
  Code code{};
  const char* text = nullptr;  // N_("…"), English; nullptr: the rule has no message
};

struct syntax_error : tao::pegtl::parse_error {
  template <typename ParseInput>
  syntax_error(Code c, const std::string& message, const ParseInput& in)
      : tao::pegtl::parse_error(message, in), code(c) {}
  Code code;
};

// The control for a grammar whose table is `Messages::of<Rule>`: as PEGTL's
// must_if, a rule with a message raises whenever it fails; with
// RequireMessage, a rule under must<> without a message does not compile.
template <typename Messages, bool RequireMessage>
struct coded_errors {
  template <typename Rule>
  struct control : tao::pegtl::normal<Rule> {
    static constexpr SyntaxMessage message = Messages::template of<Rule>;

    template <typename ParseInput, typename... States>
    static void failure(const ParseInput& in, States&&... st) {
      if constexpr (message.text != nullptr)
        raise(in, st...);
      else
        tao::pegtl::normal<Rule>::failure(in, st...);
    }

    template <typename ParseInput, typename... States>
    [[noreturn]] static void raise(const ParseInput& in, [[maybe_unused]] States&&... st) {
      static_assert(!RequireMessage || message.text != nullptr,
                    "a rule under must<> has no message in the grammar's table");
      if constexpr (message.text != nullptr)
        throw syntax_error(message.code, tr(message.text), in);
      else
        tao::pegtl::normal<Rule>::raise(in, st...);
    }
  };
};

}  // namespace indicheck::grammar

// Declares `rule`'s message in the table `message<Rule>` of the enclosing
// namespace (which defines the primary template as SyntaxMessage{}).
#define INDICHECK_SYNTAX_MESSAGE(rule, code_name, text)                \
  template <>                                                          \
  inline constexpr ::indicheck::grammar::SyntaxMessage message<rule> { \
    ::indicheck::Code::code_name, text                                 \
  }
