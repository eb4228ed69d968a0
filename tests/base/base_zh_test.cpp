// The base stage's messages in Chinese: kinds of quantity, file refusals
// (E8xxx), the system's most common causes and the notes of normalise.

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "engine/base/input_file.hpp"
#include "engine/base/message.hpp"
#include "engine/base/normalise.hpp"
#include "engine/base/unit.hpp"
#include "engine/base/utf8.hpp"

using namespace indicheck;
namespace fs = std::filesystem;

TEST_CASE("base in Chinese: kinds of quantity", "[base][zh]") {
  LanguageScope zh(Language::zh);
  CHECK(describe_dimension("money") == "金额");
  CHECK(describe_dimension("area") == "面积");
  CHECK(describe_dimension("") == "纯数");
  CHECK(describe_dimension("count:场") == "以“场”计的数量");
  CHECK(describe_dimension("unit:头") == "未知计量单位 头");
}

TEST_CASE("base in Chinese: a file that cannot be read", "[base][zh]") {
  LanguageScope zh(Language::zh);
  ReadProblem p;
  CHECK_FALSE(read_file("/nonexistent/indicheck/x.rules", p, 1000));
  CHECK(p.code == Code::file_cannot_open);
  CHECK(p.message() == "无法打开：没有那个文件或目录");
  CHECK(p.message_naming("x.rules") == "无法打开“x.rules”：没有那个文件或目录");
  CHECK(system_error_text(EACCES) == "权限不够");
}

TEST_CASE("base in Chinese: a file refused by its name or its place", "[base][zh]") {
  LanguageScope zh(Language::zh);
  std::string t = (fs::temp_directory_path() / "indicheck-zh-XXXXXX").string();
  const fs::path dir = ::mkdtemp(t.data());
  std::ofstream(dir / "notes.md") << "";
  const Reach reach = Reach::around({(dir / "main.rules").string()});
  auto p = check_named_file((dir / "notes.md").string(), NamedKind::rules, reach);
  REQUIRE(p);
  CHECK(p->code == Code::file_wrong_kind);
  CHECK(p->message_naming("notes.md") ==
        "拒绝读取“notes.md”：它的名称不是规则文件的名称（应以 .rules 结尾）：其他文件一概不读");
  auto outside = check_named_file("/etc/hosts.rules", NamedKind::rules, reach);
  REQUIRE(outside);
  CHECK(outside->code == Code::file_outside);
  CHECK(outside->why.starts_with("它在工作文件夹和命令行所给文件的文件夹（"));
  CHECK(outside->why.ends_with(
      "）之外；除非给出 --allow-outside，规则文件或测试文件只能指向这些文件夹中的文件"));
  fs::remove_all(dir);
}

TEST_CASE("base in Chinese: what normalise assumed and where it stopped", "[base][zh]") {
  LanguageScope zh(Language::zh);
  auto n = normalise("9 5%", nullptr);
  REQUIRE(n);
  CHECK(n->assumptions() == std::vector<std::string>{"文本中的空格已忽略：读作“95%”"});
  ParseError e;
  CHECK_FALSE(normalise(std::string("9\xFF"), &e));
  CHECK(name_invalid_byte(std::string("9\xFF"), e).message ==
        "无效的 UTF-8 字节 0xFF（第 2 个字符）");
}

TEST_CASE("base in Chinese: a clipped cell says how long it was", "[base][zh]") {
  LanguageScope zh(Language::zh);
  const std::string shown = shown_cell(std::string(300, '9'));
  CHECK(shown.ends_with("…（共 300 个字符）"));
}
