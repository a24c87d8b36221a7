"""The published site: facts and corpus -> pages in memory -> MkDocs Material."""
