"""The QA cases as a list: an icon for the expected outcome, the case's name and each call's
expected answer; filtered by text. One click, or Enter, asks for a case to be loaded.

A leaf widget: it is given the cases and the words for each outcome, and says which case was
chosen (``caseActivated`` carries its name). Everything shown is plain text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from ...core import ExpectedSummary, QACase
from ..style.icons import Glyph, glyph_icon
from ..style.tones import Tones

__all__ = ["CaseList"]

_GLYPHS = {
    ExpectedSummary.ACCEPTED: Glyph.CHECK,
    ExpectedSummary.UNUSABLE: Glyph.WARN,
    ExpectedSummary.REJECTED: Glyph.CROSS,
    ExpectedSummary.NO_ANSWER: Glyph.PENDING,
}


class CaseList(QTreeWidget):
    """``caseActivated(name)``: a case was clicked, or Enter pressed on it."""

    caseActivated = Signal(str)

    def __init__(
        self, tones: Tones, words: Mapping[ExpectedSummary, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        # Rows map to ``_cases`` by index: no Python object is stored in (or read from) the
        # items (see IssueList on PySide6's item data).
        self._cases: list[QACase] = []
        self._words = dict(words)
        self._icons: dict[ExpectedSummary, QIcon] = {}
        self._filter = ""
        self.setColumnCount(2)
        self.setHeaderLabels(["Case", "Expected answer of each call"])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(16, 16))
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.set_tones(tones)
        self.itemClicked.connect(self._on_item)
        self.itemActivated.connect(self._on_item)

    def set_tones(self, tones: Tones) -> None:
        colours = {
            ExpectedSummary.ACCEPTED: tones.good,
            ExpectedSummary.UNUSABLE: tones.warn,
            ExpectedSummary.REJECTED: tones.bad,
            ExpectedSummary.NO_ANSWER: tones.muted,
        }
        self._icons = {
            summary: glyph_icon(_GLYPHS[summary], colour, tones.base)
            for summary, colour in colours.items()
        }
        for row, case in enumerate(self._cases):
            item = self.topLevelItem(row)
            if item is not None:
                item.setIcon(0, self._icons[case.expected.summary])

    def show_cases(self, cases: Sequence[QACase]) -> None:
        """Replace the rows (the filter stays; the case selected stays selected if it is
        still there)."""
        current = self.current_name()
        self.clear()
        self._cases = list(cases)
        for case in self._cases:
            summary = case.expected.summary
            words = self._words[summary]
            item = QTreeWidgetItem([case.name, case.expected.statuses()])
            item.setIcon(0, self._icons[summary])
            item.setToolTip(0, f"{words}: {case.description}")
            item.setToolTip(1, f"{words}: {case.expected.statuses()}")
            spoken = f"{case.name}, expected {words}: {case.description}"
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, spoken)
            self.addTopLevelItem(item)
            if case.name == current:
                self.setCurrentItem(item)
        self.set_filter(self._filter)

    def set_filter(self, text: str) -> int:
        """Show only the cases whose name, description, outcome or statuses hold ``text`` (any
        case); the number shown."""
        self._filter = text
        needle = text.strip().casefold()
        shown = 0
        for row, case in enumerate(self._cases):
            item = self.topLevelItem(row)
            if item is None:
                continue
            haystack = " ".join(
                (
                    case.name,
                    case.description,
                    self._words[case.expected.summary],
                    case.expected.statuses(),
                )
            ).casefold()
            hidden = bool(needle) and needle not in haystack
            item.setHidden(hidden)
            shown += not hidden
        return shown

    def shown_names(self) -> list[str]:
        """The names of the cases shown (the filter applied), in order."""
        return [
            case.name
            for row, case in enumerate(self._cases)
            if (item := self.topLevelItem(row)) is not None and not item.isHidden()
        ]

    def current_name(self) -> str | None:
        item = self.currentItem()
        row = self.indexOfTopLevelItem(item) if item is not None else -1
        return self._cases[row].name if 0 <= row < len(self._cases) else None

    def item_for(self, name: str) -> QTreeWidgetItem | None:
        for row, case in enumerate(self._cases):
            if case.name == name:
                return self.topLevelItem(row)
        return None

    @Slot(QTreeWidgetItem, int)
    def _on_item(self, item: QTreeWidgetItem, _column: int) -> None:
        row = self.indexOfTopLevelItem(item)
        if 0 <= row < len(self._cases):
            self.caseActivated.emit(self._cases[row].name)
