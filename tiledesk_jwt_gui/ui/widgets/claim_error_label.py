"""The inline message under a field: the core's words about that claim, hidden when it is fine.

Errors are red with a cross, warnings amber with an exclamation mark: shape and words as well as
colour. A hidden label keeps one line of room, so that a message coming or going never moves the
fields under the pointer. A longer message takes more lines; while messages change in quick
succession (a secret typed, the signature flipping with each key, and the messages with it) the
label keeps the room it had, and gives back what it no longer needs once they pause
(:data:`HOLD_MS`): the fields under it move once, not on every key. The text is never read as
HTML: it can quote a token.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from ...core import Issue, Severity, issue_line
from ..style.tones import Tones, set_text_colour

__all__ = ["HOLD_MS", "ClaimErrorLabel"]

HOLD_MS = 300
"""Messages changing closer together than this keep the label's room (the pause the "Why?"
panel waits for, ``document.diagnosis.BURST_MS``)."""

_MARKS = {Severity.ERROR: "✖", Severity.WARNING: "⚠", Severity.INFO: "ℹ"}


class ClaimErrorLabel(QLabel):
    """Empty and hidden when there is nothing to say."""

    def __init__(self, tones: Tones, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tones = tones
        self._severity: Severity | None = None
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self._line = self.fontMetrics().lineSpacing()
        self.setMinimumHeight(self._line)
        self._release: QTimer | None = None
        self.hide()

    @property
    def severity(self) -> Severity | None:
        return self._severity

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones
        self._recolour()

    def show_issues(self, issues: Sequence[Issue], *, with_claim: bool = False) -> None:
        """Show the errors and warnings among ``issues`` (notes belong to the issue list)."""
        shown = [i for i in issues if i.severity is not Severity.INFO]
        self.show_message(
            "\n".join(
                f"{_MARKS[i.severity]} " + (issue_line(i) if with_claim else i.message)
                for i in shown
            ),
            shown[0].severity if shown else None,
        )

    def show_message(self, text: str, severity: Severity | None = Severity.ERROR) -> None:
        """Show ``text`` (empty hides the label)."""
        self._severity = severity if text else None
        if text != self.text():
            self._hold_room()
            self.setText(text)
            self.setAccessibleDescription(text)
        self.setVisible(bool(text))
        self._recolour()

    def _hold_room(self) -> None:
        """Keep the room the label has now until the messages pause."""
        if self._release is None:
            self._release = QTimer(self)
            self._release.setSingleShot(True)
            self._release.setInterval(HOLD_MS)
            self._release.timeout.connect(self._give_back_room)
        if self.isVisible():  # shown, laid out with its text (a hidden one keeps its minimum)
            self.setMinimumHeight(max(self.minimumHeight(), self.height()))
        self._release.start()

    def _give_back_room(self) -> None:
        self.setMinimumHeight(self._line)

    def _recolour(self) -> None:
        colour = self._tones.warn if self._severity is Severity.WARNING else self._tones.bad
        set_text_colour(self, colour)
