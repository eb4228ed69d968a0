lint
@TMP@/walk.rules
