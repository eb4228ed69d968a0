lint
tests/golden/data/rules-bad/68-comments-only.rules
