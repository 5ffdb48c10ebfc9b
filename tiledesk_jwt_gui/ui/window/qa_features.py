"""Issue 13's window part, wired into the frame: the "QA cases" tab, the compose presets as a
button beside the tabs and as a "Compose" menu, and a shortcut to the tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QTabWidget, QWidget

from ..document import InspectorDocument
from ..panes.compose_presets import ComposePresetsButton
from ..style.tones import Tones, tones_for
from ..widgets.lazy_page import LazyPage

if TYPE_CHECKING:
    from ..panes.qa_cases_pane import QACasesPane

__all__ = ["QAFeatures"]


class QAFeatures:
    """Adds the QA panel to ``tabs`` and the presets to ``window``'s menu bar (before Help)."""

    def __init__(
        self, window: QMainWindow, document: InspectorDocument, tabs: QTabWidget, tones: Tones
    ) -> None:
        self._document, self._tabs = document, tabs
        self.page: LazyPage[QACasesPane] = LazyPage(self._pane, tabs)  # built on first use
        self.page.setObjectName("qaTab")
        tabs.addTab(self.page, "&QA cases")
        self.presets = ComposePresetsButton(document, tabs)
        tabs.setCornerWidget(self.presets)
        menu = self.presets.menu()
        bar = window.menuBar()
        help_menu = bar.findChild(QMenu, "helpMenu")
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), menu)
        else:
            bar.addMenu(menu)
        go_menu = bar.findChild(QMenu, "goMenu")
        self.show_action = (go_menu or menu).addAction("Show the &QA cases")
        self.show_action.setObjectName("qaTabAction")
        self.show_action.setShortcut(QKeySequence("Ctrl+6"))
        window.addAction(self.show_action)
        self.show_action.triggered.connect(self._show)

    def _pane(self, parent: QWidget) -> QACasesPane:
        from ..panes.qa_cases_pane import QACasesPane  # noqa: PLC0415 (built on first use)

        return QACasesPane(self._document, tones_for(self._tabs.palette()), parent)

    @property
    def pane(self) -> QACasesPane:
        """The QA cases pane (built now if it was not yet)."""
        return self.page.content

    def _show(self) -> None:
        self._tabs.setCurrentWidget(self.page)
        self.page.content  # noqa: B018 (built now, also in a window not shown yet)
