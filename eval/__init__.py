"""The eval suite: run the pipeline on a gold-labelled corpus (triage-eval/1) and measure it."""
