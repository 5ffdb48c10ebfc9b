"""The project book beside the document (opt-in): the projects remembered, their secrets'
fingerprints, and the secret of the project a pasted token is for, loaded from the keyring.

The book's file (names, ids, servers; never a secret) and the keyring are the core's
(``core.book``). Every keyring call runs on this book's own worker thread: a Secret Service
answers over D-Bus and may wait for a person to unlock it. Nothing touches the keyring while
no project has a secret in it, so a person who never opts in never meets a keyring prompt.

A secret read from the keyring goes straight into the document's secret (the field shows it
masked) and nowhere else; on the GUI thread only its fingerprint is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot

from ...core import (
    DEMO_SECRET,
    Book,
    BookEntry,
    BookError,
    KeyringStore,
    KeyringUnavailable,
    Mode,
    book_entry_for_token,
    describe_secret,
    forget_project,
    forget_secret,
    load_book,
    remember_project,
    secret_fingerprint,
)
from ...core.book import SecretStore
from .changes import Change
from .companion import Companion
from .worker import Worker

if TYPE_CHECKING:
    from .document import InspectorDocument

__all__ = ["BookNotice", "ProjectBook"]

READING = "reading the keyring…"


@dataclass(frozen=True)
class BookNotice:
    """What the book says about the token shown: ``offer`` names a project whose secret can be
    loaded at a click (the secret field holds one the person typed); ``good`` colours it."""

    text: str
    good: bool | None = None
    offer: str | None = None


def _statuses(entries: tuple[BookEntry, ...], store: SecretStore) -> dict[str, str]:
    return {entry.name: describe_secret(entry, store) for entry in entries}


def _change(action: Callable[[], object], failed: str) -> object:
    """Run ``action`` (an add or a forget); a failure comes back as a :class:`BookError` whose
    message starts with ``failed``."""
    try:
        return action()
    except KeyringUnavailable as exc:
        hint = " Untick “Remember the secret” to remember the project without it."
        return BookError(f"{failed}: {exc}.{hint if 'not stored' in str(exc) else ''}")
    except BookError as exc:
        return BookError(f"{failed}: {exc}.")


def _read_secret(store: SecretStore, name: str) -> str | BookError | None:
    try:
        return store.get(name)
    except BookError as exc:
        return exc


class ProjectBook(Companion):
    """``changed`` says the entries, their statuses, ``problem`` or ``notice`` changed. Made on
    first use (``of``): the window makes it when a token is first checked, or the Book tab shown.
    ``path`` is the book file (default: the core's, read anew each time); ``store`` makes the
    keyring access (called on the worker thread)."""

    changed = Signal()

    def __init__(
        self,
        document: InspectorDocument,
        *,
        path: Path | None = None,
        store: Callable[[], SecretStore] = KeyringStore,
    ) -> None:
        super().__init__(document)
        self._document = document
        self._path = path
        self._store = store
        self.entries: tuple[BookEntry, ...] = ()
        self.statuses: dict[str, str] = {}
        """Each name's secret as shown: a fingerprint, "no secret stored", or why not."""
        self.problem: str | None = None
        """The last thing that went wrong (a damaged book, no keyring), in words."""
        self.notice: BookNotice | None = None
        self.worker = Worker(self)
        self.worker.finished.connect(self._on_finished)
        self._changes = 0
        self._loads = 0
        self._loading: tuple[str, str] = ("", "")
        """The name and project id of the newest secret asked of the keyring."""
        self._statuses_wanted = False
        self._matched_token: str | None = None
        self._loaded: tuple[str, str] | None = None
        """The name and fingerprint of the secret last loaded into the document."""
        self.reload()
        document.changed.connect(self._on_document_changed)
        self._on_document_changed(frozenset({Change.TOKEN}), None)  # the token shown now

    # --- what the panes read -------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.worker.busy

    def find(self, name: str) -> BookEntry | None:
        return Book(self.entries).find(name)

    # --- intents --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the book file again (small: read here); statuses wait for ``refresh_statuses``."""
        try:
            self.entries = load_book(self._path).entries
        except BookError as exc:
            self.entries = ()
            self.problem = str(exc)
        self.statuses = {
            entry.name: self.statuses.get(entry.name, READING)
            if entry.secret_in_keyring
            else "no secret stored"
            for entry in self.entries
        }
        self.changed.emit()
        if self._statuses_wanted:
            self._submit_statuses()

    def refresh_statuses(self) -> None:
        """Read each stored secret's fingerprint (on the worker; only when one is stored)."""
        self._statuses_wanted = True
        self._submit_statuses()

    def remember(
        self, name: str, project_id: str, server: str, secret: str, *, keep_secret: bool
    ) -> None:
        """Add or update ``name``. With ``keep_secret`` a non-empty ``secret`` goes to the
        keyring (an empty one keeps the stored one); without it, a stored secret is removed."""
        path, store = self._path, self._store

        def action() -> object:
            if keep_secret:
                given = secret or None
                return remember_project(
                    name, project_id, server=server, secret=given, store=store(), path=path
                )
            entry = remember_project(name, project_id, server=server, path=path)
            if entry.secret_in_keyring:
                entry = forget_secret(entry.name, store=store(), path=path)
            return entry

        self._submit_change(action, f"“{name}” not remembered")

    def forget(self, name: str) -> None:
        """Remove ``name`` from the book, and its secret from the keyring."""
        path, store = self._path, self._store
        action = partial(forget_project, name, store=store(), path=path)
        self._submit_change(action, f"“{name}” not forgotten")

    def use(self, name: str) -> None:
        """Check against ``name``'s project, with its secret when one is stored."""
        entry = self.find(name)
        if entry is None:
            return
        self._document.set_project_text(entry.project_id)
        if entry.secret_in_keyring:
            self._load(entry)
        else:
            self._say(BookNotice(f"“{entry.name}” has no secret in the keyring: type it."))

    def accept_offer(self) -> None:
        """Load the secret the notice offers, in place of the one typed."""
        offer = self.notice.offer if self.notice is not None else None
        entry = self.find(offer) if offer else None
        if entry is not None:
            self._load(entry)

    def dismiss_notice(self) -> None:
        self._say(None)

    def shutdown(self) -> None:
        self.worker.shutdown()

    # --- inside ----------------------------------------------------------------------------------

    def _say(self, notice: BookNotice | None) -> None:
        self.notice = notice
        self.changed.emit()

    def _submit_statuses(self) -> None:
        if not any(entry.secret_in_keyring for entry in self.entries):
            return
        self.worker.submit("statuses", 0, partial(_statuses, self.entries, self._store()))

    def _submit_change(self, action: Callable[[], object], failed: str) -> None:
        self._changes += 1
        self.problem = None
        job = partial(_change, action, failed)
        self.worker.submit(f"change-{self._changes}", self._changes, job)
        self.changed.emit()

    def _load(self, entry: BookEntry) -> None:
        self._loads += 1
        self._say(BookNotice(f"Reading the secret of “{entry.name}” from the system keyring…"))
        self._loading = (entry.name, entry.project_id)
        self.worker.submit("load", self._loads, partial(_read_secret, self._store(), entry.name))

    def _replaceable(self) -> bool:
        """Whether the secret field may take a remembered secret without asking: it is empty,
        the demo's, or one this book loaded."""
        text = self._document.keyring.secret_text
        if not text or text == DEMO_SECRET:
            return True
        return self._loaded is not None and secret_fingerprint(text) == self._loaded[1]

    @Slot(object, object)
    def _on_document_changed(self, changes: frozenset[Change], _origin: object) -> None:
        if not changes & {Change.TOKEN, Change.PAYLOAD}:
            return
        document = self._document
        draft, inspection = document.draft, document.inspection
        if draft.mode is not Mode.CHECKING or draft.token == self._matched_token:
            return
        if inspection is None or inspection.original != draft.token:
            return  # a large token still being read: its payload is not the draft's yet
        self._matched_token = draft.token
        entry = book_entry_for_token(Book(self.entries), draft.payload)
        if entry is None:
            if self.notice is not None:
                self._say(None)
            return
        text = document.keyring.secret_text
        if text and self._loaded == (entry.name, secret_fingerprint(text)):
            return  # that project's secret is in the field already
        if self._replaceable():
            self._load(entry)
        else:
            self._say(
                BookNotice(
                    f"This token is for “{entry.name}”, whose secret is in the system keyring. "
                    "The secret field holds one you typed: load the remembered one instead?",
                    offer=entry.name,
                )
            )

    @Slot(str, int, object)
    def _on_finished(self, lane: str, generation: int, result: object) -> None:
        if isinstance(result, Exception) and not isinstance(result, BookError):
            raise result  # reported by the exception hook (and failing the tests)
        if lane == "statuses":
            if isinstance(result, dict):
                self.statuses.update(result)
                self.changed.emit()
        elif lane == "load":
            if generation == self._loads:
                self._finish_load(*self._loading, result)
        else:
            if isinstance(result, BookError):
                self.problem = str(result)
            self.reload()
            self._submit_statuses()

    def _finish_load(self, name: str, project_id: str, result: object) -> None:
        if isinstance(result, BookError):
            self._say(BookNotice(f"The secret of “{name}” could not be read: {result}", False))
            return
        if not isinstance(result, str):
            self._say(BookNotice(f"The secret of “{name}” is no longer in the keyring.", False))
            return
        fingerprint = secret_fingerprint(result)
        self._loaded = (name, fingerprint)
        document = self._document
        document.set_secret_base64(False)
        document.set_secret(result)
        text = (
            f"Secret of “{name}” ({fingerprint}) loaded from the system keyring for project "
            f"{project_id}; the secret field shows it masked."
        )
        self._say(BookNotice(text, True))
        document.notify(f"Secret of “{name}” loaded from the system keyring")
