"""Manifests and transport documents: read (DCSA eBL 3.0 JSON, CSV, the generator's JSONL),
validate, store or quarantine (received = stored + quarantined), and link to declarations."""
