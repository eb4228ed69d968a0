// The table stage's messages in Chinese: the reader of indicheck's own TSV
// says what is wrong in the run's language, the column names (input syntax)
// as written.

#include <catch2/catch.hpp>

#include "engine/base/message.hpp"
#include "engine/table/table.hpp"

using namespace indicheck;

TEST_CASE("a targets table's header is diagnosed in Chinese", "[table][message]") {
  LanguageScope zh(Language::zh);
  std::vector<Diagnostic> ds;
  auto t = read_targets("t.tsv", "一级指标\t二级指标\t备注\t三级指标\t三级指标\t全年指标值\n", ds);
  CHECK_FALSE(t);
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].message ==
        "未知列“备注”：此处应为以下之一：一级指标, 二级指标, 重点工作, 三级指标, 指标性质, "
        "半年指标值, "
        "全年指标值, 分值");
  CHECK(ds[1].message == "列“三级指标”出现两次");
}

TEST_CASE("unknown columns past the shown few are counted in Chinese", "[table][message]") {
  LanguageScope zh(Language::zh);
  std::string header = "一级指标\t二级指标\t三级指标\t全年指标值";
  for (int k = 0; k < 12; ++k) header += "\t列" + std::to_string(k);
  std::vector<Diagnostic> ds;
  CHECK_FALSE(read_targets("t.tsv", header + "\n", ds));
  REQUIRE_FALSE(ds.empty());
  CHECK(ds.back().message.starts_with("……本行另有 "));
  CHECK(ds.back().message.ends_with(" 个未知列"));
}

TEST_CASE("an actuals table's rows and metadata are diagnosed in Chinese", "[table][message]") {
  LanguageScope zh(Language::zh);
  std::vector<Diagnostic> ds;
  auto t =
      read_actuals("a.tsv", "# 期间: 春季\n指标\t实际值\t得分\n\t1\t\n甲\t1\t五分\n甲\t1\n", ds);
  REQUIRE(t);
  REQUIRE(ds.size() == 4);
  CHECK(ds[0].message == "“# 期间: 春季”：此处应为 半年 或 全年");
  CHECK(ds[1].message == "指标为空：这是哪个指标？");
  CHECK(ds[2].message == "得分“五分”不是数字（应为数字，可带小数点）");
  CHECK(ds[3].message == "此处应为 3 个以制表符分隔的单元格（与表头相同），实为 2 个");
}

TEST_CASE("the table stage still speaks English by default", "[table][message]") {
  std::vector<Diagnostic> ds;
  CHECK_FALSE(read_targets("t.tsv", "# 注释\n", ds));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message == "no header row: the file is empty or has only comments");
}
