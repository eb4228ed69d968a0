lint
tests/golden/data/rules-bad/70-bom-crlf.rules
