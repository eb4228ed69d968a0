review
--rules
tests/golden/data/review/placeholders.rules
tests/golden/data/review/defects.tsv
