check
--targets
tests/golden/data/diagnostics/targets-weight-not-number.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
