eval
≥95%
约98%
--format
json
