"""What the window keeps between runs, and nothing more: the geometry, the splitters, the last
project id (only ever a valid one), the leeway and the curl server's URL. Never a secret, a key
or a token; not the profile either ("Judge as any JWT" is never silently carried over).

Reading never fails: a damaged or unreadable settings file gives the defaults, and ``problem``
says in words what happened so the window can show it. Writing reports a failure the same way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QScreen

from ...core import DEFAULT_SERVER_BASE, MAX_LEEWAY_SECONDS, PROJECT_ID_PATTERN

__all__ = [
    "SETTINGS_KEYS",
    "SettingsProblem",
    "StoredState",
    "WindowSettings",
    "first_size",
    "scratch_settings",
]

log = logging.getLogger(__name__)

SETTINGS_KEYS = (
    "window/geometry",
    "window/splitter",
    "window/token_splitter",
    "project_id",
    "leeway",
    "server_base",
)
"""Everything the window stores. Never a secret, a key or a token."""
MAX_URL_CHARS = 2000
FIRST_SIZE = (1180, 780)
"""The first size, when the screen has room for it (else 92 % of what it has)."""


def first_size(screen: QScreen | None) -> tuple[int, int]:
    """The size a first run opens at: ``FIRST_SIZE``, or what ``screen`` has room for."""
    width, height = FIRST_SIZE
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, int(room.width() * 0.92))
        height = min(height, int(room.height() * 0.92))
    return width, height


def scratch_settings(directory: str) -> QSettings:
    """Settings kept in ``directory``, for runs that must not touch the user's own (the smoke
    test, the screenshot)."""
    return QSettings(str(Path(directory) / "settings.ini"), QSettings.Format.IniFormat)


@dataclass(frozen=True)
class SettingsProblem:
    """What went wrong with the settings file: a few words for the status bar, and the rest."""

    summary: str
    detail: str


@dataclass(frozen=True)
class StoredState:
    """The values kept, checked: anything unusable in the file is left out (``None``)."""

    geometry: QByteArray | None = None
    splitters: dict[str, QByteArray] = field(default_factory=dict)
    project_id: str | None = None
    leeway: int = 0
    server_base: str = DEFAULT_SERVER_BASE


def _is_project_id(value: object) -> bool:
    return isinstance(value, str) and PROJECT_ID_PATTERN.fullmatch(value) is not None


def _bytes(value: object) -> QByteArray | None:
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


class WindowSettings:
    """``load`` and ``save`` over one ``QSettings``; ``problem`` is the last trouble in words."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings
        self.problem: SettingsProblem | None = None

    @property
    def location(self) -> str:
        return self._settings.fileName()

    def load(self) -> StoredState:
        """The stored values that make sense; the defaults for the rest."""
        settings = self._settings
        self.problem = self._read_problem()
        try:
            geometry = _bytes(settings.value("window/geometry"))
            splitters = {
                key: state
                for key in ("window/splitter", "window/token_splitter")
                if (state := _bytes(settings.value(key))) is not None
            }
            project = settings.value("project_id")
            leeway = settings.value("leeway")
            server = settings.value("server_base")
        except Exception:  # a value Qt cannot convert: the defaults, and say so
            log.warning("settings in %s could not be read: defaults used", self.location)
            self.problem = self._damaged()
            return StoredState()
        try:
            seconds = int(str(leeway)) if leeway is not None else 0
        except ValueError:  # "nan", "inf", "1e400", words: the default
            seconds = 0
        return StoredState(
            geometry=geometry,
            splitters=splitters,
            project_id=project if _is_project_id(project) else None,
            leeway=max(0, min(seconds, MAX_LEEWAY_SECONDS)),
            server_base=(
                server
                if isinstance(server, str) and server.strip() and len(server) <= MAX_URL_CHARS
                else DEFAULT_SERVER_BASE
            ),
        )

    def save(self, state: StoredState) -> bool:
        """Store ``state``; ``False`` (and ``problem`` set) when it could not be written."""
        settings = self._settings
        if state.geometry is not None:
            settings.setValue("window/geometry", state.geometry)
        for key, value in state.splitters.items():
            settings.setValue(key, value)
        # Only a valid project id is ever written: a secret typed in the wrong field is not.
        settings.setValue(
            "project_id", state.project_id if _is_project_id(state.project_id) else ""
        )
        settings.remove("profile")  # written by earlier versions; never read now
        settings.setValue("leeway", state.leeway)
        settings.setValue("server_base", state.server_base)
        settings.sync()
        if settings.status() is QSettings.Status.AccessError or not settings.isWritable():
            self.problem = SettingsProblem(
                "Settings not saved: size and project id will not be remembered",
                f"The settings could not be written to {self.location}.",
            )
            log.warning("settings not saved: %s is not writable", self.location)
            return False
        self.problem = None
        return True

    def _read_problem(self) -> SettingsProblem | None:
        settings = self._settings
        status = settings.status()
        if status is QSettings.Status.FormatError:
            log.warning("settings file %s is damaged: defaults used", self.location)
            return self._damaged()
        if status is QSettings.Status.AccessError or not settings.isWritable():
            log.warning("settings file %s cannot be written", self.location)
            return SettingsProblem(
                "Settings cannot be saved: size and project id will not be remembered",
                f"The settings file {self.location} cannot be written.",
            )
        return None

    def _damaged(self) -> SettingsProblem:
        return SettingsProblem(
            "Settings file damaged: defaults used",
            f"The settings file {self.location} could not be read; it is rewritten when the "
            "window closes.",
        )
