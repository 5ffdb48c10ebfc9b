"""What the window offers for the integration, read from one inspection: the code that signs
its claims in a language, the widget test page for its project, and which remembered project
a pasted token belongs to.

Every answer is a value: a :class:`Sample`, or a :class:`NoSample` saying in words why there is
none (a payload that is not an object, no project id, a server URL that is not one). Nothing
here raises, and no secret is ever an input: the samples read theirs from ``TILEDESK_SECRET``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .book import Book, BookEntry
from .encoding import JSONValue
from .errors import CoreError
from .samples import SERVER_LANGUAGES, Sample, SampleLanguage, snippet
from .tiledesk import ProjectField, token_project_id

__all__ = ["NoSample", "book_entry_for_token", "page_project", "sample_for"]


@dataclass(frozen=True)
class NoSample:
    """Why no code can be written now (a sentence, for the Code tab)."""

    reason: str


def page_project(field: ProjectField) -> str | None:
    """The project a widget page signs in to: the project id field's, else the token's."""
    return field.project_id or field.token_project


def sample_for(
    language: SampleLanguage,
    payload: JSONValue,
    field: ProjectField,
    *,
    token: str | None,
    server: str,
) -> Sample | NoSample:
    """The ``language`` sample for an inspection: server-side code signing ``payload``'s claims
    (``exp`` as far from ``iat`` as in the claims, else an hour), the widget test page for the
    project with ``token`` (``None``: no up-to-date token, the page asks for one), or the curl
    script of the widget's two calls."""
    if language in SERVER_LANGUAGES and not isinstance(payload, dict):
        return NoSample("The token's payload is not a JSON object: there are no claims to sign.")
    project = page_project(field)
    if language is SampleLanguage.WIDGET and project is None:
        return NoSample(
            "The widget page needs the project id: enter it, or paste a token whose aud "
            "names the project."
        )
    try:
        if language in SERVER_LANGUAGES:
            assert isinstance(payload, dict)
            return snippet(language, payload)
        return snippet(language, project_id=project, token=token or "", server=server)
    except CoreError as exc:
        text = str(exc)
        return NoSample(f"No {language.value} code: {text[:1].upper()}{text[1:]}.")


def book_entry_for_token(book: Book, payload: JSONValue) -> BookEntry | None:
    """The remembered project a token is for (its ``aud`` names it) whose secret is in the
    keyring; the first one, when several names share the project id."""
    project = token_project_id(payload)
    if project is None:
        return None
    return next((entry for entry in book.for_project(project) if entry.secret_in_keyring), None)
