lint
rules/review/bureau.rules
