parse
≥95%≥
