test
tests/golden/data/pipeline/published.test
