batch
--rows
tests/golden/data/bad/batch-deep-brackets.tsv
