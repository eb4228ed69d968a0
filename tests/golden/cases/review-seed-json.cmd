review
fixtures/suzhou-zrzy-2024/targets.tsv
--format
json
