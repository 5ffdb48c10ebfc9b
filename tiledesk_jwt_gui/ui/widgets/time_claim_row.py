"""One time claim (iat, nbf or exp): a date-time editor with "none", the same instant in Unix
seconds, quick presets, and the core's reading of it (relative, local and UTC).

The seconds field is the claim's exact value: it shows what the token holds even when that is
not a date (a string, milliseconds, a fraction), and anything typed there is read as JSON; a
number that cannot be a time (infinite, beyond the year 9999 in milliseconds) is refused.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QDateTime, QSignalBlocker, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core import ABSENT, ClaimValue, JsonProblem, TimeInfo, check_time_value, parse_json
from ..style.json_text import json_text
from .claim_date_time_edit import ClaimDateTimeEdit
from .menu_button import MenuButton

__all__ = ["PRESETS", "TimeClaimRow"]

PRESETS: dict[str, tuple[tuple[str, str, int | None], ...]] = {
    "iat": (("now", "Now", 0), ("none", "None (no iat)", None)),
    "nbf": (("now", "Now", 0), ("5min", "In 5 minutes", 300), ("none", "None (no nbf)", None)),
    "exp": (
        ("5min", "In 5 minutes", 300),
        ("1h", "In 1 hour", 3600),
        ("1day", "In 1 day", 86400),
        ("expired", "Expired (1 minute ago)", -60),
        ("none", "None (never expires)", None),
    ),
}
"""Per claim: (key, menu text, seconds from now, ``None`` removes the claim)."""


def _as_text(value: ClaimValue) -> str:
    if value is ABSENT:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return json_text(value)


class TimeClaimRow(QWidget):
    """Edits one NumericDate claim; ``edited`` carries the claim's name."""

    edited = Signal(str)

    def __init__(
        self, claim: str, clock: Callable[[], float], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.claim = claim
        self._clock = clock
        self._value: ClaimValue | JsonProblem = ABSENT
        self._help = ""
        self.setObjectName(f"claimRow_{claim}")

        self.date_edit = ClaimDateTimeEdit(self)
        self.date_edit.setObjectName(f"claim_{claim}")
        self.date_edit.setAccessibleName(f"{claim}, local date and time")
        self.date_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        self.seconds_edit = QLineEdit(self)
        self.seconds_edit.setObjectName(f"claimSeconds_{claim}")
        self.seconds_edit.setAccessibleName(f"{claim}, Unix seconds")
        self.seconds_edit.setPlaceholderText("Unix seconds")
        self.seconds_edit.setToolTip(
            f"{claim} exactly as the token holds it: seconds since 1970-01-01 UTC. Empty means "
            "no such claim; anything typed is read as JSON (quote a string to test how a "
            "non-number is judged)."
        )
        self.seconds_edit.setClearButtonEnabled(True)
        width = self.seconds_edit.fontMetrics().horizontalAdvance("8888888888888") + 30
        self.seconds_edit.setMaximumWidth(width)
        self.seconds_edit.setMinimumWidth(width - 20)

        self.presets_button = MenuButton("Presets", self)
        self.presets_button.setObjectName(f"claimPresets_{claim}")
        self.presets_button.setAccessibleName(f"{claim} presets")
        self.presets_button.setToolTip(f"Quick values for {claim}")
        menu = QMenu(self.presets_button)
        menu.setObjectName(f"claimPresetsMenu_{claim}")
        self.preset_actions: dict[str, QAction] = {}
        for key, text, _ in PRESETS[claim]:
            action = menu.addAction(text)
            action.setObjectName(f"claimPreset_{claim}_{key}")
            action.setData(key)
            self.preset_actions[key] = action
        menu.triggered.connect(self._on_preset)
        self.presets_button.setMenu(menu)

        self.info_label = QLabel(self)
        self.info_label.setObjectName(f"claimInfo_{claim}")
        self.info_label.setWordWrap(True)
        self.info_label.setAccessibleName(f"{claim} in words")

        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(6)
        line.addWidget(self.date_edit, 3)
        line.addWidget(self.seconds_edit, 2)
        line.addWidget(self.presets_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(line)
        column.addWidget(self.info_label)

        self.date_edit.dateTimeChanged.connect(self._on_date_changed)
        self.seconds_edit.textChanged.connect(self._on_seconds_changed)

    def value(self) -> ClaimValue | JsonProblem:
        """The claim's value, ``ABSENT``, or the problem with what was typed."""
        return self._value

    def show_value(self, value: ClaimValue) -> None:
        """Show the token's value (no ``edited``)."""
        self._value = value
        text = _as_text(value)
        if text != self.seconds_edit.text():
            with QSignalBlocker(self.seconds_edit):
                self.seconds_edit.setText(text)
        self._show_date(value)

    def show_info(self, info: TimeInfo | None) -> None:
        """The core's reading of the claim (``None``: no such claim)."""
        if info is None:
            self.info_label.setText("Not set")
        elif info.seconds is None:
            self.info_label.setText("Not a time")
        else:
            local, utc = info.local, info.utc
            if local and utc and local != utc:
                when = f"{local} ({utc.split(' ', 1)[1]})"
            else:
                when = utc or local or ""
            self.info_label.setText(f"{info.relative} — {when}" if when else str(info.relative))

    def _show_date(self, value: ClaimValue) -> None:
        number = (
            float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
        )
        representable = (
            number is not None and math.isfinite(number) and (ClaimDateTimeEdit.can_show(number))
        )
        self.date_edit.set_seconds(number if representable else None)
        self.date_edit.setEnabled(value is ABSENT or representable)
        note = f"\n\n{self.claim} is not a date this editor can show: edit the Unix seconds."
        self.date_edit.setToolTip(self._help + ("" if self.date_edit.isEnabled() else note))

    def set_help(self, text: str) -> None:
        """What the claim means, for the tooltips."""
        self._help = text
        self.date_edit.setToolTip(text)
        self.info_label.setToolTip(text)

    def set_value(self, value: ClaimValue) -> None:
        """Set the claim as a person would (emits ``edited``)."""
        self.show_value(value)
        self.edited.emit(self.claim)

    @Slot(QDateTime)
    def _on_date_changed(self, _moment: QDateTime) -> None:
        seconds = self.date_edit.seconds()
        value: ClaimValue = ABSENT if seconds is None else seconds
        self._value = value
        with QSignalBlocker(self.seconds_edit):
            self.seconds_edit.setText(_as_text(value))
        self.edited.emit(self.claim)

    @Slot(str)
    def _on_seconds_changed(self, text: str) -> None:
        if not text.strip():
            self._value = ABSENT
        else:
            parsed = parse_json(text)
            if isinstance(parsed, JsonProblem):
                self._value = JsonProblem(
                    f"{self.claim} is not a number: type Unix seconds such as 1800000000, or "
                    "clear it to remove the claim",
                    parsed.position,
                )
                self.edited.emit(self.claim)
                return
            refused = check_time_value(self.claim, parsed)
            if refused is not None:
                self._value = JsonProblem(refused, 0)
                self.edited.emit(self.claim)
                return
            self._value = parsed
        self._show_date(self._value)
        self.edited.emit(self.claim)

    @Slot(QAction)
    def _on_preset(self, action: QAction) -> None:
        key = action.data()
        for preset_key, _, offset in PRESETS[self.claim]:
            if preset_key == key:
                self.set_value(ABSENT if offset is None else int(self._clock()) + offset)
                return
