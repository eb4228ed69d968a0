parse
≥95%
