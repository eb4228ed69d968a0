fmt
--check
rules/standard.rules
rules/common.rules
rules/suzhou-zrzy-2024.rules
