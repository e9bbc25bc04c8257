"""guide_widgets: one guide document in, a multi-page MkDocs site with in-browser Python widgets out.

This file stays empty of imports: the `logic` subpackage ships to the browser inside this package name.
"""
