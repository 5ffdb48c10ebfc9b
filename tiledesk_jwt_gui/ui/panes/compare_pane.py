"""Compare with another token: the token shown (A) beside a second one (B), each coloured by
segment, and under them every difference in the header and the claims (nested paths for
``attributes``), times made readable with their difference, and the differences that change the
verdict marked. The comparison is the core's (``diff_tokens``, through ``Comparison``):
both tokens judged as of the same instant with the same key and project.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import MAX_TOKEN_CHARS, ChangeKind, JSONValue, TokenDiff, tokens_in_file
from ...core.report import json_safe
from ..document import InspectorDocument
from ..document.comparison import Comparison
from ..style.plain import plain_tip
from ..style.tones import Tones, set_text_colour
from ..widgets.section_label import section_label
from ..widgets.token_edit import TokenEdit

__all__ = ["DECISIVE_MARK", "ComparePane"]

DECISIVE_MARK = "⚑"
"""Marks a difference that changes the verdict (with words: never colour alone)."""
_MARKS = {ChangeKind.ADDED: "+ added", ChangeKind.REMOVED: "− removed", ChangeKind.CHANGED: "~"}
_COLUMNS = ("", "Where", "A (shown)", "B (other)", "Note")


def shown_value(value: JSONValue) -> str:
    """A claim's value as JSON text, on one line."""
    try:
        return json.dumps(json_safe(value), ensure_ascii=False)
    except (ValueError, RecursionError):
        return "(too deep to show)"


class ComparePane(QWidget):
    """A and B side by side, the verdicts, and the differences."""

    def __init__(
        self, document: InspectorDocument, tones: Tones, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("comparePane")
        self.document = document
        self.comparison = Comparison.of(document)
        self._tones = tones
        self.verdict_label = QLabel(self)
        self.verdict_label.setObjectName("compareVerdictLabel")
        self.verdict_label.setAccessibleName("The two verdicts")
        self.verdict_label.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.verdict_label.font()
        font.setBold(True)
        self.verdict_label.setFont(font)
        self.a_edit = TokenEdit(tones, self)
        self.a_edit.setObjectName("compareTokenA")
        self.a_edit.setAccessibleName("Token A: the token in the window")
        self.a_edit.setReadOnly(True)
        self.b_edit = TokenEdit(tones, self)
        self.b_edit.setObjectName("compareTokenB")
        self.b_edit.setAccessibleName("Token B: the token to compare with")
        self.b_edit.setPlaceholderText("Paste the other token here (the one that works, or not)")
        self.changes = QTreeWidget(self)
        self.changes.setObjectName("compareChanges")
        self.changes.setAccessibleName("Differences between A and B")
        self.changes.setRootIsDecorated(False)
        self.changes.setAlternatingRowColors(True)
        self.changes.setHeaderLabels(list(_COLUMNS))
        for number, width in enumerate((100, 190, 170, 170)):
            self.changes.setColumnWidth(number, width)
        self.changes.header().setStretchLastSection(True)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.addWidget(section_label("A: the token in the window", self), 0, 0)
        b_title = section_label("&B: the other token", self)
        b_title.setBuddy(self.b_edit)
        grid.addWidget(b_title, 0, 1)
        grid.addWidget(self.a_edit, 1, 0)
        grid.addWidget(self.b_edit, 1, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 10, 10, 10)
        column.setSpacing(8)
        column.addLayout(grid, 1)
        column.addWidget(self.verdict_label)
        column.addWidget(section_label("Differences", self))
        column.addWidget(self.changes, 2)
        self.note_label = QLabel(self)  # the chosen difference's note, whole (the column elides)
        self.note_label.setObjectName("compareNoteLabel")
        self.note_label.setAccessibleName("The chosen difference, in full")
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setWordWrap(True)
        self.note_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.note_label)
        self.changes.currentItemChanged.connect(self._on_current)

        self.b_edit.textChanged.connect(self._on_b_changed)
        self.b_edit.fileDropped.connect(self._on_b_file)
        self.b_edit.pasteRefused.connect(document.notify)
        self.comparison.changed.connect(self._on_compared)
        document.verdictChanged.connect(self._show_a)
        self.b_edit.set_text_quietly(self.comparison.other)
        self._show_a()
        self._on_compared()

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones
        self.a_edit.set_tones(tones)
        self.b_edit.set_tones(tones)
        self._on_compared()

    def rows(self) -> list[list[str]]:
        """Every difference as the texts of its columns."""
        items = (self.changes.topLevelItem(i) for i in range(self.changes.topLevelItemCount()))
        return [[item.text(c) for c in range(len(_COLUMNS))] for item in items if item]

    @Slot()
    def _show_a(self) -> None:
        verdict = self.document.verdict
        text = verdict.inspection.original if verdict is not None else ""
        if self.a_edit.token_text() != text:
            self.a_edit.set_text_quietly(text)
            self.a_edit.setReadOnly(True)

    @Slot()
    def _on_b_changed(self) -> None:
        self.comparison.set_other(self.b_edit.token_text())

    @Slot()
    def _on_current(self) -> None:
        item = self.changes.currentItem()
        self.note_label.setText(
            f"{item.text(1)}: {item.text(2)} → {item.text(3)}. {item.text(4)}".strip()
            if item is not None
            else ""
        )

    @Slot(str)
    def _on_b_file(self, path: str) -> None:
        """A file dropped as B: up to 1 MiB, read here (the window takes bigger ones as A)."""
        found = tokens_in_file(Path(path), MAX_TOKEN_CHARS)
        if found.problem is not None:
            self.document.notify(f"Nothing dropped: {found.problem}")
        elif found.text is not None or found.chosen is not None:
            self.b_edit.replace_token(found.chosen.token if found.chosen else found.text or "")
        else:
            self.document.notify(
                f"Nothing dropped: {found.name} holds {len(found.candidates)} different tokens; "
                "paste the one to compare"
            )

    @Slot()
    def _on_compared(self) -> None:
        comparison = self.comparison
        diff = comparison.diff
        self.changes.clear()
        tones = self._tones
        if comparison.pending:
            self.verdict_label.setText("Comparing…")
            set_text_colour(self.verdict_label, tones.muted)
            return
        if diff is None:
            self.verdict_label.setText("Paste a second token as B to compare it with A.")
            set_text_colour(self.verdict_label, tones.muted)
            self.b_edit.clear_colours()
            return
        self._colour_tokens(diff)
        self.verdict_label.setText(self._summary(diff))
        set_text_colour(self.verdict_label, tones.bad if diff.verdict_changes else tones.text)
        for change in diff.changes:
            note = change.note or ""
            if change.decides:
                note = f"{DECISIVE_MARK} changes the verdict: {change.decides}" + (
                    f" · {note}" if note else ""
                )
            item = QTreeWidgetItem(
                [
                    _MARKS[change.kind] if change.kind is not ChangeKind.CHANGED else "~ changed",
                    f"{change.part}: {change.path}",
                    shown_value(change.a) if change.kind is not ChangeKind.ADDED else "—",
                    shown_value(change.b) if change.kind is not ChangeKind.REMOVED else "—",
                    note,
                ]
            )
            colour = {
                ChangeKind.ADDED: tones.good,
                ChangeKind.REMOVED: tones.bad,
                ChangeKind.CHANGED: tones.warn,
            }[change.kind]
            item.setForeground(0, QBrush(colour))
            for column in range(len(_COLUMNS)):
                item.setToolTip(column, plain_tip(item.text(column)))
            if change.decides:
                bold = QFont(self.changes.font())
                bold.setBold(True)
                for column in range(len(_COLUMNS)):
                    item.setFont(column, bold)
                item.setForeground(4, QBrush(tones.bad))
            self.changes.addTopLevelItem(item)
            if change.decides and self.changes.currentItem() is None:
                self.changes.setCurrentItem(item)  # the difference that matters, in full below

    def _summary(self, diff: TokenDiff) -> str:
        if diff.identical:
            return f"The tokens are identical ({diff.verdict_note})."
        if not diff.changes:
            return (
                f"Verdict: {diff.verdict_note}. Header and claims are the same; only the "
                "signature differs."
            )
        count = len(diff.changes)
        decisive = sum(1 for c in diff.changes if c.decides)
        marked = f"; {decisive} marked {DECISIVE_MARK} change the verdict" if decisive else ""
        return f"Verdict: {diff.verdict_note}. {count} difference{'s' * (count != 1)}{marked}."

    def _colour_tokens(self, diff: TokenDiff) -> None:
        if self.a_edit.token_text() == diff.a.inspection.original:
            self.a_edit.show_verdict(diff.a)
        if self.b_edit.token_text() == diff.b.inspection.original:
            self.b_edit.show_verdict(diff.b)
