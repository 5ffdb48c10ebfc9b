"""Leaf widgets: each gets what it shows from its caller and never sees the document."""
