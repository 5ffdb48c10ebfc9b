"""The window's panes: each is built as ``Pane(document)``, shows the document and calls its
methods; a pane never reaches into another pane."""
