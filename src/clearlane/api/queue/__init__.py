"""Queue routes."""
