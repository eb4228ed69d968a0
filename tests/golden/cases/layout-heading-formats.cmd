check
--targets
tests/golden/data/import/layouts/national-two-row.csv
--actuals
tests/golden/data/import/layouts/national-two-row.csv
--format
md
