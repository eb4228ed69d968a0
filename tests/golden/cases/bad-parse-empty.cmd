parse

