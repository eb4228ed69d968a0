// indicheck eval TARGET ACTUAL: judges one pair.

#include <memory>
#include <optional>

#include "engine/cell/evaluate.hpp"
#include "engine/cell/parse.hpp"
#include "engine/report/render.hpp"
#include "tools/indicheck/cli_language.hpp"
#include "tools/indicheck/commands.hpp"

namespace indicheck::cli {

Diagnostic argument_error(const std::string& name, const std::string& text, const ParseError& e);

Command add_eval(CLI::App& app) {
  struct Options {
    std::string target, actual;
    std::string format = "text";
    int year = 0;
  };
  auto o = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("eval", tr("judge one actual value against one target"));
  sub->add_option("TARGET", o->target, tr("the target as written, e.g. '不低于95%'"))->required();
  sub->add_option("ACTUAL", o->actual, tr("the actual as reported, e.g. '96.3%'"))->required();
  sub->add_option("--format", o->format, tr("text or json"))
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_option("--year", o->year, tr("the table's year, for deadlines written without one"))
      ->check(number_in(1900, 2999));
  return {sub, [o]() {
            auto t = parse_target(o->target);
            if (auto* e = std::get_if<ParseError>(&t)) {
              Diagnostic d = argument_error("<target>", o->target, *e);
              print_err(render(d));
              // JSON readers get an object whatever happens: an error verdict.
              if (o->format == "json") {
                Verdict v;
                v.kind = VerdictKind::error;
                v.explanation = tr("the target cannot be read: {}", e->message);
                Json j = to_json(v);
                j["target"] = Json{{"written", o->target}};
                j["actual"] = o->actual;
                j["diagnostics"] = Json::array({to_json(d)});
                print_out(j.dump(2) + "\n");
              }
              return kExitUnusable;
            }
            Verdict v;
            std::optional<Diagnostic> unreadable;
            auto a = parse_actual(o->actual);
            if (auto* e = std::get_if<ParseError>(&a)) {
              // Bad data is a verdict, located like any other error.
              unreadable = argument_error("<actual>", o->actual, *e);
              print_err(render(*unreadable));
              v.kind = VerdictKind::error;
              v.explanation = tr("the actual cannot be read: {}", e->message);
              v.assumptions = std::get<Constraint>(t).assumptions;
            } else {
              EvaluationContext ctx;
              if (o->year) ctx.year = o->year;
              v = evaluate(std::get<Constraint>(t), std::get<Actual>(a), ctx);
            }
            if (o->format == "json") {
              Json j = to_json(v);
              j["target"] = to_json(std::get<Constraint>(t));
              j["actual"] = o->actual;
              if (unreadable) j["diagnostics"] = Json::array({to_json(*unreadable)});
              print_out(j.dump(2) + "\n");
            } else {
              print_out(describe(v));
            }
            switch (v.kind) {
              case VerdictKind::pass:
                return kExitMet;
              case VerdictKind::fail:
              case VerdictKind::partial:
                return kExitNotMet;
              default:
                return kExitUnusable;
            }
          }};
}

}  // namespace indicheck::cli
