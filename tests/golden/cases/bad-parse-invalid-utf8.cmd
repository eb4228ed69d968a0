parse
â‰¥95ÿ%
