"""The size and start-up baseline: a bare PySide6 "hello window", built by the same spec with
the same options (``pyinstaller tiledesk-jwt-gui.spec -- --bare``). ``--smoke`` quits from the
event loop as soon as the window is shown, as the app's ``--smoke`` does after its checks."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = QLabel("Hello")
    window.show()
    if "--smoke" in sys.argv:
        QTimer.singleShot(0, app.quit)
    sys.exit(app.exec())
