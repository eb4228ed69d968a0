lint
tests/golden/data/rules-bad/02-missing-corner-close.rules
