check
--targets
tests/golden/data/readings/targets.tsv
--actuals
tests/golden/data/readings/actuals.tsv
