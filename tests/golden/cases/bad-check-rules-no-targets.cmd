check
--rules
tests/golden/data/pipeline/no-targets.rules
--actuals
tests/golden/data/pipeline/selfeval.tsv
