import
fixtures/suzhou-zrzy-2024/targets.tsv/x
-o
-
