eval
=7项
7个
--format
json
