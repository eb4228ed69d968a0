check
--targets
tests/golden/data/import/layouts/pasted-weights.txt
--actuals
tests/golden/data/import/layouts/pasted-weights-actuals.tsv
