parse
80%至100%
--format
json
