review
--rules
tests/golden/data/review/funds.rules
tests/golden/data/review/defects.tsv
tests/golden/data/review/clean.tsv
