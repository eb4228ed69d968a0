lint
tests/golden/data/rules-bad/37-unknown-statement.rules
