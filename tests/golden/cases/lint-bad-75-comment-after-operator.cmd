lint
tests/golden/data/rules-bad/75-comment-after-operator.rules
