"""The "Compare with…" window: the compare pane on the document, beside the main window (not
modal: A follows what is edited there)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ..document import InspectorDocument
from ..panes.compare_pane import ComparePane
from ..style.tones import tones_for

__all__ = ["CompareDialog"]


class CompareDialog(QDialog):
    def __init__(self, document: InspectorDocument, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle("Compare with another token")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.pane = ComparePane(document, tones_for(self.palette()), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 8)
        column.addWidget(self.pane, 1)
        column.addWidget(buttons)
        self.resize(1000, 640)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.pane.set_tones(tones_for(self.palette()))

    def open_beside(self) -> None:
        """Show (or raise) the window, with the cursor in token B."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.pane.b_edit.setFocus(Qt.FocusReason.OtherFocusReason)
