#!/usr/bin/env bash
# Installs the Debian packages indicheck builds and tests with. Idempotent: it
# installs only what is missing, so running it again costs a few dpkg queries.
# Run as root (or with sudo) on Debian 12.
set -euo pipefail

packages=(
  cmake g++ make          # the build
  tao-pegtl-dev           # PEGTL 3.2.7: every grammar
  libboost-dev            # Boost.Multiprecision: exact numbers
  libboost-locale-dev     # Boost.Locale: reads the gettext message catalog (zh_CN)
  gettext                 # msgfmt, xgettext, msgcmp: build and check the message catalog
  libspdlog-dev           # logging to stderr
  nlohmann-json3-dev      # JSON output
  libcli11-dev            # command-line parsing
  libutf8proc-dev         # terminal width of CJK characters
  catch2                  # v2.13 unit tests
  clang libclang-rt-14-dev  # ASan+UBSan test build and libFuzzer
  clang-format            # the project's formatting
  libzip-dev libxml2-dev  # import: xlsx and docx (zip container, XML parts), HTML pages
  libfreexl-dev           # import: Excel 97 (.xls) workbooks
  libpoppler-cpp-dev      # import: the text of PDF documents, with positions
  libxlsxwriter-dev       # import tests: xlsx files made by a real writer
  libbenchmark-dev        # bench/indicheck_bench (optional: -DINDICHECK_BENCH=ON)
  unzip                   # i18n.no-english and golden cases read the text of written workbooks
  libxml2-utils           # xmllint: the golden cases check that JUnit reports are well-formed XML
  chromium fonts-noto-cjk # report.html-layout: the HTML report laid out at A4 width by a browser
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
