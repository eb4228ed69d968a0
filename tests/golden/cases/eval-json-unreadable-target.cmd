eval
≥
95%
--format
json
