"""PyInstaller entry script for the command line (``tiledesk-jwt``), the second executable in
the bundle folder: absolute imports only."""

import sys

from tiledesk_jwt_gui.cli import main

if __name__ == "__main__":
    sys.exit(main())
