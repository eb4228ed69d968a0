check
--rules
rules/suzhou-zrzy-2024.rules
--actuals
tests/golden/data/rules-score/actuals-unreadable.tsv
