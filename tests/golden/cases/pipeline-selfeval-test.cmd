test
tests/golden/data/pipeline/project.test
