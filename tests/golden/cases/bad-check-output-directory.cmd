check
--targets
tests/golden/data/bad/targets-bom-crlf.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
--output
tests/golden/data
