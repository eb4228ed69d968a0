# cmake -DIN=file -DOUT=file.cpp -DNAME=symbol -P embed.cmake
# Writes IN's bytes as a C++ array `NAME` and its size `NAMESize`, in
# namespace indicheck, for the linker to carry (the compiled catalog, the
# shipped review rules).
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" digits)
math(EXPR size "${digits} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE ${OUT} "// Written by engine/base/catalog/embed.cmake from ${IN}; do not edit.\n"
  "#include <cstddef>\nnamespace indicheck {\n"
  "extern const unsigned char ${NAME}[];\nextern const std::size_t ${NAME}Size;\n"
  "const unsigned char ${NAME}[] = {\n${bytes}0};\n"
  "const std::size_t ${NAME}Size = ${size};\n}\n")
