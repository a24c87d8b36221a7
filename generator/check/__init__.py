"""The check: the stage functions of the pipeline, and the rules it runs."""
