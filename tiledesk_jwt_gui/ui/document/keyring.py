"""The key inputs of one inspection, and the keys read from them: the secret (read at once: an
HMAC key is its bytes), the public and the private key (read on the worker thread; a reading
that a newer text has overtaken is dropped by its generation). Plain Python: the document owns
one and hands the reading to its worker."""

from __future__ import annotations

from ...core import (
    Key,
    KeyChoice,
    KeyLoadError,
    KeyNote,
    choose_keys,
    key_status,
    secret_key,
    secret_note,
    signing_key,
)

__all__ = ["KeyRing", "read_keys"]

ReadResult = tuple[tuple[Key, ...], str | None]


def read_keys(load: object, text: str) -> ReadResult:
    """The keys in ``text`` read by ``load`` (the core's reader), or why there are none."""
    assert callable(load)
    try:
        keys = load(text)
    except KeyLoadError as exc:
        return (), str(exc)
    return tuple(keys), None


class KeyRing:
    """What was entered, and what the core made of it. Never written anywhere."""

    def __init__(self) -> None:
        self.secret_text = ""
        self.secret_base64 = False
        self.public_text = ""
        self.private_text = ""
        self._secret: Key | None = None
        self._secret_problem: str | None = None
        self._public: tuple[Key, ...] = ()
        self._public_problem: str | None = None
        self._private: Key | None = None
        self._private_problem: str | None = None
        self._reading: set[str] = set()
        self._generations = {"public": 0, "private": 0}

    # --- what is asked -------------------------------------------------------------------------

    def choice(self, algorithm: str) -> KeyChoice:
        return choose_keys(
            algorithm,
            secret=self._secret,
            secret_problem=self._secret_problem,
            public=self._public,
            public_problem=self._public_problem,
            private=self._private,
            private_problem=self._private_problem,
        )

    @property
    def busy(self) -> bool:
        return bool(self._reading)

    def reading(self, which: str) -> bool:
        return which in self._reading

    def secret_note(self, algorithm: str) -> KeyNote:
        return secret_note(self._secret, self.secret_text, algorithm)

    @property
    def secret_problem(self) -> str | None:
        return self._secret_problem

    def public_status(self) -> KeyNote:
        if "public" in self._reading:
            return KeyNote("Reading the key…")
        return key_status(
            self._public, self._public_problem, "Empty: the private key's public half verifies."
        )

    def private_status(self) -> KeyNote:
        if "private" in self._reading:
            return KeyNote("Reading the key…")
        keys = (self._private,) if self._private else ()
        return key_status(keys, self._private_problem, "Empty: composed tokens cannot be signed.")

    def texts(self) -> list[str]:
        """The secret and the private key as entered (to keep them out of error reports)."""
        return [t for t in (self.secret_text, self.private_text) if t.strip()]

    # --- changes -------------------------------------------------------------------------------

    def set_secret(self, text: str, *, base64_encoded: bool | None = None) -> None:
        if base64_encoded is not None:
            self.secret_base64 = base64_encoded
        self.secret_text = text
        self._secret, self._secret_problem = None, None
        if text:
            try:
                self._secret = secret_key(text, base64_encoded=self.secret_base64)
            except KeyLoadError as exc:
                self._secret_problem = str(exc)

    def start_reading(self, which: str, text: str) -> int | None:
        """Take ``text`` for the ``public`` or ``private`` key; the generation of the reading
        to wait for, or ``None`` when the text is empty (nothing to read)."""
        if which == "public":
            self.public_text = text
            self._public, self._public_problem = (), None
        else:
            self.private_text = text
            self._private, self._private_problem = None, None
        self._generations[which] += 1
        if not text.strip():
            self._reading.discard(which)
            return None
        self._reading.add(which)
        return self._generations[which]

    def finish_reading(self, which: str, generation: int, result: ReadResult) -> bool:
        """Take what the worker read; ``False`` when a newer text has overtaken it."""
        if generation != self._generations[which] or which not in self._reading:
            return False
        self._reading.discard(which)
        keys, problem = result
        if which == "public":
            self._public, self._public_problem = keys, problem
        elif problem is not None or not keys:
            self._private, self._private_problem = None, problem or "no key was read"
        else:
            chosen = signing_key(keys)
            self._private, self._private_problem = (
                (chosen, None) if isinstance(chosen, Key) else (None, chosen)
            )
        return True

    def forget_public(self) -> None:
        self.start_reading("public", "")

    def forget_secrets(self) -> None:
        """Drop the secret and the private key (a reading under way is dropped too)."""
        self.set_secret("")
        self.start_reading("private", "")
