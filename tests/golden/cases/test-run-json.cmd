test
tests/golden/data/rule-tests/suite
--run
达标|年中
--format
json
