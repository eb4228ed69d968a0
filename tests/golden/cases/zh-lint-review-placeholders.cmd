--lang
zh
lint
tests/golden/data/review/placeholders-bad.rules
