"""The list of the core's findings under the verdict: errors, then warnings, then notes.

Each row names the claim (or part) at fault; clicking it asks the window to focus that field.
Rows can be selected (Ctrl+A) and copied (Ctrl+C) as text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from ...core import Issue, Severity, issue_line
from ..style.icons import Glyph, glyph_icon
from ..style.tones import Tones

__all__ = ["IssueList"]

_WORDS = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.INFO: "Note"}
_GLYPHS = {Severity.ERROR: Glyph.CROSS, Severity.WARNING: Glyph.WARN, Severity.INFO: Glyph.INFO}


class IssueList(QListWidget):
    """Findings with a severity glyph; ``issueActivated`` carries the :class:`Issue` clicked."""

    issueActivated = Signal(object)

    def __init__(self, tones: Tones, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Rows map to this list by index: item data that was never set reads back as None,
        # and PySide6 6.12 miscounts references on that path, so no Python object is stored
        # in (or read from) the items.
        self._issues: list[Issue] = []
        self._tones = tones
        self._icons: dict[Severity, QIcon] = {}
        """Each severity's glyph, painted when a finding of it is first shown."""
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setIconSize(QSize(16, 16))
        self.setSpacing(1)
        self.itemClicked.connect(self._on_item)
        self.itemActivated.connect(self._on_item)

    def set_tones(self, tones: Tones) -> None:
        if tones == self._tones:
            return  # the glyphs painted are these tones' already
        self._tones = tones
        self._icons = {}
        for row, issue in enumerate(self._issues):
            self.item(row).setIcon(self._icon(issue.severity))

    def _icon(self, severity: Severity) -> QIcon:
        icon = self._icons.get(severity)
        if icon is None:
            tones = self._tones
            colours = {Severity.ERROR: tones.bad, Severity.WARNING: tones.warn}
            colour = colours.get(severity, tones.info)
            icon = self._icons[severity] = glyph_icon(_GLYPHS[severity], colour, tones.base)
        return icon

    def show_issues(self, issues: Sequence[Issue]) -> None:
        """Replace the rows; the row selected before stays selected if it is still there."""
        row = self.currentRow()
        previous = self._issues[row] if 0 <= row < len(self._issues) else None
        self.clear()
        self._issues = list(issues)
        for issue in self._issues:
            item = QListWidgetItem(self._icon(issue.severity), issue_line(issue))
            spoken = f"{_WORDS[issue.severity]}. {issue_line(issue)}"
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
            item.setToolTip(f"{_WORDS[issue.severity]} ({issue.code}). Click to go to the field.")
            self.addItem(item)
            if issue == previous:
                self.setCurrentItem(item)
        if not self._issues:
            item = QListWidgetItem("Nothing to report.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)

    def selected_text(self) -> str:
        """The selected rows as lines of text, in the list's order ("Error: …")."""
        rows = sorted(self.row(item) for item in self.selectedItems())
        return "\n".join(
            f"{_WORDS[self._issues[row].severity]}: {issue_line(self._issues[row])}"
            for row in rows
            if 0 <= row < len(self._issues)
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            text = self.selected_text()
            if text:
                QGuiApplication.clipboard().setText(text)
            event.accept()
            return
        super().keyPressEvent(event)

    def issues(self) -> list[Issue]:
        """The issues shown, in order."""
        return list(self._issues)

    def item_for(self, code: str) -> QListWidgetItem | None:
        """The first row whose issue has ``code``."""
        for row, issue in enumerate(self._issues):
            if issue.code == code:
                return self.item(row)
        return None

    @Slot(QListWidgetItem)
    def _on_item(self, item: QListWidgetItem) -> None:
        row = self.row(item)
        if 0 <= row < len(self._issues):
            self.issueActivated.emit(self._issues[row])
