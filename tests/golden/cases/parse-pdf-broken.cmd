parse
=6300平方 米
