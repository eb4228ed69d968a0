batch
@TMP@/100mb-line.tsv
