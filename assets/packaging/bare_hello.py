"""The size and start-up baseline: a bare PySide6 main window, built by the same spec with the
same options (``pyinstaller tiledesk-jwt-gui.spec -- --bare``). ``--smoke`` quits from the event
loop as soon as the window is shown, as the app's ``--smoke`` does after its checks; with
``TILEDESK_JWT_GUI_FIRST_FRAME=1`` it quits after its first painted frame, the point ``make
bench`` times the app to (``tiledesk_jwt_gui/first_frame.py``, the one module of the app this
bundle holds)."""

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from tiledesk_jwt_gui.first_frame import FIRST_FRAME_VARIABLE, quit_after_first_frame

if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.show()
    if os.environ.get(FIRST_FRAME_VARIABLE):
        quit_after_first_frame(window)
    elif "--smoke" in sys.argv:
        QTimer.singleShot(0, app.quit)
    sys.exit(app.exec())
