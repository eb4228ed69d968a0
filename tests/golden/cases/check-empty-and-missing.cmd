check
--targets
tests/golden/data/empty.tsv
--actuals
tests/golden/data/no-such-file.tsv
