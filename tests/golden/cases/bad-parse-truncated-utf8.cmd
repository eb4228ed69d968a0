parse
â‰¥95ä¸
