parse
＝＝健全
