check
--period
half
--targets
tests/golden/data/readings/targets.tsv
--actuals
tests/golden/data/readings/actuals-half.tsv
