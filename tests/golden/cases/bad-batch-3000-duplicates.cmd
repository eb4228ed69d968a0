batch
@TMP@/batch-3000-duplicates.tsv
