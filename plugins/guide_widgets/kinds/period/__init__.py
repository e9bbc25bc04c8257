"""A built-in widget kind: its options (spec.py), its form (form.html) and its logic (logic.py)."""
