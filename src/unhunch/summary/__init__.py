"""The one-page clinician summary: its data shape (model.py), page template and PDF rendering."""
