// indicheck parse EXPR: shows the typed constraint a target means.

#include <memory>

#include "engine/base/diagnostic.hpp"
#include "engine/cell/parse.hpp"
#include "engine/report/render.hpp"
#include "tools/indicheck/commands.hpp"

namespace indicheck::cli {

Diagnostic argument_error(const std::string& name, const std::string& text, const ParseError& e) {
  return make_diagnostic(e.code, name, 1, e.column, e.message, text);
}

namespace {

// What `parse --format json` prints when the text cannot be read: still one
// JSON object, with the diagnostic.
std::string unreadable_json(const std::string& written, const Diagnostic& d) {
  Json j;
  j["written"] = written;
  j["error"] = d.message;
  j["diagnostics"] = Json::array({to_json(d)});
  return j.dump(2) + "\n";
}

}  // namespace

Command add_parse(CLI::App& app) {
  struct Options {
    std::string expression;
    std::string format = "text";
    bool actual = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* sub =
      app.add_subcommand("parse", tr("show the typed constraint of a target expression"));
  // xgettext:no-c-format
  sub->add_option("EXPR", o->expression, tr("a target such as '≥95%' or '=12000亩'"))->required();
  sub->add_option("--format", o->format, tr("text or json"))
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_flag("--actual", o->actual, tr("read EXPR as an actual value instead of a target"));
  return {sub, [o]() {
            if (o->actual) {
              auto r = parse_actual(o->expression);
              if (auto* e = std::get_if<ParseError>(&r)) {
                Diagnostic d = argument_error("<actual>", o->expression, *e);
                print_err(render(d));
                if (o->format == "json") print_out(unreadable_json(o->expression, d));
                return kExitUnusable;
              }
              const Actual& a = std::get<Actual>(r);
              std::string kind = std::visit(
                  [](const auto& f) -> std::string {
                    using T = std::decay_t<decltype(f)>;
                    if constexpr (std::is_same_v<T, ActualQuantity>) return "quantity";
                    if constexpr (std::is_same_v<T, ActualDate>) return "date";
                    if constexpr (std::is_same_v<T, ActualLevel>) return "level";
                    if constexpr (std::is_same_v<T, ActualGrade>) return "grade";
                    if constexpr (std::is_same_v<T, ActualText>) return "text";
                    return "none";
                  },
                  a.form);
              if (o->format == "json") {
                Json j;
                j["kind"] = kind;
                j["written"] = a.written;
                j["assumptions"] = a.assumptions;
                print_out(j.dump(2) + "\n");
              } else {
                std::string out = tr("kind: {}", kind) + "\n";
                for (const auto& s : a.assumptions) out += tr("assumed: {}", s) + "\n";
                print_out(out);
              }
              return kExitMet;
            }
            auto r = parse_target(o->expression);
            if (auto* e = std::get_if<ParseError>(&r)) {
              Diagnostic d = argument_error("<target>", o->expression, *e);
              print_err(render(d));
              if (o->format == "json") print_out(unreadable_json(o->expression, d));
              return kExitUnusable;
            }
            const Constraint& c = std::get<Constraint>(r);
            print_out(o->format == "json" ? to_json(c).dump(2) + "\n" : describe(c));
            return kExitMet;
          }};
}

}  // namespace indicheck::cli
