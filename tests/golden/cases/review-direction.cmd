review
tests/golden/data/review/direction.csv
