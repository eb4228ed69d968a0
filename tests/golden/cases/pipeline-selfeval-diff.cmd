diff
tests/golden/data/pipeline/project.rules
tests/golden/data/pipeline/project-v2.rules
--actuals
tests/golden/data/pipeline/selfeval.tsv
