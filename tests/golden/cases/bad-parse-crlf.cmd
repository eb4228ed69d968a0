parse
≥95%
