"""Messages routes."""
