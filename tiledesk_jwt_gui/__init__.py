"""tiledesk-jwt-gui: an offline inspector for JSON Web Tokens and Tiledesk custom authentication.

The package has one pure core (``tiledesk_jwt_gui.core``) and two faces over it: the command
line (``tiledesk_jwt_gui.cli``) and the Qt window (``tiledesk_jwt_gui.ui`` and ``app``).
"""

from __future__ import annotations

__all__ = ["__version__"]


def __getattr__(name: str) -> str:
    # Read lazily: importlib.metadata costs tens of milliseconds, and the command line only
    # needs the version when asked for it.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

        try:
            return version("tiledesk-jwt-gui")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0.0.0"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
