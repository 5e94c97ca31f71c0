"""The application layer: REST API and web UI over the ClearLane library (see app.create_app)."""
