"""Decisions routes."""
