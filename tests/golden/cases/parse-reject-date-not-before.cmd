parse
≥2024年3月
