check
--targets
tests/golden/data/grades/targets.tsv
--actuals
tests/golden/data/grades/actuals.tsv
