parse
进度 ≥ 9 5%%
