review
tests/golden/data/import/layouts/national-10.csv
