"""Risk profiles: list, read with history, create, change, retire, check (versioned)."""
