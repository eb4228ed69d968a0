test
--threshold
many
rules
