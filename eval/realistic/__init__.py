"""Realistic eval corpora: documents in the layouts of real published reports, with gold labels.

`python -m eval.realistic.build` regenerates eval/corpora/real-tuned and eval/corpora/real-holdout.
"""
