lint
tests/golden/data/rules-bad/33-bad-band-word.rules
