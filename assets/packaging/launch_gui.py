"""PyInstaller entry script for the window (``tiledesk-jwt-gui``): absolute imports only, so the
frozen app imports the package exactly as an installed one does."""

import sys

from tiledesk_jwt_gui.app import main

if __name__ == "__main__":
    sys.exit(main())
