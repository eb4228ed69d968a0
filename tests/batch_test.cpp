#include <catch2/catch.hpp>
#include <string>

#include "engine/batch.hpp"

using namespace indicheck;
using namespace indicheck::batch;

namespace {

struct Outcome {
  std::string rows;  // "line:verdict[:unit:level1]" per row, in input order
  Tallies tallies;
  FileResult result;
};

// Runs `input` through a Runner, delivering it `chunk` bytes at a time.
Outcome run(std::string_view input, unsigned threads, std::size_t block = 4096,
            std::size_t chunk = 7) {
  Options options;
  options.threads = threads;
  options.block_bytes = block;
  options.format = [](std::string& out, const Row& r) {
    out += std::to_string(r.line) + ":" + to_string(r.verdict);
    if (!r.malformed) out += ":" + std::string(r.unit) + ":" + std::string(r.level1);
    out += "\n";
  };
  Runner runner(options);
  std::size_t pos = 0;
  Outcome o;
  Reader read = [&](char* buf, std::size_t n) {
    std::size_t k = std::min({n, chunk, input.size() - pos});
    input.copy(buf, k, pos);
    pos += k;
    return k;
  };
  o.result = runner.run(read, [&](std::string_view text) { o.rows += text; });
  o.tallies = runner.tallies();
  return o;
}

const Counts& at(const Tallies& t, const std::string& level1) {
  static const Counts none;
  auto it = t.by_level1.find(level1);
  return it == t.by_level1.end() ? none : it->second;
}

// Header, CRLF lines, blank lines, a malformed row, and every verdict kind.
const std::string kInput =
    "dept_id\tlevel1\tlevel2\tindicator\tperiod\ttarget_expr\tactual\r\n"
    "u1\t产出指标\t质量指标\t合格率\t全年\t≥95%\t96%\r\n"             // 2 pass
    "u1\t产出指标\t质量指标\t合格率\t全年\t≥95%\t94.9%\n"             // 3 fail
    "\n"                                                              // 4 blank
    "u1\t产出指标\t数量指标\t面积\t全年\t=12000亩\t800公顷\n"         // 5 pass (exact)
    "u2\t效益指标\t社会效益\t机制\t全年\t健全\t基本健全\n"            // 6 partial
    "u2\t效益指标\t社会效益\t机制\t全年\t健全\t\n"                    // 7 missing
    "u2\t效益指标\t社会效益\t数量\t全年\t=7项\t7个\n"                 // 8 error (dimension)
    "u2\t效益指标\t社会效益\t验收\t全年\t通过专家验收\t已提交材料\n"  // 9 manual
    "u2\t满意度指标\t满意度\t群众\t全年\t\t99%\n"                     // 10 no-target
    "u3\t满意度指标\t满意度\t群众\n"                                  // 11 malformed (4 cells)
    "\r\n"                                                            // 12 blank (CRLF)
    "u3\t成本指标\t成本\t成本率\t半年\t≤ 100 %\t100.00\n"             // 13 pass (spaces, no unit)
    "u3\t成本指标\t成本\t成本率\t半年\t≥95%%\t96%\n"                  // 14 error (bad target)
    "u3\t成本指标\t成本\t成本率\t半年\t≥95%\t9 6%\t extra\n"          // 15 malformed (8 cells)
    "u3\t成本指标\t成本\t成本率\t半年\t≤0%\t-0%";                     // 16 pass, no final newline

}  // namespace

TEST_CASE("batch: every row is judged and tallied exactly", "[batch]") {
  Outcome o = run(kInput, 1);
  CHECK(o.result.usable);
  CHECK(o.result.rows == 13);
  CHECK(o.result.lines == 16);
  CHECK(o.rows ==
        "2:pass:u1:产出指标\n"
        "3:fail:u1:产出指标\n"
        "5:pass:u1:产出指标\n"
        "6:partial:u2:效益指标\n"
        "7:missing:u2:效益指标\n"
        "8:error:u2:效益指标\n"
        "9:manual:u2:效益指标\n"
        "10:no-target:u2:满意度指标\n"
        "11:error\n"
        "13:pass:u3:成本指标\n"
        "14:error:u3:成本指标\n"
        "15:error\n"
        "16:pass:u3:成本指标\n");
  const Tallies& t = o.tallies;
  CHECK(t.total.total == 13);
  CHECK(t.total.count(VerdictKind::pass) == 4);
  CHECK(t.total.count(VerdictKind::fail) == 1);
  CHECK(t.total.count(VerdictKind::partial) == 1);
  CHECK(t.total.count(VerdictKind::manual) == 1);
  CHECK(t.total.count(VerdictKind::missing) == 1);
  CHECK(t.total.count(VerdictKind::error) == 4);
  CHECK(t.total.count(VerdictKind::no_target) == 1);
  CHECK(t.malformed == 2);
  // The bench mapping: pass; fail + partial; the rest.
  CHECK(t.total.bench_pass() == 4);
  CHECK(t.total.bench_fail() == 2);
  CHECK(t.total.bench_error() == 7);
  CHECK(at(t, "(malformed)").count(VerdictKind::error) == 2);
  CHECK(at(t, "(malformed)").total == 2);
  CHECK(at(t, "产出指标").count(VerdictKind::pass) == 2);
  CHECK(at(t, "产出指标").count(VerdictKind::fail) == 1);
  CHECK(at(t, "效益指标").total == 4);
  CHECK(at(t, "满意度指标").count(VerdictKind::no_target) == 1);
  CHECK(at(t, "满意度指标").total == 1);
  CHECK(at(t, "成本指标").count(VerdictKind::pass) == 2);
  CHECK(at(t, "成本指标").count(VerdictKind::error) == 1);
  CHECK(t.by_unit.at("u1").total == 3);
  CHECK(t.by_unit.at("u2").total == 5);
  CHECK(t.by_unit.at("u3").total == 3);
  CHECK(t.by_unit.at("(malformed)").total == 2);
  auto sorted = Tallies::sorted(t.by_level1);
  REQUIRE(sorted.size() == 5);
  CHECK(sorted.front().first == "(malformed)");  // UTF-8 byte order
}

TEST_CASE("batch: output does not depend on threads, block or read sizes", "[batch]") {
  Outcome one = run(kInput, 1);
  for (unsigned threads : {2u, 3u, 8u})
    for (std::size_t block : {std::size_t{4096}, std::size_t{1} << 20})
      for (std::size_t chunk : {std::size_t{1}, std::size_t{13}, std::size_t{1} << 20}) {
        Outcome o = run(kInput, threads, block, chunk);
        CHECK(o.rows == one.rows);
        CHECK(o.tallies.total.n == one.tallies.total.n);
        CHECK(o.tallies.by_level1 == one.tallies.by_level1);
        CHECK(o.tallies.by_unit == one.tallies.by_unit);
        CHECK(o.result.lines == one.result.lines);
      }
  // Many rows: several rounds, with a long line that forces the buffer to grow.
  std::string big = "单位\t一级指标\t二级指标\t三级指标\t期间\t指标值\t实际值\n";
  for (int i = 0; i < 3000; ++i) {
    big += "d" + std::to_string(i % 17) + "\t" + (i % 3 ? "产出指标" : "效益指标") +
           "\t数量\t人次\t全年\t≥" + std::to_string(i % 50) + "人次\t" + std::to_string(i % 61);
    if (i == 1234) big += std::string(10000, ' ');
    big += i % 7 == 3 ? "\t\n" : i % 11 == 0 ? "\r\n" : "\n";
  }
  Outcome a = run(big, 1, 4096, 1 << 16);
  Outcome b = run(big, 2, 4096, 1 << 16);
  CHECK(a.result.rows == 3000);
  CHECK(a.rows == b.rows);
  CHECK(a.tallies.by_level1 == b.tallies.by_level1);
  CHECK(a.tallies.by_unit == b.tallies.by_unit);
  CHECK(a.tallies.malformed == 3000 / 7 + (3000 % 7 > 3 ? 1 : 0));
}

TEST_CASE("batch: headers map by name, in any order", "[batch]") {
  std::string error;
  auto m = map_header("\xEF\xBB\xBF实际值\t指标值\t一级指标\t单位\r", 0, &error);
  REQUIRE(m);
  CHECK(m->fields == 4);
  CHECK(m->separator == '\t');
  CHECK(m->at(Column::actual) == 0);
  CHECK(m->at(Column::target) == 1);
  CHECK(m->at(Column::level1) == 2);
  CHECK(m->at(Column::unit) == 3);
  CHECK(m->at(Column::period) == -1);

  auto csv = map_header("dept_id,level1,target_expr,actual", 0, &error);
  REQUIRE(csv);
  CHECK(csv->separator == ',');

  CHECK_FALSE(map_header("dept_id\tlevel1\ttarget_expr", 0, &error));
  CHECK(error == "the header has no actual column ('actual' or '实际值')");
  CHECK_FALSE(map_header("dept_id\t单位\tlevel1\ttarget_expr\tactual", 0, &error));
  CHECK(error == "the header names the unit column twice (cells 1 and 2)");
}

TEST_CASE("batch: CSV cells may be quoted", "[batch]") {
  Outcome o =
      run("单位,一级指标,指标值,实际值\n"
          "a,产出指标,\"≥1,000个\",\"1,200个\"\n"
          "b,\"产出,指标\",=7项,7项\n"
          "c,产出指标,=7项\n",
          1);
  CHECK(o.rows == "2:pass:a:产出指标\n3:pass:b:产出,指标\n4:error\n");
}

TEST_CASE("batch: an empty input or a bad header is unusable", "[batch]") {
  CHECK_FALSE(run("", 1).result.usable);
  Outcome o = run("a\tb\n1\t2\n", 2);
  CHECK_FALSE(o.result.usable);
  CHECK(o.result.error.starts_with("the header has no unit column"));
  CHECK(o.tallies.total.total == 0);
}
