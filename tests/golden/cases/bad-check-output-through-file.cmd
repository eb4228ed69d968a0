check
--targets
tests/golden/data/bad/targets-bom-crlf.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
--output
fixtures/suzhou-zrzy-2024/targets.tsv/report.txt
