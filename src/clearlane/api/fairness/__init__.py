"""The bias audit of targeting."""
