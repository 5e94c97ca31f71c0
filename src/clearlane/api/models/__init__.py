"""The model registry: versions with metrics, comparison, manual promotion, calibration."""
