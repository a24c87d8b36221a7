"""Untrusted input: the adversarial suite of issue 6."""
