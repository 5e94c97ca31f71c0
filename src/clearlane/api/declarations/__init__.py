"""Declarations routes."""
