review
--rules
tests/golden/data/diagnostics/E3711.rules
tests/golden/data/review/clean.tsv
