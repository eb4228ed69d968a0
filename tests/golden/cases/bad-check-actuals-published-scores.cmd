check
--targets
tests/golden/data/import/selfeval-bad.targets.tsv
--actuals
tests/golden/data/import/selfeval-bad.actuals.tsv
