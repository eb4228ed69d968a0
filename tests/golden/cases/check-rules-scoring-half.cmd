check
--rules
tests/golden/data/rules-score/scheme/scheme.rules
--actuals
tests/golden/data/rules-score/scheme/actuals-half.tsv
