"""The check, cached by content and run on several processes: the same stages, memoised."""
