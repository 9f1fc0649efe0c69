"""Routes, one file per area. Each is thin: parse, call a service, render."""
