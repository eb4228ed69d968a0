test
rules
--coverage
--threshold
90
