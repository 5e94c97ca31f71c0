"""Linking: one view of each trader and shipment across declarations and manifests.

Party names and identifiers are normalised (normalise, identifiers), linked deterministically
on valid identifiers and otherwise with Splink (settings, resolve).
"""
