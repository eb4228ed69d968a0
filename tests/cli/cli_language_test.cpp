// The command line in Chinese (tools/indicheck/cli_language.hpp,
// last_resort.hpp): CLI11's common parse errors said again through the
// catalog, the same words in English, and the last-resort lines.

#include <catch2/catch.hpp>
#include <cstdio>
#include <new>
#include <set>
#include <string>
#include <string_view>
#include <vector>

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
  // Not recognised: CLI11's own text, under a Chinese lead.
  CHECK(parse_error_text(CLI::ConversionError("odd words")) ==
        "命令行有误（CLI11 的原话）：odd words");
}

TEST_CASE("a number option: no number is not out of range; bounds as written", "[cli]") {
  using indicheck::cli::number_in;
  auto said = [](const CLI::Validator& v, std::string value) { return v(value); };
  {
    LanguageScope en(Language::en);
    const CLI::Validator percent = number_in(0.0, 100.0);
    CHECK(said(percent, "many") == "many is not a number");
    CHECK(said(percent, "150") == "Value 150 not in range 0 to 100");
    CHECK(said(percent, "-0.5") == "Value -0.5 not in range 0 to 100");
    CHECK(said(percent, "nan") == "Value nan not in range 0 to 100");
    CHECK(said(percent, "0").empty());
    CHECK(said(percent, "90.5").empty());
    CHECK(said(percent, "100").empty());
    CHECK(said(number_in(1u, 256u), "x") == "x is not a number");
    CHECK(said(number_in(1u, 256u), "0") == "Value 0 not in range 1 to 256");
    CHECK(said(number_in(1900, 2999), "3000") == "Value 3000 not in range 1900 to 2999");
    // The help text is CLI11's Range's.
    CHECK(percent.get_description() == CLI::Range(0.0, 100.0).get_description());
    CHECK(parse_error_text(CLI::ValidationError("--threshold", said(percent, "many"))) ==
          "--threshold: many is not a number");
  }
  LanguageScope zh(Language::zh);
  const CLI::Validator percent = number_in(0.0, 100.0);
  CHECK(parse_error_text(CLI::ValidationError("--threshold", said(percent, "many"))) ==
        "--threshold：many 不是数");
  CHECK(parse_error_text(CLI::ValidationError("--threshold", said(percent, "150"))) ==
        "--threshold：值 150 不在 0 到 100 的区间内");
}

namespace {

// Every parse error CLI11 2.1 can raise while parsing a command line, one of
// each sentence it builds (CLI/Error.hpp, and CLI/Validators.hpp's messages
// inside a ValidationError), with its Chinese. Construction errors
// (IncorrectConstruction, BadNameString, OptionAlreadyAdded), OptionNotFound
// and HorribleError are mistakes of the program, not of a command line.
struct Said {
  CLI::Error error;
  const char* zh;
};

std::vector<Said> every_parse_error() {
  using namespace CLI;
  return {
      {ExtrasError("check", {"--colour"}), "多出了以下参数：--colour"},
      {ExtrasError({"a", "b"}), "多出了以下参数：b a"},
      {RequiredError("--actuals"), "必须给出 --actuals"},
      {RequiredError::Subcommand(1), "必须给出一个子命令"},
      {RequiredError::Subcommand(2), "至少要给出 2 个子命令"},
      {RequiredError::Option(1, 1, 0, "--a, --b"), "[--a, --b] 中必须恰好给出 1 个选项"},
      {RequiredError::Option(1, 1, 2, "--a, --b"), "[--a, --b] 中必须恰好给出 1 个选项，实为 2 个"},
      {RequiredError::Option(1, 3, 0, "--a, --b"), "[--a, --b] 中至少要给出 1 个选项"},
      {RequiredError::Option(2, 3, 1, "--a, --b"), "[--a, --b] 中至少要给出 2 个选项，实为 1 个"},
      {RequiredError::Option(0, 1, 2, "--a, --b"), "[--a, --b] 中最多只能给出 1 个选项"},
      {RequiredError::Option(0, 2, 3, "--a, --b"), "[--a, --b] 中最多只能给出 2 个选项，实为 3 个"},
      {RequiresError("--a", "--b"), "给出 --a 时必须同时给出 --b"},
      {ExcludesError("--a", "--b"), "--a 与 --b 不能同时给出"},
      {ArgumentMismatch("--a", 2, 1), "--a 需要恰好 2 个参数，实为 1 个"},
      {ArgumentMismatch("--a", -2, 1), "--a 至少需要 2 个参数，实为 1 个"},
      {ArgumentMismatch::AtLeast("--a", 2, 1), "--a：至少需要 2 个值，实为 1 个"},
      {ArgumentMismatch::AtMost("--a", 1, 2), "--a：最多 1 个值，实为 2 个"},
      {ArgumentMismatch::TypedAtLeast("--actuals", 1, "TEXT"),
       "--actuals：缺少值（需要 1 个，类型 文本）"},
      {ArgumentMismatch::FlagOverride("--rows"), "--rows 不能这样给值"},
      {ConversionError("x", "--a"), "--a 不接受值 x"},
      {ConversionError("--jobs", std::vector<std::string>{"many"}), "无法转换：--jobs = many"},
      {ConversionError::TooManyInputsFlag("--rows"), "--rows：开关选项不取值"},
      {ConversionError::TrueFalse("--rows"), "--rows：应为 true/false 或数字"},
      {ValidationError("--jobs", "Value 0 not in range 1 to 256"),
       "--jobs：值 0 不在 1 到 256 的区间内"},
      {ValidationError("--a", "Value x could not be converted to 1.5"), "--a：值 x 无法转换为 1.5"},
      {ValidationError("--a", "Value x could not be converted"), "--a：值 x 无法转换"},
      {ValidationError("--progress", "sometimes not in {auto,never}"),
       "--progress：sometimes 不在 {auto,never} 之中"},
      {ValidationError("FILE", "File does not exist: a.tsv"), "FILE：文件不存在：a.tsv"},
      {ValidationError("FILE", "File is actually a directory: d"), "FILE：给出的文件其实是目录：d"},
      {ValidationError("DIR", "Directory does not exist: d"), "DIR：目录不存在：d"},
      {ValidationError("DIR", "Directory is actually a file: f"), "DIR：给出的目录其实是文件：f"},
      {ValidationError("P", "Path does not exist: p"), "P：路径不存在：p"},
      {ValidationError("P", "Path already exists: p"), "P：路径已存在：p"},
      {ValidationError("--n", "Failed parsing x as a FLOAT"), "--n：无法把 x 读作数值"},
      {FileError::Missing("a.ini"), "无法读取 a.ini（文件不存在？）"},
      {ConfigError::Extras("colour"), "配置文件无法读取 colour"},
      {ConfigError::NotConfigurable("--a"), "--a：此选项不能写在配置文件里"},
      {InvalidError("check"), "check：不限个数的位置参数过多"},
      {InvalidError("Required min options greater than required max options",
                    ExitCodes::InvalidError),
       "要求的最少选项数大于最多选项数"},
      {InvalidError("Required min options greater than number of available options",
                    ExitCodes::InvalidError),
       "要求的最少选项数大于可用的选项数"},
  };
}

}  // namespace

TEST_CASE("every parse error CLI11 builds is said in Chinese, and as CLI11 says it in English",
          "[cli]") {
  // A CLI11 other than 2.1.2 may build sentences kParseErrorShapes does not
  // know: read its CLI/Error.hpp and CLI/Validators.hpp, add them to the
  // shapes and to every_parse_error(), then change the version here.
  CHECK(std::string(CLI11_VERSION) == "2.1.2");
  std::set<CLI::ExitCodes> errors;
  std::set<std::string> shapes_said;
  for (const Said& s : every_parse_error()) {
    INFO(s.error.what());
    {
      LanguageScope en(Language::en);
      CHECK(parse_error_text(s.error) == s.error.what());
    }
    LanguageScope zh(Language::zh);
    CHECK(parse_error_text(s.error) == s.zh);
    errors.insert(static_cast<CLI::ExitCodes>(s.error.get_exit_code()));
    // The shapes that said it: the error's, and a validator's inside a
    // ValidationError ("NAME: MESSAGE").
    const std::string_view what = s.error.what();
    std::vector<std::string_view> parts;
    for (const auto& shape : indicheck::cli::kParseErrorShapes) {
      const bool validator = shape.error == indicheck::cli::kValidatorMessage;
      if (validator && s.error.get_exit_code() != int(CLI::ExitCodes::ValidationError)) continue;
      if (indicheck::cli::detail::match_shape(
              shape.english, validator ? what.substr(what.find(": ") + 2) : what, parts))
        shapes_said.insert(shape.english);
    }
  }
  // Every error a command line can cause, and every shape, is said above.
  for (CLI::ExitCodes e :
       {CLI::ExitCodes::FileError, CLI::ExitCodes::ConversionError, CLI::ExitCodes::ValidationError,
        CLI::ExitCodes::RequiredError, CLI::ExitCodes::RequiresError, CLI::ExitCodes::ExcludesError,
        CLI::ExitCodes::ExtrasError, CLI::ExitCodes::ConfigError, CLI::ExitCodes::InvalidError,
        CLI::ExitCodes::ArgumentMismatch}) {
    INFO(static_cast<int>(e));
    CHECK(errors.count(e) == 1);
  }
  for (const auto& shape : indicheck::cli::kParseErrorShapes) {
    INFO(shape.english);
    CHECK(shapes_said.count(shape.english) == 1);
  }
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
