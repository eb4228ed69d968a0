fmt
--check
rules/review/bureau.rules
