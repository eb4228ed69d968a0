--lang
zh
check
--targets
tests/golden/data/targets-broken.tsv
