"""Compose presets on the document: the claim presets QA asks for (expired, not yet valid,
wrong project) as ordinary claim edits, and signing the token once with another secret.

A companion of :class:`InspectorDocument` that only calls its intents: a claim preset is a few
``edit_claim`` calls (so a pasted token is kept, one Ctrl+Z away, as with any edit); the other
secret signs the form once and the result is then checked against the project's secret, as a
pasted token would be. The other secret is used for that one signature and never kept.
"""

from __future__ import annotations

from typing import Final

from ...core import (
    ComposePreset,
    KeyChoice,
    Mode,
    compose,
    other_secret_problem,
    preset_edits,
    secret_key,
)
from .document import InspectorDocument

__all__ = ["PRESET_WORDS", "ComposePresets"]

PRESET_WORDS: Final = {
    ComposePreset.EXPIRED: "Expired (iat moved back too, so iat < exp)",
    ComposePreset.NOT_YET_VALID: "Not yet valid",
    ComposePreset.WRONG_PROJECT: "Wrong project",
}
"""Each claim preset as menus and messages name it."""


class ComposePresets:
    """The presets for ``document``; each method answers ``None`` when done, else why not (the
    status bar says it too)."""

    def __init__(self, document: InspectorDocument) -> None:
        self.document = document

    def _unreadable(self) -> str | None:
        document = self.document
        inspection = document.inspection
        checking = document.draft.mode is Mode.CHECKING
        if checking and inspection is not None and inspection.payload is None:
            return "the token's payload cannot be read: there are no claims to start from"
        return None

    def problem(self, preset: ComposePreset) -> str | None:
        """Why ``preset`` cannot apply to the token shown now (``None``: it can)."""
        draft = self.document.draft
        unreadable = self._unreadable()
        if unreadable is not None:
            return unreadable
        return preset_edits(
            preset,
            draft.payload,
            now=self.document.clock(),
            leeway=draft.leeway,
            project_id=draft.project().project_id,
        ).problem

    def apply(self, preset: ComposePreset) -> str | None:
        """Compose the token shown as the ``preset`` case (re-signed with the project's key)."""
        document = self.document
        draft = document.draft
        edits = preset_edits(
            preset,
            draft.payload,
            now=document.clock(),
            leeway=draft.leeway,
            project_id=draft.project().project_id,
        )
        problem = self._unreadable() or edits.problem
        if problem is not None:
            document.notify(f"{PRESET_WORDS[preset]}: {problem}")
            return problem
        for name, value in edits.values:
            document.edit_claim(name, value)
        document.notify(f"Composed: {PRESET_WORDS[preset]}")
        return None

    def other_secret_problem(self, secret: str | None = None) -> str | None:
        """Why ``secret`` cannot sign the token shown (``None``: whether any other could)."""
        document = self.document
        if secret is None:
            problem = other_secret_problem(document.draft.algorithm, "?", "")
        else:
            problem = other_secret_problem(
                document.draft.algorithm, secret, document.keyring.secret_text
            )
        return self._unreadable() or problem

    def sign_with_other_secret(self, secret: str) -> str | None:
        """Sign the header and claims shown with ``secret`` instead of the project's secret,
        then check that token (as pasted) against the project's secret. ``secret`` is used
        for this one signature and not kept."""
        document = self.document
        problem = self.other_secret_problem(secret)
        if problem is None:
            signed = compose(document.draft, KeyChoice(verify=None, sign=secret_key(secret)))
            problem = signed.stale
        if problem is not None:
            document.notify(f"Nothing signed: {problem}")
            return problem
        document.edit_token(signed.token)
        document.notify(
            "Signed with the other secret (not kept): now checking it against the project's secret"
        )
        return None
