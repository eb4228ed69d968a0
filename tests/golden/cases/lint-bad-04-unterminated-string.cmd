lint
tests/golden/data/rules-bad/04-unterminated-string.rules
