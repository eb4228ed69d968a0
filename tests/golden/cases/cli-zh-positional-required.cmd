--lang
zh
diff
rules/standard.rules
