lint
tests/golden/data/rules-bad/35-path-ends-with-slash.rules
