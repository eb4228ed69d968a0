check
--targets
tests/golden/data/bad/targets-bom-crlf.tsv
--actuals
tests/golden/data/bad/actuals-bad-period.tsv
