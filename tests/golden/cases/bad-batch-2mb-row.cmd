batch
@TMP@/batch-2mb-row.tsv
