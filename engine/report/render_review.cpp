// The review's findings as text, JSON, CSV, Markdown, HTML and JUnit; the
// workbook is in render_xlsx.cpp, beside the 自评表's.

#include "engine/report/render_review.hpp"

#include <nlohmann/json.hpp>

#include "engine/base/csv_field.hpp"
#include "engine/report/render_rows.hpp"

namespace indicheck {

using review::Finding;
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

std::size_t count(const TableReview& t, Severity s) {
  std::size_t n = 0;
  for (const Finding& f : t.findings) n += f.severity == s;
  return n;
}

std::string table_counts(const TableReview& t) {
  return counts(count(t, Severity::error), count(t, Severity::warning), count(t, Severity::note));
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

std::string indicator_or_table(const Finding& f) {
  return f.indicator.empty() ? "（全表）" : f.indicator;
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
    for (const Finding& f : t.findings) {
      out += visible_text(place(f)) + ": " + review::chinese(f.severity) + "[" + f.code + "] " +
             visible_text(indicator_or_table(f)) + "\n";
      out += "  问题：" + visible_text(f.message) + "\n";
      out += "  建议：" + visible_text(f.suggestion) + "\n";
    }
    if (!t.findings.empty()) out += "  本表：" + table_counts(t) + "\n";
  }
  out += "\n审核结果：" + total_counts(r) + "\n";
  return out;
}

std::string render_review_json(const ReviewReport& r) {
  Json findings = Json::array();
  Json tables = Json::array();
  for (const TableReview& t : r.tables) {
    for (const Finding& f : t.findings) {
      Json j;
      j["severity"] = review::chinese(f.severity);
      j["code"] = f.code;
      j["indicator"] = f.indicator;
      j["message"] = f.message;
      j["suggestion"] = f.suggestion;
      j["file"] = f.where.file;
      j["line"] = f.where.line;
      j["column"] = f.where.column;
      j["rule"] = f.rule;
      findings.push_back(std::move(j));
    }
    Json table;
    table["file"] = t.file;
    table["unit"] = t.unit;
    table["year"] = t.year ? Json(*t.year) : Json(nullptr);
    Json heading = Json::object();
    for (const auto& [key, value] : t.heading) heading[key] = value;
    table["heading"] = std::move(heading);
    table["indicators"] = t.indicators;
    table["errors"] = count(t, Severity::error);
    table["warnings"] = count(t, Severity::warning);
    table["notes"] = count(t, Severity::note);
    tables.push_back(std::move(table));
  }
  Json summary;
  summary["tables"] = std::move(tables);
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
  std::string out = "\xEF\xBB\xBF表,单位或项目,行,列,级别,代码,指标,问题,建议\r\n";
  for (const TableReview& t : r.tables)
    for (const Finding& f : t.findings) {
      const std::string cells[] = {f.where.file,
                                   who(t),
                                   std::to_string(f.where.line),
                                   std::to_string(f.where.column),
                                   review::chinese(f.severity),
                                   f.code,
                                   indicator_or_table(f),
                                   f.message,
                                   f.suggestion};
      std::string line;
      for (const std::string& c : cells) line += (line.empty() ? "" : ",") + csv_field(c);
      out += line + "\r\n";
    }
  return out;
}

std::string render_review_md(const ReviewReport& r) {
  std::string out = "# 绩效目标审核意见\n";
  for (const TableReview& t : r.tables) {
    std::string name = who(t);
    out += "\n## " + md_text(name.empty() ? t.file : name) + "\n\n";
    out += "- 表：" + md_code_span(t.file) + "\n";
    for (const auto& [key, value] : t.heading) out += "- " + key + "：" + md_text(value) + "\n";
    out += "- 指标：" + std::to_string(t.indicators) + " 项；" + table_counts(t) + "\n\n";
    if (t.findings.empty()) {
      out += "未发现问题。\n";
      continue;
    }
    out += md_table_row({"#", "级别", "代码", "位置", "指标", "问题", "建议"}) + md_rule_row(7);
    std::size_t n = 0;
    for (const Finding& f : t.findings)
      out += md_table_row({std::to_string(++n), review::chinese(f.severity), f.code,
                           std::to_string(f.where.line) + ":" + std::to_string(f.where.column),
                           indicator_or_table(f), f.message, f.suggestion});
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
    out +=
        "<li>指标：" + std::to_string(t.indicators) + " 项；" + table_counts(t) + "</li>\n</ul>\n";
    if (t.findings.empty()) {
      out += "<p>未发现问题。</p>\n";
      continue;
    }
    out +=
        "<table>\n<tr><th>#</th><th>级别</th><th>代码</th><th>位置</th><th>指标</th>"
        "<th>问题</th><th>建议</th></tr>\n";
    std::size_t n = 0;
    for (const Finding& f : t.findings) {
      const char* level = review::chinese(f.severity);
      out += "<tr><td>" + std::to_string(++n) + "</td><td class=\"" + level + "\">" + level +
             "</td><td>" + escape_markup(f.code) + "</td><td>" + std::to_string(f.where.line) +
             ":" + std::to_string(f.where.column) + "</td><td>" +
             escape_markup(indicator_or_table(f)) + "</td><td>" + escape_markup(f.message) +
             "</td><td>" + escape_markup(f.suggestion) + "</td></tr>\n";
    }
    out += "</table>\n";
  }
  out += "<p><strong>审核结果</strong>：" + total_counts(r) + "</p>\n</body>\n</html>\n";
  return out;
}

std::string render_review_junit(const ReviewReport& r) {
  std::string suites;
  std::size_t all = 0, failures = 0;
  for (const TableReview& t : r.tables) {
    std::string body;
    std::size_t errors = 0, skipped = 0;
    for (const Finding& f : t.findings) {
      body += "    <testcase classname=\"" + escape_markup(f.code) + "\" name=\"" +
              escape_markup(std::to_string(f.where.line) + ":" + std::to_string(f.where.column) +
                            " " + indicator_or_table(f)) +
              "\">\n";
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
    all += t.findings.size();
    failures += errors;
    suites += "  <testsuite name=\"" + escape_markup(t.file) + "\" tests=\"" +
              std::to_string(t.findings.size()) + "\" failures=\"" + std::to_string(errors) +
              "\" errors=\"0\" skipped=\"" + std::to_string(skipped) + "\">\n" + body +
              "  </testsuite>\n";
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"indicheck review\" "
         "tests=\"" +
         std::to_string(all) + "\" failures=\"" + std::to_string(failures) + "\">\n" + suites +
         "</testsuites>\n";
}

}  // namespace indicheck
