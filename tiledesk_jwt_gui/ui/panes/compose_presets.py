"""The compose presets QA asked for, as a menu button (and actions the window puts in its menu
bar): "Sign with another secret…", "Expired (iat moved back too, so iat < exp)", "Not yet
valid", "Wrong project". Each asks the document's companion (:class:`ComposePresets`); a preset
that cannot apply to the token shown is disabled and says why in its tooltip.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from ...core import ComposePreset
from ..document import Change, InspectorDocument
from ..document.presets import PRESET_WORDS, ComposePresets
from ..style.plain import plain_tip
from ..widgets.menu_button import MenuButton
from ..widgets.other_secret_dialog import OtherSecretDialog

__all__ = ["ComposePresetsButton"]

_NAMES = {
    ComposePreset.EXPIRED: "presetExpiredAction",
    ComposePreset.NOT_YET_VALID: "presetNotYetValidAction",
    ComposePreset.WRONG_PROJECT: "presetWrongProjectAction",
}
_TIPS = {
    ComposePreset.EXPIRED: "exp a minute ago, iat moved back by the token's lifetime: re-signed "
    "with your key",
    ComposePreset.NOT_YET_VALID: "nbf an hour ahead (exp after it): re-signed with your key",
    ComposePreset.WRONG_PROJECT: "aud and the _id prefix name another project than yours: "
    "re-signed with your key",
}
OTHER_KEY_TIP = "Sign the token shown once with a secret you type (not kept), then check it"


class ComposePresetsButton(MenuButton):
    """``menu()`` holds the actions: ``other_secret_action`` and ``actions_by_preset``."""

    def __init__(self, document: InspectorDocument, parent: QWidget | None = None) -> None:
        super().__init__("Edge cases", parent)
        self.setObjectName("composePresetsButton")
        self.setAccessibleName("Compose an edge-case token")
        self.setToolTip("Compose an edge case from the token shown")
        self.document = document
        self.presets = ComposePresets(document)
        menu = QMenu("Co&mpose", self)
        menu.setObjectName("composePresetsMenu")
        menu.setToolTipsVisible(True)
        self.other_secret_action = QAction("Sign with another &secret…", self)
        self.other_secret_action.setObjectName("presetOtherSecretAction")
        self.other_secret_action.triggered.connect(self.sign_with_other_secret)
        menu.addAction(self.other_secret_action)
        menu.addSeparator()
        self.actions_by_preset: dict[ComposePreset, QAction] = {}
        for preset in ComposePreset:
            action = QAction(PRESET_WORDS[preset], self)
            action.setObjectName(_NAMES[preset])
            action.triggered.connect(partial(self._apply, preset))
            menu.addAction(action)
            self.actions_by_preset[preset] = action
        self.setMenu(menu)
        menu.aboutToShow.connect(self.refresh)
        document.changed.connect(self._on_changed)
        self.refresh()

    @Slot(object, object)
    def _on_changed(self, changes: frozenset[Change], _origin: object) -> None:
        if changes & {Change.TOKEN, Change.PROJECT, Change.ALGORITHM, Change.MODE}:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Enable what applies to the token shown; a disabled preset says why."""
        problem = self.presets.other_secret_problem()
        self.other_secret_action.setEnabled(problem is None)
        self.other_secret_action.setToolTip(
            plain_tip(f"Not now: {problem}") if problem else OTHER_KEY_TIP
        )
        for preset, action in self.actions_by_preset.items():
            problem = self.presets.problem(preset)
            action.setEnabled(problem is None)
            action.setToolTip(plain_tip(f"Not now: {problem}") if problem else _TIPS[preset])

    @Slot()
    def sign_with_other_secret(self) -> None:
        if self.presets.other_secret_problem() is not None:
            return
        secret = OtherSecretDialog.ask(self.window())
        if secret is not None:
            self.presets.sign_with_other_secret(secret)

    def _apply(self, preset: ComposePreset) -> None:
        self.presets.apply(preset)
