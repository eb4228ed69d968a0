review
tests/golden/data/review/clean.tsv
--format
xlsx
