"""Persistence: SQLAlchemy 2.x and Alembic. Nothing outside this package imports SQLAlchemy."""
