"""The local web app: server-rendered pages (Jinja + HTMX), a JSON API and one player module."""
