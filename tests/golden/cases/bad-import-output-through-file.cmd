import
tests/golden/data/import/name-unit.csv
-o
fixtures/suzhou-zrzy-2024/targets.tsv/out.tsv
