"""Documents routes."""
