"""The web UI: server-rendered Jinja2 pages with HTMX, every asset served locally."""
