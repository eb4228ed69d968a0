check
--targets
tests/golden/data/targets-broken.tsv
--actuals
tests/golden/data/actuals-mismatch.tsv
