--lang
zh
review
tests/golden/data/review/defects.tsv
tests/golden/data/review/defects-categories.tsv
