check
--targets
tests/golden/data/targets-broken.tsv
--actuals
tests/golden/data/actuals-bad-header.tsv
