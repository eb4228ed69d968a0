parse
≤2024年11月
