"""The secret's invisible characters, said right under the secret field: "⚠ The secret ends with
a newline (LF); without it, the signature matches", with the fix one click away. The byte count
alone is no hint; these notes are. The words are the core's (``secret_notes``), never the
secret."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core import Fix, SecretNote
from ..style.plain import plain_tip
from ..style.tones import Tones, set_text_colour

__all__ = ["SecretNotesView"]


class SecretNotesView(QWidget):
    """One line per note, with the note's fix as a button; hidden when there is none.
    ``fixRequested`` carries the :class:`Fix` chosen."""

    fixRequested = Signal(object)

    def __init__(self, tones: Tones, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("secretNotes")
        self.setAccessibleName("Invisible characters in the secret")
        self._tones = tones
        self._notes: tuple[SecretNote, ...] = ()
        self._rows: list[tuple[QLabel, QPushButton | None]] = []
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(2)
        self.hide()

    @property
    def notes(self) -> tuple[SecretNote, ...]:
        return self._notes

    def texts(self) -> list[str]:
        """The lines shown (for people reading the window's state, and tests)."""
        return [label.text() for label, _ in self._rows]

    def buttons(self) -> list[QPushButton]:
        return [button for _, button in self._rows if button is not None]

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones
        self._recolour()

    def show_notes(self, notes: Sequence[SecretNote]) -> None:
        notes = tuple(notes)
        if notes == self._notes:
            return
        self._notes = notes
        while self._column.count():
            item = self._column.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._rows = []
        fixes_shown: set[Fix] = set()
        for number, note in enumerate(notes):
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(6)
            label = QLabel(row)
            label.setObjectName(f"secretNote{number}")
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setText(f"⚠ {note.message[:1].upper()}{note.message[1:]}")
            label.setToolTip(plain_tip(label.text()))
            line.addWidget(label, 1)
            button: QPushButton | None = None
            if note.fix is not None and note.fix not in fixes_shown:
                fixes_shown.add(note.fix)  # one button per fix, however many notes share it
                button = QPushButton(note.fix.label, row)
                button.setObjectName(f"secretNoteFix{number}")
                button.setAccessibleName(note.fix.label)
                button.clicked.connect(self._on_clicked)
                line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self._rows.append((label, button))
            self._column.addWidget(row)
        self._recolour()
        self.setVisible(bool(notes))

    def _recolour(self) -> None:
        for label, _ in self._rows:
            set_text_colour(label, self._tones.warn)

    @Slot()
    def _on_clicked(self) -> None:
        for (_, button), note in zip(self._rows, self._notes, strict=True):
            if button is not None and button is self.sender():
                self.fixRequested.emit(note.fix)
                return
