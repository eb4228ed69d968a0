lint
tests/golden/data/rules-bad/65-rule-matches-nothing.rules
