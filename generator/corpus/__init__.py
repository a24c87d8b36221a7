"""The corpus: its documents, their normalisation, sentences and numbers."""
