"""tiledesk-jwt-gui: an offline inspector for JSON Web Tokens and Tiledesk custom authentication.

The package has one pure core (``tiledesk_jwt_gui.core``) and two faces over it: the command
line (``tiledesk_jwt_gui.cli``) and the Qt window (``tiledesk_jwt_gui.ui`` and ``app``).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("tiledesk-jwt-gui")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
