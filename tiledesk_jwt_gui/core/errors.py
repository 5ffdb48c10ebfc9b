"""The core's exception tree: one base class, a subclass per kind of failure.

Public functions that *judge* input (``inspect_token``, ``judge``) never raise: a broken token is
a result. Functions that *build* something from user input (loading a key, signing, parsing a
duration) raise a subclass of :class:`CoreError` whose message names what is wrong. Messages
never contain secret material.
"""

from __future__ import annotations

__all__ = [
    "CoreError",
    "InputError",
    "KeyLoadError",
    "SignError",
]


class CoreError(Exception):
    """Base of every error the core raises on purpose."""


class InputError(CoreError, ValueError):
    """A value typed by a person (a time, a duration, a JSON document) cannot be used."""


class KeyLoadError(CoreError, ValueError):
    """Key material (secret, PEM, JWK, JWKS) cannot be turned into a usable key."""


class SignError(CoreError, ValueError):
    """A token cannot be signed with the given header, claims, key and algorithm."""
