test
--threshold
150
rules
