--lang
zh
eval
11月底前
2024年12月1日
--year
2024
