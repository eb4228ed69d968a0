parse
【80%，100%
