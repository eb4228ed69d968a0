parse
≥
