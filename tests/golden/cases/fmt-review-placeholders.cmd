fmt
--check
tests/golden/data/review/placeholders.rules
