"""Per-office capacity and random-control share."""
