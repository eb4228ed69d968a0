#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "engine/base/message.hpp"
#include "engine/base/normalise.hpp"
#include "engine/batch/batch.hpp"
#include "engine/cell/fast_path.hpp"
#include "engine/cell/parse.hpp"

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
  HeaderProblem error;
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
  CHECK(error.message == "the header has no actual column ('actual' or '实际值')");
  CHECK(id_of(error.code) == "E7008");
  CHECK_FALSE(map_header("dept_id\t单位\tlevel1\ttarget_expr\tactual", 0, &error));
  CHECK(error.message == "the header names the unit column twice (cells 1 and 2)");
  CHECK(id_of(error.code) == "E7007");
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
  CHECK(o.result.error.message.starts_with("the header has no unit column"));
  CHECK(id_of(o.result.error.code) == "E7008");
  CHECK(o.tallies.total.total == 0);
}

// ---- the fast paths give exactly what the general path gives ----

namespace {

// The pieces cells are made of: every comparator spelling, figures the fast
// paths read and figures they must leave alone (grouped, wide, too long, a
// second point), units known, unknown, compound, multiplied, date marks, and
// suffixes the unit rule stops at.
const std::vector<std::string> kComparators = {
    "",     "≥",   "≤",  ">",  "<",  "=",  ">=", "<=",     "≧",    "≦",  "＞＝",
    "＜＝", "＞=", "＞", "＜", "＝", "﹦", "═",  "不低于", "达到", "≥≥", "=="};
const std::vector<std::string> kFigures = {"0",
                                           "95",
                                           "95.5",
                                           "100.00",
                                           "-5",
                                           "+3",
                                           "-0",
                                           "+0.0",
                                           "007",
                                           "1,200",
                                           "９５",
                                           "95.",
                                           ".5",
                                           "95.1.2",
                                           "2024",
                                           "12",
                                           "1.2345678",
                                           "12000",
                                           "800",
                                           "6300",
                                           "9.45",
                                           "666.67",
                                           "1346.0088",
                                           "123456789012345678",
                                           "1234567890123456789",
                                           "99999999999999999999999",
                                           "0.000000000000000001"};
const std::vector<std::string> kUnits = {
    "",       "%",   "％",     "‰",      "个",   "项",      "份",        "件",     "人次", "亩",
    "平方米", "㎡",  "公顷",   "元",     "万元", "万",      "亿元",      "元/亩",  "年",   "月",
    "个月",   "天",  "万亩",   "万株",   "km",   "m²",      "%%",        "个以上", "以上", "%以下",
    "-11-20", ".20", "年11月", "月20日", "％ ",  "平方 米", "\xC2\xA0%", "\xFF",   "%\t",  "x%"};
const std::vector<std::string> kOtherCells = {
    "",         " ",          "健全",     "基本健全",  "不健全",         "是",         "否",
    "/",        "N/A",        "--",       "良好",      "2024年11月20日", "2024-11-20", "12月",
    "11月底前", "[80%,100%]", "80%-100%", "80至100亩", "通过专家验收",   "按时完成",   "≥健全",
    "=健全"};

// Applies one of the spacings hand-typed tables have.
std::string spaced(const std::string& s, int how) {
  switch (how) {
    case 1:
      return " " + s;
    case 2:
      return s + " ";
    case 3: {  // a space after the first character and before the last
      if (s.size() < 2) return s;
      std::string out = s;
      out.insert(out.size() - 1, " ");
      out.insert(1, " ");
      return out;
    }
    default:
      return s;
  }
}

// Every target (comparator, figure, unit; spaced in one of the ways when
// `spaced_targets`) and every actual (figure and unit, spaced every way), and
// the other cells as both.
std::pair<std::vector<std::string>, std::vector<std::string>> make_cells(bool spaced_targets) {
  std::vector<std::string> targets, actuals;
  for (const auto& c : kComparators)
    for (const auto& f : kFigures)
      for (const auto& u : kUnits)
        targets.push_back(spaced_targets
                              ? spaced(c + f + u, static_cast<int>((c.size() + u.size()) % 4))
                              : c + f + u);
  for (const auto& f : kFigures)
    for (const auto& u : kUnits)
      for (int how = 0; how < 4; ++how) actuals.push_back(spaced(f + u, how));
  for (const auto& s : kOtherCells) {
    targets.push_back(s);
    actuals.push_back(s);
  }
  return {targets, actuals};
}

std::string show(const Unit& u) {
  return u.symbol + "|" + u.dimension + "|" + u.factor.canonical() + "|" + (u.known ? "k" : "?");
}

// Everything a parsed actual holds, as text.
std::string show(const std::variant<Actual, ParseError>& parsed) {
  if (const auto* e = std::get_if<ParseError>(&parsed))
    return "error " + e->message + " @" + std::to_string(e->column) + "/" + std::to_string(e->byte);
  const Actual& a = std::get<Actual>(parsed);
  std::string out = "[" + a.written + "] form " + std::to_string(a.form.index());
  if (const auto* q = std::get_if<ActualQuantity>(&a.form))
    out += " " + q->value.canonical() + " " + (q->unit ? show(*q->unit) : "-");
  for (const auto& s : a.assumptions) out += "; " + s;
  return out;
}

std::string show(const std::variant<Constraint, ParseError>& parsed) {
  if (const auto* e = std::get_if<ParseError>(&parsed))
    return "error " + e->message + " @" + std::to_string(e->column) + "/" + std::to_string(e->byte);
  const Constraint& c = std::get<Constraint>(parsed);
  std::string out = "[" + c.written + "] " + c.kind();
  if (const auto* q = std::get_if<QuantityConstraint>(&c.form))
    out += " " + std::string(to_string(q->op)) + " " + q->target.value.canonical() + " " +
           show(q->target.unit);
  for (const auto& s : c.assumptions) out += "; " + s;
  return out;
}

}  // namespace

TEST_CASE("fast paths: parse_target and parse_actual equal the grammar on every cell",
          "[batch][fast]") {
  const UnitTable& units = UnitTable::standard();
  auto [targets, actuals] = make_cells(false);
  std::size_t fast_targets = 0, fast_actuals = 0;
  for (const auto& t : targets) {
    INFO("target '" << t << "'");
    auto quick = parse_target(t, units);
    auto slow = parse_target_by_grammar(t, units);
    REQUIRE(show(quick) == show(slow));
    if (std::holds_alternative<Constraint>(quick)) ++fast_targets;
  }
  for (const auto& a : actuals) {
    INFO("actual '" << a << "'");
    REQUIRE(show(parse_actual(a, units)) == show(parse_actual_by_grammar(a, units)));
    fast::Decimal f;
    char buffer[64];
    if (fast::scan_figure(a, buffer, f) && fast::figure_unit(f.suffix, units).known) ++fast_actuals;
  }
  CHECK(targets.size() == 22 * 27 * 40 + kOtherCells.size());
  // Not vacuous: the figure fast path reads a good share of these cells.
  CHECK(fast_actuals > 500);
  CHECK(fast_targets > 5000);
}

TEST_CASE("fast paths: batch verdicts equal the general path on every pair", "[batch][fast]") {
  // Pairs of a target and an actual: every actual against a spread of
  // targets, and random pairs from the whole product (fixed seed).
  auto [targets, actuals] = make_cells(true);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const char* t : {"≥95%", "=12000亩", "≤500万元", "=7项", "<0.5%", "≥95", "＞＝100人次",
                        "=6300平方米", "≤-2%", "健全", "=1亩", "≥1234567890123456789个"})
    for (const auto& a : actuals) pairs.emplace_back(t, a);
  std::mt19937 random(20240601);
  for (int i = 0; i < 40000; ++i)
    pairs.emplace_back(targets[random() % targets.size()], actuals[random() % actuals.size()]);

  Judge quick({}, 64, true);  // a small cache: its full state is exercised too
  Judge general({}, 64, false);
  std::array<std::size_t, std::size(kAllVerdicts)> seen{};
  for (const auto& [t, a] : pairs) {
    INFO("target '" << t << "', actual '" << a << "'");
    VerdictKind v = quick.judge(t, a);
    REQUIRE(v == general.judge(t, a));
    ++seen[static_cast<std::size_t>(v)];
  }
  // Every verdict the figures can give appears: pass, fail and error; and
  // missing, which a quantity target gives an empty or placeholder actual
  // without being parsed.
  CHECK(seen[static_cast<std::size_t>(VerdictKind::missing)] > 50);
  CHECK(seen[static_cast<std::size_t>(VerdictKind::pass)] > 1000);
  CHECK(seen[static_cast<std::size_t>(VerdictKind::fail)] > 1000);
  CHECK(seen[static_cast<std::size_t>(VerdictKind::error)] > 1000);
}

TEST_CASE("batch: pairs sharing a pair slot keep their own verdicts", "[batch]") {
  // The two actuals have the same length and the same first and last 8 bytes:
  // they hash to the same set of slots, so each lookup must compare the whole pair.
  const std::string t = "制度健全且执行有效", same = t, other = "制度健全但执行有效";
  Judge shared;
  const VerdictKind expected_same = Judge().judge(t, same),
                    expected_other = Judge().judge(t, other);
  CHECK(expected_same != expected_other);
  for (int round = 0; round < 3; ++round) {
    CHECK(shared.judge(t, same) == expected_same);
    CHECK(shared.judge(t, other) == expected_other);
  }
}

TEST_CASE("batch: a pair too long to keep is judged afresh each time", "[batch]") {
  // 27 + 33 bytes fit a 60-byte slot; 39 + 45 do not.
  const std::string fits_t = "制度健全且执行有效", fits_a = "制度基本健全且执行有效";
  const std::string long_t = "管理制度健全且执行有效到位",
                    long_a = "管理制度基本健全且执行有效到位";
  Judge judge;
  const VerdictKind fits = Judge().judge(fits_t, fits_a), too_long = Judge().judge(long_t, long_a);
  for (int round = 0; round < 3; ++round) {
    CHECK(judge.judge(fits_t, fits_a) == fits);
    CHECK(judge.judge(long_t, long_a) == too_long);
  }
  CHECK(judge.judge("健全", "基本健全") == VerdictKind::partial);
  CHECK(judge.judge("健全", "健全") == VerdictKind::pass);
  // Kept: the three pairs that fit, and the three targets parsed.
  CHECK(judge.cached() == 3 + 3);
}

TEST_CASE("fast paths: the figure judge is exact at the boundaries", "[batch][fast]") {
  Judge j;
  CHECK(j.judge("=1亩", "666.67平方米") == VerdictKind::fail);
  CHECK(j.judge("≥1亩", "666.67平方米") == VerdictKind::pass);
  CHECK(j.judge("≤1亩", "666.66平方米") == VerdictKind::pass);
  CHECK(j.judge("=9.45亩", "6300平方米") == VerdictKind::pass);
  CHECK(j.judge("=12000亩", "800公顷") == VerdictKind::pass);
  CHECK(j.judge("=100%", "100.00％") == VerdictKind::pass);
  CHECK(j.judge("≤0%", "-0%") == VerdictKind::pass);
  CHECK(j.judge("<0%", "-0%") == VerdictKind::fail);
  CHECK(j.judge("≥95%", "95个") == VerdictKind::error);
  CHECK(j.judge("=7项", "7个") == VerdictKind::error);
  CHECK(j.judge("≤500万元", "5000000元") == VerdictKind::pass);
  CHECK(j.judge("≤500万元", "5000000.01元") == VerdictKind::fail);
  CHECK(j.judge("≤500万元", "500万") == VerdictKind::pass);  // bare 万: the general path
  // A space inside a multi-byte character is invalid UTF-8 to normalise (it
  // decodes before it drops spaces), so the fast paths must not mend it.
  CHECK(j.judge("≥95%", "96 \xEF\xBC \x85") == VerdictKind::error);
  CHECK(j.judge("≥95\xEF\xBC \x85", "96%") == VerdictKind::error);
  CHECK(j.judge("≥95%", "96\xEF \xBC\x85") == VerdictKind::error);
  CHECK(j.judge("≥95 %", "96 ％") == VerdictKind::pass);
  // 18 digits against a target near 2^63: the 128-bit products are exact.
  CHECK(j.judge("≥9223372036854775807个", "922337203685477580.7") == VerdictKind::fail);
  CHECK(j.judge("≤9223372036854775807个", "922337203685477580.7") == VerdictKind::pass);
  CHECK(j.judge("=9223372036854775807个", "9223372036854775807") == VerdictKind::pass);
  // An actual in its target's unit: the figures compared at a common scale,
  // or with the 128-bit products when scaling overflows 64 bits.
  CHECK(j.judge("=95%", "95.000%") == VerdictKind::pass);
  CHECK(j.judge("=95.5%", "95.50") == VerdictKind::pass);
  CHECK(j.judge("<95.5%", "95.49%") == VerdictKind::pass);
  CHECK(j.judge(">95.5%", "95.5%") == VerdictKind::fail);
  CHECK(j.judge("≥-1.5个", "-2个") == VerdictKind::fail);
  CHECK(j.judge("=0.000000001%", "123456789012.5%") == VerdictKind::fail);
  CHECK(j.judge(">0.000000001%", "123456789012.5%") == VerdictKind::pass);
  CHECK(j.judge("<123456789012.5%", "0.000000001%") == VerdictKind::pass);
}

TEST_CASE("drop_spaces: a space after a whole character goes, one inside a sequence stays",
          "[batch][fast]") {
  char buffer[64];
  auto dropped = [&](std::string_view s) -> std::string {
    auto r = drop_spaces(s, buffer);
    return r ? std::string(*r) : std::string("(declined)");
  };
  CHECK(dropped("≥ 95 %") == "≥95%");
  CHECK(dropped("＞＝ 100 ％ ") == "＞＝100％");
  CHECK(dropped("7636 元") == "7636元");
  CHECK(dropped("\xC2\xB5 m") == "\xC2\xB5m");  // a two-byte character
  CHECK(dropped("\xF0\x9F\x98\x80 1") ==
        "\xF0\x9F\x98\x80"
        "1");  // four bytes
  CHECK(dropped("95") == "95");
  // A space after a cut sequence, after a lead byte, or before a continuation
  // byte: dropping it would let the bytes around it decode as one character.
  CHECK(dropped("\xE2\x89 \xA5 95") == "(declined)");
  CHECK(dropped("\xE2 95") == "(declined)");
  CHECK(dropped("≥ \xA5") == "(declined)");
  CHECK(dropped("\xE2\x89\xA5\xA5 95") == "(declined)");  // a stray continuation byte
  CHECK(dropped("\xFF 95") == "(declined)");
}

TEST_CASE("progress_line: size, share, rows and rate", "[batch]") {
  CHECK(progress_line("large.tsv", 412'345'678, 754'000'000, 5'480'000, 538) ==
        "large.tsv: 412 MB of 754 MB (54%), 5480000 rows, 10.1M rows/s");
  CHECK(progress_line("-", 2'500'000, std::nullopt, 31'000, 1000) ==
        "-: 2 MB, 31000 rows, 31.0k rows/s");
  CHECK(progress_line("a.tsv", 10, 10, 1, 2000) == "a.tsv: 0 MB of 0 MB (100%), 1 row, 0 rows/s");
  CHECK(progress_line("a.tsv", 0, 0, 0, 0) == "a.tsv: 0 MB of 0 MB, 0 rows");
  CHECK(progress_line("a.tsv", 999'999, 1'000'000, 999, 999) ==
        "a.tsv: 0 MB of 1 MB (99%), 999 rows, 1.0k rows/s");
}

TEST_CASE("batch: progress is told each block, up to the whole input", "[batch]") {
  std::string input = "单位\t一级指标\t指标值\t实际值\n";
  for (int i = 0; i < 2000; ++i)
    input += "d" + std::to_string(i % 9) + "\t产出指标\t≥" + std::to_string(i % 90) + "%\t" +
             std::to_string(i % 97) + "%\n";
  for (unsigned threads : {1u, 2u}) {
    Options options;
    options.threads = threads;
    options.block_bytes = 4096;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> calls;
    options.progress = [&](std::uint64_t bytes, std::uint64_t rows) {
      calls.emplace_back(bytes, rows);
    };
    Runner runner(options);
    std::size_t pos = 0;
    Reader read = [&](char* buf, std::size_t n) {
      std::size_t k = std::min({n, std::size_t{1000}, input.size() - pos});
      input.copy(buf, k, pos);
      pos += k;
      return k;
    };
    FileResult r = runner.run(read, [](std::string_view) {});
    REQUIRE(r.rows == 2000);
    // One call per block of about 4096 bytes.
    REQUIRE(calls.size() >= input.size() / 4096);
    CHECK(calls.size() <= input.size() / 4096 + 2);
    for (std::size_t k = 1; k < calls.size(); ++k) {
      CHECK(calls[k].first >= calls[k - 1].first);
      CHECK(calls[k].second >= calls[k - 1].second);
    }
    CHECK(calls.back().first == input.size());
    CHECK(calls.back().second < 2000);  // the last block is not yet judged
    if (threads == 1) CHECK(calls.back().second > 1800);
  }
}

TEST_CASE("batch: progress and header problems in Chinese", "[batch][message]") {
  LanguageScope zh(Language::zh);
  CHECK(progress_line("large.tsv", 412'345'678, 754'000'000, 5'480'000, 538) ==
        "large.tsv：412 MB / 754 MB（54%），5480000 行，每秒 10.1M 行");
  CHECK(progress_line("a.tsv", 0, 0, 0, 0) == "a.tsv：0 MB / 0 MB，0 行");
  HeaderProblem error;
  CHECK_FALSE(map_header("dept_id\tlevel1\ttarget_expr", 0, &error));
  CHECK(error.message == "表头没有 actual 列（'actual'或'实际值'）");
  CHECK_FALSE(map_header(" , ", 0, &error));
  CHECK(error.message == "第一行为空：表头（dept_id、level1……或 单位、一级指标……）必须在第 1 行");
}
