// The review's findings as text, JSON, CSV, Markdown, HTML and JUnit; the
// workbook is in render_xlsx.cpp, beside the 自评表's.

#include "engine/report/render_review.hpp"

#include <nlohmann/json.hpp>

#include "engine/base/csv_field.hpp"
#include "engine/report/render_rows.hpp"

namespace indicheck {

using review::Finding;
using review::FundsReview;
using review::ReviewReport;
using review::TableReview;

namespace {

using Json = nlohmann::ordered_json;

std::string place(const Finding& f) {
  return where_text(f.where);
}

std::string counts(std::size_t errors, std::size_t warnings, std::size_t notes) {
  return "错误 " + std::to_string(errors) + " 条，警告 " + std::to_string(warnings) + " 条，提示 " +
         std::to_string(notes) + " 条";
}

std::size_t count(const std::vector<Finding>& findings, Severity s) {
  std::size_t n = 0;
  for (const Finding& f : findings) n += f.severity == s;
  return n;
}

std::string table_counts(const std::vector<Finding>& findings) {
  return counts(count(findings, Severity::error), count(findings, Severity::warning),
                count(findings, Severity::note));
}

std::string total_counts(const ReviewReport& r) {
  std::size_t indicators = 0;
  for (const TableReview& t : r.tables) indicators += t.indicators;
  return std::to_string(r.tables.size()) + " 张表，" + std::to_string(indicators) + " 项指标；" +
         counts(r.count(Severity::error), r.count(Severity::warning), r.count(Severity::note));
}

// "苏州市自然资源和规划局 2024年度" or the 项目名称; "" when the table says neither.
std::string who(const TableReview& t) {
  std::string name = t.unit;
  if (name.empty())
    for (const auto& [key, value] : t.heading)
      if (key == "项目名称") name = value;
  if (t.year) name += (name.empty() ? "" : " ") + std::to_string(*t.year) + "年度";
  return name;
}

// Where a finding stands in its table, or on the funds block (预算) for a
// finding of the rule files' funds.
std::string indicator_or_table(const Finding& f, bool funds = false) {
  return !f.indicator.empty() ? f.indicator : funds ? "（预算）" : "（全表）";
}

// The findings of every table, then those of the funds block (once a run).
template <typename Each>
void each_finding(const ReviewReport& r, Each each) {
  for (const TableReview& t : r.tables)
    for (const Finding& f : t.findings) each(f);
  for (const FundsReview& b : r.funds)
    for (const Finding& f : b.findings) each(f);
}

std::string text_findings(const std::vector<Finding>& findings, bool funds) {
  std::string out;
  for (const Finding& f : findings) {
    out += visible_text(place(f)) + ": " + review::chinese(f.severity) + "[" + f.code + "] " +
           visible_text(indicator_or_table(f, funds)) + "\n";
    out += "  问题：" + visible_text(f.message) + "\n";
    out += "  建议：" + visible_text(f.suggestion) + "\n";
  }
  return out;
}

std::string md_findings(const std::vector<Finding>& findings, bool funds) {
  if (findings.empty()) return "未发现问题。\n";
  std::string out =
      md_table_row({"#", "级别", "代码", "位置", "指标", "问题", "建议"}) + md_rule_row(7);
  std::size_t n = 0;
  for (const Finding& f : findings)
    out += md_table_row({std::to_string(++n), review::chinese(f.severity), f.code,
                         position_text(f.where), indicator_or_table(f, funds), f.message,
                         f.suggestion});
  return out;
}

std::string html_findings(const std::vector<Finding>& findings, bool funds) {
  if (findings.empty()) return "<p>未发现问题。</p>\n";
  std::string out =
      "<table>\n<tr><th>#</th><th>级别</th><th>代码</th><th>位置</th><th>指标</th>"
      "<th>问题</th><th>建议</th></tr>\n";
  std::size_t n = 0;
  for (const Finding& f : findings) {
    const char* level = review::chinese(f.severity);
    out += "<tr><td>" + std::to_string(++n) + "</td><td class=\"" + level + "\">" + level +
           "</td><td>" + escape_markup(f.code) + "</td><td>" +
           escape_markup(visible_text(position_text(f.where))) + "</td><td>" +
           escape_markup(indicator_or_table(f, funds)) + "</td><td>" + escape_markup(f.message) +
           "</td><td>" + escape_markup(f.suggestion) + "</td></tr>\n";
  }
  return out + "</table>\n";
}

Json counts_json(const std::vector<Finding>& findings) {
  Json j = Json::object();
  j["errors"] = count(findings, Severity::error);
  j["warnings"] = count(findings, Severity::warning);
  j["notes"] = count(findings, Severity::note);
  return j;
}

}  // namespace

std::string render_review_text(const ReviewReport& r) {
  std::string out = "绩效目标审核意见\n";
  for (const TableReview& t : r.tables) {
    std::string name = who(t);
    out += "\n表 " + visible_text(t.file) + (name.empty() ? "" : "（" + visible_text(name) + "）") +
           "：" + std::to_string(t.indicators) + " 项指标\n";
    for (const auto& [key, value] : t.heading)
      out += "  " + key + "：" + visible_text(value) + "\n";
    if (t.findings.empty()) out += "  未发现问题。\n";
    out += text_findings(t.findings, false);
    if (!t.findings.empty()) out += "  本表：" + table_counts(t.findings) + "\n";
  }
  for (const FundsReview& b : r.funds) {
    out += "\n预算 " + visible_text(b.file) + "：\n";
    out += text_findings(b.findings, true);
    out += "  本预算：" + table_counts(b.findings) + "\n";
  }
  out += "\n审核结果：" + total_counts(r) + "\n";
  return out;
}

std::string render_review_json(const ReviewReport& r) {
  Json findings = Json::array();
  Json tables = Json::array();
  each_finding(r, [&](const Finding& f) {
    Json j;
    j["severity"] = review::chinese(f.severity);
    j["code"] = f.code;
    j["indicator"] = f.indicator;
    j["message"] = f.message;
    j["suggestion"] = f.suggestion;
    j["file"] = f.where.file;
    j["line"] = f.where.line;
    j["column"] = f.where.column;
    // A place in a published table (a cell "Sheet1!C7"), as a diagnostic's JSON gives it.
    if (!f.where.place.empty()) j["place"] = f.where.place;
    j["rule"] = f.rule;
    findings.push_back(std::move(j));
  });
  for (const TableReview& t : r.tables) {
    Json table;
    table["file"] = t.file;
    table["unit"] = t.unit;
    table["year"] = t.year ? Json(*t.year) : Json(nullptr);
    Json heading = Json::object();
    for (const auto& [key, value] : t.heading) heading[key] = value;
    table["heading"] = std::move(heading);
    table["indicators"] = t.indicators;
    table.update(counts_json(t.findings));
    tables.push_back(std::move(table));
  }
  Json funds = Json::array();
  for (const FundsReview& b : r.funds) {
    Json block;
    block["file"] = b.file;
    block.update(counts_json(b.findings));
    funds.push_back(std::move(block));
  }
  Json summary;
  summary["tables"] = std::move(tables);
  summary["funds"] = std::move(funds);
  summary["errors"] = r.count(Severity::error);
  summary["warnings"] = r.count(Severity::warning);
  summary["notes"] = r.count(Severity::note);
  summary["exit"] = r.exit_code();
  Json root;
  root["findings"] = std::move(findings);
  root["summary"] = std::move(summary);
  // Bytes that are not UTF-8 in a table cannot reach here: the table reader
  // rejects them (E2002).
  return root.dump(2) + "\n";
}

std::string render_review_csv(const ReviewReport& r) {
  // 位置: a place in a published table (自评表!D10), as the text and JSON give
  // it; 行 and 列 are then the source row and where the cell starts in it.
  std::string out = "\xEF\xBB\xBF表,单位或项目,行,列,级别,代码,指标,问题,建议,位置\r\n";
  auto row = [&](const Finding& f, const std::string& whose, bool funds) {
    const std::string cells[] = {f.where.file,
                                 whose,
                                 std::to_string(f.where.line),
                                 std::to_string(f.where.column),
                                 review::chinese(f.severity),
                                 f.code,
                                 indicator_or_table(f, funds),
                                 f.message,
                                 f.suggestion,
                                 f.where.place};
    std::string line;
    for (const std::string& c : cells) line += (line.empty() ? "" : ",") + csv_field(c);
    out += line + "\r\n";
  };
  for (const TableReview& t : r.tables)
    for (const Finding& f : t.findings) row(f, who(t), false);
  for (const FundsReview& b : r.funds)
    for (const Finding& f : b.findings) row(f, "预算", true);
  return out;
}

std::string render_review_md(const ReviewReport& r) {
  std::string out = "# 绩效目标审核意见\n";
  for (const TableReview& t : r.tables) {
    std::string name = who(t);
    out += "\n## " + md_text(name.empty() ? t.file : name) + "\n\n";
    out += "- 表：" + md_code_span(t.file) + "\n";
    for (const auto& [key, value] : t.heading) out += "- " + key + "：" + md_text(value) + "\n";
    out += "- 指标：" + std::to_string(t.indicators) + " 项；" + table_counts(t.findings) + "\n\n";
    out += md_findings(t.findings, false);
  }
  for (const FundsReview& b : r.funds) {
    out += "\n## 预算\n\n- 规则文件：" + md_code_span(b.file) + "\n- " + table_counts(b.findings) +
           "\n\n";
    out += md_findings(b.findings, true);
  }
  out += "\n**审核结果**：" + total_counts(r) + "\n";
  return out;
}

std::string render_review_html(const ReviewReport& r) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>绩效目标审核意见</title>\n<style>\n"
      "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
      "td,th{border:1px solid #999;padding:4px 8px;vertical-align:top}"
      "th{background:#ddebf7}.错误{color:#b00000;font-weight:bold}.警告{color:#9c5700}\n"
      "</style>\n</head>\n<body>\n<h1>绩效目标审核意见</h1>\n";
  for (const TableReview& t : r.tables) {
    std::string name = who(t);
    out += "<h2>" + escape_markup(name.empty() ? t.file : name) + "</h2>\n<ul>\n";
    out += "<li>表：<code>" + escape_markup(t.file) + "</code></li>\n";
    for (const auto& [key, value] : t.heading)
      out += "<li>" + escape_markup(key) + "：" + escape_markup(value) + "</li>\n";
    out += "<li>指标：" + std::to_string(t.indicators) + " 项；" + table_counts(t.findings) +
           "</li>\n</ul>\n";
    out += html_findings(t.findings, false);
  }
  for (const FundsReview& b : r.funds) {
    out += "<h2>预算</h2>\n<ul>\n<li>规则文件：<code>" + escape_markup(b.file) +
           "</code></li>\n<li>" + table_counts(b.findings) + "</li>\n</ul>\n";
    out += html_findings(b.findings, true);
  }
  out += "<p><strong>审核结果</strong>：" + total_counts(r) + "</p>\n</body>\n</html>\n";
  return out;
}

std::string render_review_junit(const ReviewReport& r) {
  std::string suites;
  std::size_t all = 0, failures = 0;
  auto suite = [&](const std::string& name, const std::vector<Finding>& findings, bool funds) {
    std::string body;
    std::size_t errors = 0, skipped = 0;
    for (const Finding& f : findings) {
      body += "    <testcase classname=\"" + escape_markup(f.code) + "\" name=\"" +
              escape_markup(position_text(f.where) + " " + indicator_or_table(f, funds)) + "\">\n";
      const std::string detail = "问题：" + f.message + "\n建议：" + f.suggestion;
      if (f.severity == Severity::error) {
        ++errors;
        body += "      <failure type=\"错误\" message=\"" + escape_markup(f.message) + "\">" +
                escape_markup(detail) + "</failure>\n";
      } else {
        ++skipped;
        body += "      <skipped message=\"" +
                escape_markup(std::string(review::chinese(f.severity)) + "：" + f.message) +
                "\"/>\n";
      }
      body += "    </testcase>\n";
    }
    all += findings.size();
    failures += errors;
    suites += "  <testsuite name=\"" + escape_markup(name) + "\" tests=\"" +
              std::to_string(findings.size()) + "\" failures=\"" + std::to_string(errors) +
              "\" errors=\"0\" skipped=\"" + std::to_string(skipped) + "\">\n" + body +
              "  </testsuite>\n";
  };
  for (const TableReview& t : r.tables) suite(t.file, t.findings, false);
  for (const FundsReview& b : r.funds) suite(b.file, b.findings, true);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"indicheck review\" "
         "tests=\"" +
         std::to_string(all) + "\" failures=\"" + std::to_string(failures) + "\">\n" + suites +
         "</testsuites>\n";
}

}  // namespace indicheck
