--lang
zh
parse
不早于2024年3月
