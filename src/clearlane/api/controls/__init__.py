"""Controls routes."""
