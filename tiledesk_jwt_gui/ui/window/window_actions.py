"""The window's actions, their shortcuts and its menus. What each action does is the window's
business: this module only names them, so that tests and people find them, and lists the
shortcuts for the Help menu."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from ..style.shortcuts import shortcut_text

__all__ = ["WindowActions", "shortcut_text"]


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
        self.copy_report = self._action("copyReportAction", "Copy the &report", "Ctrl+Shift+R")
        self.save_report = self._action("saveReportAction", "Sa&ve the report…", "Ctrl+Shift+S")
        self.compare = self._action("compareAction", "Compare &with…", "Ctrl+Shift+D")
        self.resign = self._action("resignAction", "&Re-sign this token (compose)", "Ctrl+R")
        self.back = self._action("backToPastedAction", "&Back to the pasted token", None)
        self.back.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
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
        self.signin_tab = self._action("signinTabAction", "Show the sign-&in", "Ctrl+3")
        self.shortcuts = self._action("shortcutsAction", "Keyboard &shortcuts", "F1")
        self.secret_help = self._action("secretHelpAction", "Where is my project's s&ecret?", None)
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
        for action in (*self.copy.values(), self.copy_report, self.save_report, self.compare):
            token_menu.addAction(action)
        token_menu.addSeparator()
        for action in (self.resign, self.back, self.sample):
            token_menu.addAction(action)
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
            self.signin_tab,
        ):
            go_menu.addAction(action)
        help_menu = bar.addMenu("&Help")
        help_menu.setObjectName("helpMenu")
        for action in (self.shortcuts, self.secret_help, self.about):
            help_menu.addAction(action)

    def shortcuts_text(self) -> str:
        """Every shortcut and what it does, one a line (plus the keys the fields know)."""
        lines = []
        for action in self._window.actions():
            keys = shortcut_text(action)
            if keys:
                lines.append(f"{keys}\t{action.text().replace('&', '')}")
        lines += [
            "Ctrl+A, Ctrl+C\tIn the findings: select and copy them",
            "Tab\tThe next field, in the order they stand",
            "Wheel\tScrolls the form; it edits a field only while that field has focus",
        ]
        return "\n".join(lines)
