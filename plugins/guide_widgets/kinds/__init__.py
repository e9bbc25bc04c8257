"""The built-in widget kinds, one folder each: `spec.py`, `form.html`, `logic.py`, as an author's own kind."""
