"""The compose presets QA asked for, as a menu button (and actions the window puts in its menu
bar): "Sign with another secret…", "Expired (iat moved back too, so iat < exp)", "Not yet
valid", "Wrong project". Each asks the document's companion (:class:`ComposePresets`); a preset
that cannot apply to the token shown is disabled and says why in its tooltip.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from ..document import Change, InspectorDocument
from ..style.plain import plain_tip
from ..widgets.menu_button import MenuButton

if TYPE_CHECKING:
    from ...core import ComposePreset
    from ..document.presets import ComposePresets

__all__ = ["ComposePresetsButton"]

# By the preset's value (a ComposePreset is a StrEnum): the core's presets module is imported
# only when the menu is first filled.
_NAMES = {
    "expired": "presetExpiredAction",
    "not_yet_valid": "presetNotYetValidAction",
    "wrong_project": "presetWrongProjectAction",
}
_TIPS = {
    "expired": "exp a minute ago, iat moved back by the token's lifetime: re-signed with your key",
    "not_yet_valid": "nbf an hour ahead (exp after it): re-signed with your key",
    "wrong_project": "aud and the _id prefix name another project than yours: re-signed with "
    "your key",
}
OTHER_KEY_TIP = "Sign the token shown once with a secret you type (not kept), then check it"


class ComposePresetsButton(MenuButton):
    """``menu()`` holds the actions, made when it is first shown or asked for
    (:meth:`fill_menu`): ``other_secret_action`` and ``actions_by_preset``."""

    def __init__(self, document: InspectorDocument, parent: QWidget | None = None) -> None:
        super().__init__("Edge cases", parent)
        self.setObjectName("composePresetsButton")
        self.setAccessibleName("Compose an edge-case token")
        self.setToolTip("Compose an edge case from the token shown")
        self.document = document
        self._presets: ComposePresets | None = None
        self._other_secret_action: QAction | None = None
        self._actions_by_preset: dict[ComposePreset, QAction] = {}
        menu = QMenu("Co&mpose", self)
        menu.setObjectName("composePresetsMenu")
        menu.setToolTipsVisible(True)
        self.setMenu(menu)
        menu.aboutToShow.connect(self.refresh)

    def fill_menu(self) -> QMenu:
        """The menu with its actions, made now if they were not yet (and up to date)."""
        menu = self.menu()
        assert menu is not None  # set in __init__
        if self._presets is None:
            from ...core import ComposePreset  # noqa: PLC0415 (the menu is filled on first use)
            from ..document.presets import PRESET_WORDS, ComposePresets  # noqa: PLC0415 (idem)

            self._presets = ComposePresets(self.document)
            action = self._other_secret_action = QAction("Sign with another &secret…", self)
            action.setObjectName("presetOtherSecretAction")
            action.triggered.connect(self.sign_with_other_secret)
            menu.addAction(action)
            menu.addSeparator()
            for preset in ComposePreset:
                action = QAction(PRESET_WORDS[preset], self)
                action.setObjectName(_NAMES[preset.value])
                action.triggered.connect(partial(self._apply, preset))
                menu.addAction(action)
                self._actions_by_preset[preset] = action
            self.document.changed.connect(self._on_changed)  # kept up to date from now on
            self.refresh()
        return menu

    @property
    def presets(self) -> ComposePresets:
        """The document's presets companion (the menu is filled now if it was not yet)."""
        self.fill_menu()
        assert self._presets is not None  # made by fill_menu
        return self._presets

    @property
    def other_secret_action(self) -> QAction:
        self.fill_menu()
        assert self._other_secret_action is not None  # made by fill_menu
        return self._other_secret_action

    @property
    def actions_by_preset(self) -> dict[ComposePreset, QAction]:
        self.fill_menu()
        return self._actions_by_preset

    @Slot(object, object)
    def _on_changed(self, changes: frozenset[Change], _origin: object) -> None:
        if changes & {Change.TOKEN, Change.PROJECT, Change.ALGORITHM, Change.MODE}:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Enable what applies to the token shown; a disabled preset says why."""
        presets = self._presets
        if presets is None:
            self.fill_menu()  # fills, then refreshes
            return
        problem = presets.other_secret_problem()
        other = self.other_secret_action
        other.setEnabled(problem is None)
        other.setToolTip(plain_tip(f"Not now: {problem}") if problem else OTHER_KEY_TIP)
        for preset, action in self._actions_by_preset.items():
            problem = presets.problem(preset)
            action.setEnabled(problem is None)
            tip = _TIPS[preset.value]
            action.setToolTip(plain_tip(f"Not now: {problem}") if problem else tip)

    @Slot()
    def sign_with_other_secret(self) -> None:
        from ..widgets.other_secret_dialog import OtherSecretDialog  # noqa: PLC0415 (when asked)

        if self.presets.other_secret_problem() is not None:
            return
        secret = OtherSecretDialog.ask(self.window())
        if secret is not None:
            self.presets.sign_with_other_secret(secret)

    def _apply(self, preset: ComposePreset) -> None:
        self.presets.apply(preset)
