"""The text the copy actions put on the clipboard: the token as Tiledesk's clients send it.

Only the token goes in; a secret or a key never does (these functions are not given one).
"""

from __future__ import annotations

import shlex

__all__ = [
    "DEFAULT_SERVER_BASE",
    "SIGNIN_PATH",
    "authorization_header",
    "curl_command",
    "normalise_base_url",
    "widget_call",
]

DEFAULT_SERVER_BASE = "https://api.tiledesk.com/v3"
SIGNIN_PATH = "auth/signinWithCustomToken"


def authorization_header(token: str) -> str:
    """The HTTP header Tiledesk reads (the ``JWT`` scheme; ``Bearer`` is refused)."""
    return f"Authorization: JWT {token}"


def widget_call(token: str) -> str:
    """The web widget's sign-in call; the caller adds the ``JWT `` prefix, as the docs show."""
    quoted = token.replace("\\", "\\\\").replace("'", "\\'")
    return f"window.Tiledesk('signInWithCustomToken', 'JWT {quoted}');"


def normalise_base_url(base: str) -> str:
    """``base`` without surrounding spaces and trailing slashes; the public API if empty."""
    cleaned = base.strip().rstrip("/")
    return cleaned or DEFAULT_SERVER_BASE


def curl_command(base: str, token: str) -> str:
    """A ``curl`` POST of the token to ``<base>/auth/signinWithCustomToken``."""
    url = f"{normalise_base_url(base)}/{SIGNIN_PATH}"
    header = shlex.quote(authorization_header(token))
    return f"curl -X POST {shlex.quote(url)} -H {header}"
