"""A file dropped anywhere on the window (not only on the token pane) is looked through for a
token: the window accepts drags of local files and hands the file to the document
(``TokenFiles``). Fields that take dropped text keep taking it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from ..document import InspectorDocument
from ..document.token_files import TokenFiles

__all__ = ["FileDrop"]


def _local_file(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> str | None:
    local = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
    return local[0] if local else None


class FileDrop(QObject):
    """Installed on ``window``: drops of local files go to ``TokenFiles.open_file``."""

    def __init__(self, window: QWidget, document: InspectorDocument) -> None:
        super().__init__(window)
        self.files = TokenFiles.of(document)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QDragEnterEvent | QDragMoveEvent) and _local_file(event):
            event.acceptProposedAction()
            return True
        if isinstance(event, QDropEvent) and event.type() == QEvent.Type.Drop:
            path = _local_file(event)
            if path:
                event.acceptProposedAction()
                self.files.open_file(Path(path))
                return True
        return super().eventFilter(watched, event)
