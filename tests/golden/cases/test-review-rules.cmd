test
rules/review
--coverage
