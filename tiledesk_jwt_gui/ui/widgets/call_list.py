"""The widget's sign-in calls, one row each: method, path, status ("no answer" when the server
never answers) and the answer's words, with a glyph per row (a 200 is a tick, anything else a
cross). Rows are plain text; selected rows copy (Ctrl+C) as the core's one-line form."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QGuiApplication, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ...core import CallAnswer
from ..style.icons import Glyph, glyph_icon
from ..style.plain import plain_tip
from ..style.tones import Tones

__all__ = ["COLUMNS", "NO_ANSWER", "CallList"]

COLUMNS = ("Method", "Path", "Status", "Answer")
NO_ANSWER = "no answer"


class CallList(QTreeWidget):
    """A flat list of :class:`CallAnswer` rows."""

    def __init__(self, tones: Tones, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._calls: list[CallAnswer] = []
        self._tones = tones
        self._icons: dict[bool, QIcon] = {}
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels(list(COLUMNS))
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setIconSize(QSize(16, 16))
        header = self.header()
        header.setStretchLastSection(True)
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.set_tones(tones)

    def set_tones(self, tones: Tones) -> None:
        self._tones = tones
        self._icons = {
            True: glyph_icon(Glyph.CHECK, tones.good, tones.base),
            False: glyph_icon(Glyph.CROSS, tones.bad, tones.base),
        }
        for row, call in enumerate(self._calls):
            self._paint(self.topLevelItem(row), call)

    def show_calls(self, calls: Sequence[CallAnswer], empty: str = "") -> None:
        """Replace the rows; with no call, one inert row saying ``empty``."""
        self.clear()
        self._calls = list(calls)
        for call in self._calls:
            status = NO_ANSWER if call.status is None else str(call.status)
            answer = call.answer if call.answer != NO_ANSWER else ""
            item = QTreeWidgetItem([call.method, call.path, status, answer])
            item.setToolTip(1, plain_tip(call.line()))
            item.setToolTip(3, plain_tip(call.line()))
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, call.line())
            self._paint(item, call)
            self.addTopLevelItem(item)
        if not self._calls and empty:
            item = QTreeWidgetItem([empty])
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)

    def _paint(self, item: QTreeWidgetItem | None, call: CallAnswer) -> None:
        if item is None:
            return
        item.setIcon(0, self._icons[call.ok])
        colour = self._tones.good if call.ok else self._tones.bad
        item.setForeground(2, QBrush(colour))

    def calls(self) -> list[CallAnswer]:
        """The calls shown, in order."""
        return list(self._calls)

    def row_texts(self, row: int) -> list[str]:
        """What row ``row`` shows, column by column."""
        item = self.topLevelItem(row)
        return [] if item is None else [item.text(c) for c in range(len(COLUMNS))]

    def selected_text(self) -> str:
        rows = sorted(self.indexOfTopLevelItem(item) for item in self.selectedItems())
        return "\n".join(self._calls[r].line() for r in rows if 0 <= r < len(self._calls))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            text = self.selected_text()
            if text:
                QGuiApplication.clipboard().setText(text)
            event.accept()
            return
        super().keyPressEvent(event)
