review
tests/golden/data/review/no-such-table.tsv
tests/golden/data/review/clean.tsv
