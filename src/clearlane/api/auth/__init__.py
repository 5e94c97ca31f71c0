"""Users, sign-in (OAuth2 password flow and web sessions), rate limiting, sign-in auditing."""
