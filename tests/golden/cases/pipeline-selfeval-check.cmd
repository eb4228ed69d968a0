check
--rules
tests/golden/data/pipeline/project.rules
--actuals
tests/golden/data/pipeline/selfeval.tsv
