"""What the core says about a token: issues with a severity, a stable code and a message.

Codes are stable identifiers that scripts and the window rely on; messages are for people.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Issue", "Part", "Severity"]


class Severity(StrEnum):
    """How much an issue matters: errors decide the verdict, warnings and infos do not."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Part(StrEnum):
    """Which part of the input an issue is about."""

    TOKEN = "token"  # noqa: S105 (a part of the input)
    HEADER = "header"
    PAYLOAD = "payload"
    SIGNATURE = "signature"
    KEY = "key"


@dataclass(frozen=True, slots=True)
class Issue:
    """One finding. ``claim`` names the payload claim (or header parameter) at fault, if any."""

    claim: str | None
    severity: Severity
    code: str
    message: str
    part: Part = Part.PAYLOAD

    def with_severity(self, severity: Severity) -> Issue:
        return Issue(self.claim, severity, self.code, self.message, self.part)
