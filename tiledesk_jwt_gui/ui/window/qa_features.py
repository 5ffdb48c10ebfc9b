"""Issue 13's window part, wired into the frame: the "QA cases" tab, the compose presets as a
button beside the tabs and as a "Compose" menu, and a shortcut to the tab."""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QTabWidget

from ..document import InspectorDocument
from ..panes.compose_presets import ComposePresetsButton
from ..panes.qa_cases_pane import QACasesPane
from ..style.tones import Tones

__all__ = ["QAFeatures"]


class QAFeatures:
    """Adds the QA panel to ``tabs`` and the presets to ``window``'s menu bar (before Help)."""

    def __init__(
        self, window: QMainWindow, document: InspectorDocument, tabs: QTabWidget, tones: Tones
    ) -> None:
        self.pane = QACasesPane(document, tones, tabs)
        index = tabs.addTab(self.pane, "&QA cases")
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
        self.show_action.triggered.connect(partial(tabs.setCurrentIndex, index))
