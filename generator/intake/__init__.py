"""Taking a new document into the corpus: extract it, list it, write both or nothing."""
