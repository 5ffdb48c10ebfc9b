"""The window's actions, their shortcuts and its menus. What each action does is the window's
(or the copy bar's) business: this module only names them, so that tests and people find them.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

__all__ = ["WindowActions", "shortcut_text"]


def shortcut_text(action: QAction) -> str:
    """The shortcut of ``action`` as the platform writes it."""
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


class WindowActions:
    """Every action of ``window``, added to it (so shortcuts work anywhere in it) and to its
    menus. ``copy`` maps the copy bar's kinds to their actions."""

    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        self.paste = self._action("pasteTokenAction", "&Paste token", "Ctrl+Shift+V")
        self.copy = {
            "token": self._action("copyTokenAction", "&Copy token", "Ctrl+Shift+C"),
            "header": self._action(
                "copyAuthHeaderAction", "Copy as &Authorization header", "Ctrl+Shift+H"
            ),
            "widget": self._action(
                "copyWidgetCallAction", "Copy as &widget sign-in call", "Ctrl+Shift+W"
            ),
            "curl": self._action("copyCurlAction", "Copy as c&url command", "Ctrl+Shift+U"),
        }
        self.resign = self._action("resignAction", "&Re-sign this token with my secret", "Ctrl+R")
        self.clear_secret = self._action(
            "clearSecretAction", "Clear the &secret and private key", "Ctrl+Shift+K"
        )
        self.sample = self._action("sampleAction", "Load the &demo sample", None)
        self.quit = self._action("quitAction", "&Quit", None)
        self.quit.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.focus_token = self._action("focusTokenAction", "Go to the &token", "Ctrl+L")
        self.focus_secret = self._action("focusSecretAction", "Go to the &secret", "Ctrl+K")
        self.focus_project = self._action("focusProjectAction", "Go to the &project id", "Ctrl+P")
        self.claims_tab = self._action("claimsTabAction", "Show the &claims", "Ctrl+1")
        self.json_tab = self._action("jsonTabAction", "Show the raw &JSON", "Ctrl+2")
        self.about = self._action("aboutAction", "&About", None)
        self._build_menus()

    def _action(self, name: str, text: str, shortcut: str | None) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self._window.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self._window.menuBar()
        token_menu = bar.addMenu("&Token")
        token_menu.setObjectName("tokenMenu")
        token_menu.addAction(self.paste)
        for action in self.copy.values():
            token_menu.addAction(action)
        token_menu.addSeparator()
        token_menu.addAction(self.resign)
        token_menu.addAction(self.sample)
        token_menu.addSeparator()
        token_menu.addAction(self.clear_secret)
        token_menu.addSeparator()
        token_menu.addAction(self.quit)
        go_menu = bar.addMenu("&Go")
        go_menu.setObjectName("goMenu")
        for action in (
            self.focus_token,
            self.focus_secret,
            self.focus_project,
            self.claims_tab,
            self.json_tab,
        ):
            go_menu.addAction(action)
        help_menu = bar.addMenu("&Help")
        help_menu.setObjectName("helpMenu")
        help_menu.addAction(self.about)
