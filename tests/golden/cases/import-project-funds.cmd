import
tests/golden/data/import/project-funds.txt
-o
-
--budget
-
