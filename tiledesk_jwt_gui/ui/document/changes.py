"""What a document's ``changed`` signal is about."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["EVERYTHING", "Change"]


class Change(StrEnum):
    TOKEN = "token"  # noqa: S105 (a part of the document)
    HEADER = "header"
    PAYLOAD = "payload"
    ALGORITHM = "algorithm"
    KEYS = "keys"
    PROJECT = "project"
    CHECKS = "checks"
    MODE = "mode"
    PROBLEMS = "problems"


EVERYTHING = frozenset(Change)
