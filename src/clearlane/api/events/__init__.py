"""Live alerts for the officers' queue (server-sent events)."""
