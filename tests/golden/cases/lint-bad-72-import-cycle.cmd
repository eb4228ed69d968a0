lint
tests/golden/data/rules-bad/72-import-cycle/a.rules
