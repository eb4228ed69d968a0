// The one pipeline: see engine/assess/pipeline.hpp.

#include "engine/assess/pipeline.hpp"

#include "engine/assess/recheck.hpp"
#include "engine/base/input_file.hpp"
#include "engine/base/message.hpp"

namespace indicheck {

bool Pipeline::load(const std::vector<std::string>& rule_files, const std::string& targets,
                    const std::string& who, std::vector<Diagnostic>& diagnostics) {
  return read_targets(targets, diagnostics) && load_rules(rule_files, who, diagnostics);
}

bool Pipeline::read_targets(const std::string& path, std::vector<Diagnostic>& diagnostics) {
  if (path.empty()) return true;
  auto text = table_text(path, Want::targets, diagnostics);
  if (text) targets_ = indicheck::read_targets(table_name(path), *text, diagnostics);
  return targets_.has_value();
}

std::optional<ActualTable> Pipeline::read_actuals(const std::vector<std::string>& files,
                                                  std::vector<Diagnostic>& diagnostics) {
  return read_actuals_files(
      files, diagnostics,
      [this](const std::string& path, std::vector<Diagnostic>& ds) -> std::optional<ActualTable> {
        auto text = table_text(path, Want::actuals, ds);
        if (!text) return std::nullopt;
        return indicheck::read_actuals(table_name(path), *text, ds);
      });
}

std::string Pipeline::table_name(const std::string& path) const {
  // A line number in a diagnostic is one of the table as imported (what
  // `indicheck import` writes), not of the published file: the name says so.
  return imported_.count(path) ? path + " (imported)" : path;
}

std::optional<std::string> Pipeline::table_text(const std::string& path, Want want,
                                                std::vector<Diagnostic>& diagnostics) {
  auto bytes = read_file(path, diagnostics);
  if (!bytes) return std::nullopt;
  const DetectedFormat detected = detect_import_format(path, *bytes);
  const bool targets = want == Want::targets;
  // indicheck's own TSV (any text not named .csv) is read as it is: its
  // reader says what is wrong, line by line.
  if (detected.format == ImportFormat::text ||
      (detected.format == ImportFormat::csv && path.ends_with(".tsv"))) {
    if (!is_gb18030_not_utf8(*bytes)) return bytes;
    diagnostics.push_back(
        make_diagnostic(Code::table_gb18030, path, 1, 1,
                        targets ? tr("found GB18030 (GBK) text, not UTF-8: the targets file must "
                                     "be UTF-8 (docs/files.md): save it as UTF-8 (Excel: CSV "
                                     "UTF-8), or, for a published table, `indicheck import {}` "
                                     "reads it as it is",
                                     path)
                                : tr("found GB18030 (GBK) text, not UTF-8: the actuals file must "
                                     "be UTF-8 (docs/files.md): save it as UTF-8 (Excel: CSV "
                                     "UTF-8), or, for a published table, `indicheck import {}` "
                                     "reads it as it is",
                                     path)));
    return std::nullopt;
  }
  std::shared_ptr<const Import>& im = imported_[path];
  if (!im) {
    bytes.reset();
    std::size_t before = diagnostics.size();
    auto read = import_file(path, ImportOptions{}, diagnostics);
    if (!read) {
      // The import said why (its diagnostics); one line says what was tried.
      if (detected.format)
        diagnostics.insert(
            diagnostics.begin() + long(before),
            make_diagnostic(Code::table_import_failed, path, 1, 1,
                            targets ? tr("found a {} file, not indicheck's targets TSV: imported "
                                         "it, which failed (below); `indicheck import {}` lists "
                                         "every row",
                                         format_name(*detected.format), path)
                                    : tr("found a {} file, not indicheck's actuals TSV: imported "
                                         "it, which failed (below); `indicheck import {}` lists "
                                         "every row",
                                         format_name(*detected.format), path)));
      imported_.erase(path);
      return std::nullopt;
    }
    im = std::make_shared<const Import>(std::move(*read));
    summaries_.push_back(write_summary(*im));
  }
  if (targets) return write_targets(*im);
  if (!im->has_self_evaluation) {
    diagnostics.push_back(make_diagnostic(
        Code::table_no_actuals, path, 1, 1,
        tr("found a {} table with targets but no 实际完成值 column: no actuals in it (give the "
           "self-evaluation, 自评表, or the 监控表 as --actuals)",
           im->format)));
    return std::nullopt;
  }
  return write_actuals(*im);
}

bool Pipeline::load_rules(const std::vector<std::string>& rule_files, const std::string& who,
                          std::vector<Diagnostic>& diagnostics) {
  if (rule_files.empty()) {
    if (targets_) return true;  // problems in its rows are reported with the report
    diagnostics.push_back(make_diagnostic(Code::cli_targets_or_rules, who, 1, 1,
                                          tr("give --targets, or --rules with a 目标表")));
    return false;
  }
  rules_ = rules::load_rules(rule_files, diagnostics, targets_ ? &*targets_ : nullptr,
                             reach_ ? &*reach_ : nullptr);
  if (has_errors(diagnostics)) return false;
  if (rules_->table) targets_ = rules_->table;
  if (targets_) return true;
  diagnostics.push_back(
      make_diagnostic(Code::cli_no_targets, rule_files.front(), 1, 1,
                      tr("no targets: name a 目标表 in the rule files, or give the targets file "
                         "(check and diff: --targets; a .test case: 目标表)")));
  return false;
}

Report Pipeline::assess(const ActualTable& actuals, std::optional<Period> period) const {
  Report report = judge(*targets_, actuals, period_of(period, actuals), rules_.get());
  // Year-end: scores and grade; mid-year: on track or not (docs/scoring.md).
  // A published self-evaluation's 分值 are its weights and its 得分 are re-checked.
  assess_published(report, actuals);
  return report;
}

Period period_of(std::optional<Period> asked, const ActualTable& actuals) {
  return asked.value_or(actuals.period.value_or(Period::year));
}

}  // namespace indicheck
