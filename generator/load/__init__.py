"""Reading fact files: the YAML loader, the schema, validation into the model, the fact base."""
