"""Commands for curators and CI: diff, quote, fix, and the pull-request annotations."""
