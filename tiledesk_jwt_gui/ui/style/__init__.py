"""How the window looks and speaks: colours from the palette, glyphs, JSON text, plain text."""
