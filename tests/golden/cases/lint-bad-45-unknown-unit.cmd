lint
tests/golden/data/rules-bad/45-unknown-unit.rules
