parse
1,20个
