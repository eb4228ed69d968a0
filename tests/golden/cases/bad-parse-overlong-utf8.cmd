parse
À¾95%
