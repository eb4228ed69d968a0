parse
â‰¥í €95%
