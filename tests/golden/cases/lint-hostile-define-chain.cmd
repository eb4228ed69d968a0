lint
@TMP@/chain.rules
