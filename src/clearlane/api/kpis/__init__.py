"""Targeting and oversight KPIs."""
