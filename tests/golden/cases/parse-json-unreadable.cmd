parse
≥95%%
--format
json
