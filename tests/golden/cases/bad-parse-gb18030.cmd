parse
²»µÍÓÚ95%
