"""The trader register: JSON routes and the trader page (officers, analysts; risk:read)."""
