check
--targets
tests/golden/data/import/layouts/direction.csv
--actuals
tests/golden/data/import/layouts/direction.csv
