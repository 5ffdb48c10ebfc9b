"""Uncaught exceptions while the window runs: shown in a dialog and logged, never with a secret.

A Python exception that leaves a Qt slot does not stop the event loop; PySide hands it to
``sys.excepthook``. ``ExceptionHook`` takes that place while the window runs (``app.main``): it
logs the traceback with every form of the current secrets removed (the text, its lines, its
UTF-8 bytes in base64 and hex, its escaped forms) and shows ``ErrorDialog``. Under pytest-qt the
hook is not installed, so such an exception fails the test instead.
"""

from __future__ import annotations

import base64
import json
import logging
import sys
import traceback
from collections.abc import Callable, Iterable
from types import TracebackType

from PySide6.QtWidgets import QWidget

__all__ = ["ExceptionHook", "describe_exception", "scrub", "secret_forms"]

log = logging.getLogger(__name__)

REMOVED = "[secret removed]"
MIN_SCRUBBED_CHARS = 6
"""A secret shorter than this cannot be searched for without garbling the whole text: the
traceback is then reduced to the exception's type and where it was raised."""
MIN_LINE_CHARS = 16
"""Lines of a multi-line secret (a PEM key) this long are removed one by one too."""

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def secret_forms(secret: str) -> set[str]:
    """The ways ``secret`` can appear in text: as typed, line by line, escaped, and its UTF-8
    bytes in base64 (standard and URL-safe, padded or not) and hex."""
    forms: set[str] = set()
    pieces = {secret, *(line.strip() for line in secret.splitlines())}
    for piece in pieces:
        if len(piece) < MIN_LINE_CHARS and piece != secret:
            continue
        data = piece.encode("utf-8", "surrogatepass")
        standard = base64.b64encode(data).decode()
        urlsafe = base64.urlsafe_b64encode(data).decode()
        forms |= {
            piece,
            repr(piece)[1:-1],
            json.dumps(piece)[1:-1],
            piece.encode("unicode_escape").decode(),
            repr(data)[2:-1],
            standard,
            standard.rstrip("="),
            urlsafe,
            urlsafe.rstrip("="),
            data.hex(),
            data.hex().upper(),
        }
    return {form for form in forms if form}


def scrub(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every form of each secret replaced by a marker."""
    forms: set[str] = set()
    for secret in secrets:
        if secret:
            forms |= secret_forms(secret)
    for form in sorted(forms, key=len, reverse=True):
        text = text.replace(form, REMOVED)
    return text


def describe_exception(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    secrets: Iterable[str],
) -> tuple[str, str]:
    """A one-line summary and the traceback, neither with a secret in it."""
    kept = [s for s in secrets if s]
    frames = traceback.extract_tb(tb)
    where = f" in {frames[-1].name} ({frames[-1].filename}:{frames[-1].lineno})" if frames else ""
    summary = f"Unexpected {exc_type.__name__}{where}."
    if any(len(s) < MIN_SCRUBBED_CHARS for s in kept):
        details = "".join(
            [
                "Traceback (messages left out: a short secret is entered):\n",
                *(f'  File "{f.filename}", line {f.lineno}, in {f.name}\n' for f in frames),
                f"{exc_type.__module__}.{exc_type.__qualname__}\n",
            ]
        )
        return summary, details
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    return scrub(summary, kept), scrub(details, kept)


class ExceptionHook:
    """``sys.excepthook`` while installed (a context manager). ``secrets`` gives the texts to
    keep out of the report (the window's secret and private key)."""

    def __init__(self, parent: QWidget | None, secrets: Callable[[], Iterable[str]]) -> None:
        self._parent = parent
        self._secrets = secrets
        self._previous: Hook | None = None
        self._reporting = False

    def __enter__(self) -> ExceptionHook:
        self.install()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.uninstall()

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        if self._previous is not None and sys.excepthook == self.handle:
            sys.excepthook = self._previous
        self._previous = None

    def handle(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt) and self._previous is not None:
            self._previous(exc_type, exc, tb)
            return
        try:
            secrets = list(self._secrets())
        except Exception:  # without the secrets, say only what and where
            secrets = ["?"]
        summary, details = describe_exception(exc_type, exc, tb, secrets)
        log.error("%s\n%s", summary, details)
        if self._reporting:  # an error while the dialog is up: logged, not stacked
            return
        self._reporting = True
        try:
            from .error_dialog import ErrorDialog  # noqa: PLC0415 (imported when first needed)

            ErrorDialog.show_error(self._parent, summary, details)
        except Exception:
            log.exception("the error dialog could not be shown")
        finally:
            self._reporting = False
