parse
工5%
