"""Matching quotes against the corpus: locating them, and the near misses."""
