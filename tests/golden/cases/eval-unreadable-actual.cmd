eval
≥95%
约98%
