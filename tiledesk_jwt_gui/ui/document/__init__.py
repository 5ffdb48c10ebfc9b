"""The inspection as one observable QtCore object, and its worker thread."""

from __future__ import annotations

from .document import LARGE_INPUT_CHARS, Change, InspectorDocument
from .worker import Worker

__all__ = ["LARGE_INPUT_CHARS", "Change", "InspectorDocument", "Worker"]
