parse
≥健全
