parse
13月底前
