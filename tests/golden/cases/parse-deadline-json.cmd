parse
2024年12月底前
--format
json
