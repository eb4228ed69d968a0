lint
tests/golden/data/rules-bad/01-missing-close-brace.rules
