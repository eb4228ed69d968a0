parse
--actual
x%
--format
json
