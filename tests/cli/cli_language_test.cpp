// The command line in Chinese (tools/indicheck/cli_language.hpp,
// last_resort.hpp): CLI11's common parse errors said again through the
// catalog, the same words in English, and the last-resort lines.

#include <catch2/catch.hpp>
#include <cstdio>
#include <new>
#include <string>

#include "engine/base/message.hpp"
#include "tools/indicheck/cli_language.hpp"
#include "tools/indicheck/last_resort.hpp"

using indicheck::Language;
using indicheck::LanguageScope;
using indicheck::cli::parse_error_text;

TEST_CASE("CLI11's common parse errors keep their English words in English", "[cli]") {
  LanguageScope en(Language::en);
  CHECK(parse_error_text(CLI::ExtrasError("check", {"--colour"})) ==
        "The following argument was not expected: --colour");
  CHECK(parse_error_text(CLI::RequiredError("--actuals")) == "--actuals is required");
  CHECK(parse_error_text(CLI::ValidationError("--progress", "sometimes not in {auto,never}")) ==
        "--progress: sometimes not in {auto,never}");
}

TEST_CASE("CLI11's common parse errors in Chinese", "[cli]") {
  LanguageScope zh(Language::zh);
  CHECK(parse_error_text(CLI::ExtrasError("check", {"--colour"})) == "多出了以下参数：--colour");
  CHECK(parse_error_text(CLI::RequiredError("--actuals")) == "必须给出 --actuals");
  CHECK(parse_error_text(CLI::RequiredError::Subcommand(1)) == "必须给出一个子命令");
  CHECK(parse_error_text(CLI::ValidationError("--progress", "sometimes not in {auto,never}")) ==
        "--progress：sometimes 不在 {auto,never} 之中");
  CHECK(parse_error_text(CLI::ValidationError("--jobs", "Value 0 not in range 1 to 256")) ==
        "--jobs：值 0 不在 1 到 256 的区间内");
  // Not recognised: CLI11's own text.
  CHECK(parse_error_text(CLI::ConversionError("odd words")) == "odd words");
}

namespace {

// One subcommand's help in the language of the scope, made as main makes it.
std::string help_of(bool required) {
  CLI::App app{"top", "indicheck"};
  indicheck::cli::speak_cli_language(app);
  CLI::App* sub = app.add_subcommand("batch", "sub");
  indicheck::cli::give_help_flag_its_group(*sub);
  std::string file;
  unsigned jobs = 1;
  CLI::Option* o = sub->add_option("FILE", file, "the table");
  if (required) o->required();
  sub->add_option("-j,--jobs", jobs, "threads")->check(CLI::Range(1, 256));
  return sub->help();
}

}  // namespace

TEST_CASE("help pads its option column by terminal cells, in both languages", "[cli]") {
  {
    LanguageScope en(Language::en);
    const std::string help = help_of(true);
    CHECK(help.find("  FILE TEXT REQUIRED          the table\n") != std::string::npos);
    CHECK(help.find("  -j,--jobs UINT:INT in [1 - 256]\n                              threads\n") !=
          std::string::npos);
  }
  LanguageScope zh(Language::zh);
  // "  FILE 文本 必需" is 16 cells (20 bytes): 14 spaces reach column 30.
  const std::string help = help_of(true);
  CHECK(help.find("  FILE 文本 必需              the table\n") != std::string::npos);
  CHECK(help.find("  -j,--jobs 非负整数:整数，范围 [1 - 256]\n") != std::string::npos);
  CHECK(help_of(false).find("  FILE 文本                   the table\n") != std::string::npos);
}

TEST_CASE("the last-resort line in Chinese", "[cli]") {
  LanguageScope zh(Language::zh);
  std::FILE* err = std::tmpfile();
  int code = indicheck::cli::run_reporting_failures(
      "check", []() -> int { throw std::bad_alloc(); }, 2, err);
  std::rewind(err);
  char buf[256] = {};
  std::size_t n = std::fread(buf, 1, sizeof buf - 1, err);
  std::fclose(err);
  CHECK(std::string(buf, n) == "indicheck：运行“check”时内存不足\n");
  CHECK(code == 2);
}
