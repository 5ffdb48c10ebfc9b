"""The floor for a window of the inspector's size: its widget tree rebuilt in plain Qt, no logic.

``make bench`` starts this script next to the real app and a bare ``QMainWindow`` and times each
to its first painted frame (``tiledesk_jwt_gui/first_frame.py``). The tree is read from
``replica_tree.json``: the same Qt classes (a subclass of the app is built as its Qt base), in the
same layouts and containers, with the same texts, style sheets, fonts and sizes as the real
window shows with its sample, but no signal connected, no core, no verdict computed.

    python -m tests.bench.replica            # show the replica, quit after its first frame
    python -m tests.bench.replica --update   # record replica_tree.json from the real window

``tests/bench/test_replica.py`` builds both and compares their widgets, class by class, so the
replica cannot drift from the window: after a change to the window, run ``--update``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, QMargins, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizeGrip,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

__all__ = ["TREE", "build", "describe", "main", "qt_class"]

TREE = Path(__file__).with_name("replica_tree.json")
Node = dict[str, Any]

# The Qt classes the replica can build, most specific first.
_CLASSES: tuple[type[QWidget], ...] = (
    QMainWindow,
    QTabWidget,
    QSplitter,
    QScrollArea,
    QStackedWidget,
    QGroupBox,
    QPlainTextEdit,
    QLineEdit,
    QDateTimeEdit,
    QSpinBox,
    QComboBox,
    QListWidget,
    QTreeWidget,
    QCheckBox,
    QRadioButton,
    QPushButton,
    QToolButton,
    QLabel,
    QFrame,
    QWidget,
)


def qt_class(widget: QWidget) -> type[QWidget]:
    """The Qt class a widget is built as: its own if it is Qt's, else its nearest Qt base."""
    for kind in type(widget).__mro__:
        if kind.__module__.startswith("PySide6"):
            assert issubclass(kind, QWidget)
            return kind
    return QWidget


# --- recording the real window ---------------------------------------------------------------


def _present(widget: QWidget | None) -> QWidget:
    assert widget is not None
    return widget


def _text(value: str) -> str:
    return "(a private key)" if "PRIVATE KEY" in value else value


def _common(widget: QWidget) -> Node:
    node: Node = {"class": qt_class(widget).__name__}
    if widget.objectName():
        node["name"] = widget.objectName()
    if widget.styleSheet():
        node["style"] = widget.styleSheet()
    if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
        font = widget.font()
        node["font"] = [font.family(), font.pointSizeF(), font.bold()]
    if widget.isHidden() and not widget.isWindow():
        node["hidden"] = True
    if widget.minimumSize() != QSize(0, 0):
        node["min"] = [widget.minimumWidth(), widget.minimumHeight()]
    if widget.maximumSize() != QSize(16777215, 16777215):
        node["max"] = [widget.maximumWidth(), widget.maximumHeight()]
    return node


def _menu(menu: QMenu) -> Node:
    actions: list[Any] = []
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            actions.append(_menu(submenu))
        else:
            actions.append("-" if action.isSeparator() else action.text())
    return {"title": menu.title(), "actions": actions}


def describe(widget: QWidget) -> Node:
    """The replica's description of ``widget`` and of everything its layouts and containers
    hold (Qt's own inner widgets, scroll bars, viewports and so on, are made by Qt again)."""
    node = _common(widget)
    if isinstance(widget, QMainWindow):
        node["size"] = [widget.width(), widget.height()]
        node["title"] = widget.windowTitle()
        menus = [action.menu() for action in widget.menuBar().actions()]
        node["menus"] = [_bar_menu(menu) for menu in menus if isinstance(menu, QMenu)]
        status = widget.statusBar()
        node["status"] = status.currentMessage()
        node["status_widgets"] = [
            describe(child)
            for child in status.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            )
            if status.layout() is not None and not isinstance(child, QSizeGrip)
        ]
        central = widget.centralWidget()
        if central is not None:
            node["central"] = describe(central)
        return node
    if isinstance(widget, QTabWidget):
        node["pages"] = [
            [widget.tabText(i), describe(_present(widget.widget(i)))] for i in range(widget.count())
        ]
        node["current"] = widget.currentIndex()
        node["corners"] = [
            [corner.value, describe(_present(button))]
            for corner in (Qt.Corner.TopLeftCorner, Qt.Corner.TopRightCorner)
            if (button := widget.cornerWidget(corner)) is not None
        ]
        return node
    if isinstance(widget, QSplitter):
        node["orientation"] = widget.orientation().value
        node["children"] = [describe(_present(widget.widget(i))) for i in range(widget.count())]
        node["sizes"] = widget.sizes()
        return node
    if isinstance(widget, QScrollArea):
        node["resizable"] = widget.widgetResizable()
        inner = widget.widget()
        if inner is not None:
            node["child"] = describe(inner)
        return node
    if isinstance(widget, QStackedWidget):
        node["pages"] = [describe(_present(widget.widget(i))) for i in range(widget.count())]
        node["current"] = widget.currentIndex()
        return node
    if isinstance(widget, QPlainTextEdit):
        node["text"] = _text(widget.toPlainText())
        node["read_only"] = widget.isReadOnly()
        node["wrap"] = widget.lineWrapMode().value
        return node
    if isinstance(widget, QLineEdit):
        password = widget.echoMode() != QLineEdit.EchoMode.Normal
        node["text"] = "x" * len(widget.text()) if password else _text(widget.text())
        node["echo"] = widget.echoMode().value
        node["placeholder"] = widget.placeholderText()
        node["read_only"] = widget.isReadOnly()
        node["clear_button"] = widget.isClearButtonEnabled()
        buttons = widget.findChildren(QToolButton)
        node["clear_shown"] = any(not button.isHidden() for button in buttons)
        return node
    if isinstance(widget, QDateTimeEdit):
        node["format"] = widget.displayFormat()
        node["value"] = widget.dateTime().toString(Qt.DateFormat.ISODate)
        node["popup"] = widget.calendarPopup()
        return node
    if isinstance(widget, QSpinBox):
        node["range"] = [widget.minimum(), widget.maximum(), widget.value()]
        node["suffix"] = widget.suffix()
        return node
    if isinstance(widget, QComboBox):
        node["items"] = [widget.itemText(i) for i in range(widget.count())]
        node["current"] = widget.currentIndex()
        node["editable"] = widget.isEditable()
        return node
    if isinstance(widget, QListWidget):
        node["items"] = [widget.item(i).text() for i in range(widget.count())]
        return node
    if isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        node["columns"] = [header.text(c) for c in range(widget.columnCount())]
        items = [widget.topLevelItem(r) for r in range(widget.topLevelItemCount())]
        node["rows"] = [
            [item.text(c) for c in range(widget.columnCount())] for item in items if item
        ]
        return node
    if isinstance(widget, QAbstractButton):
        node["text"] = widget.text()
        node["checkable"] = widget.isCheckable()
        node["checked"] = widget.isChecked()
        menu = widget.menu() if isinstance(widget, QPushButton | QToolButton) else None
        if menu is not None:
            node["menu"] = _menu(menu)
        if isinstance(widget, QToolButton):
            node["auto_raise"] = widget.autoRaise()
        return node
    if isinstance(widget, QLabel):
        node["text"] = _text(widget.text())
        node["wrap"] = widget.wordWrap()
        node["format"] = widget.textFormat().value
        node["align"] = widget.alignment().value
        return node
    if isinstance(widget, QGroupBox):
        node["title"] = widget.title()
    if isinstance(widget, QFrame):
        node["frame"] = [widget.frameShape().value, widget.frameShadow().value]
    layout = widget.layout()
    if layout is not None:
        node["layout"] = _describe_layout(layout)
    return node


def _describe_layout(layout: QLayout) -> Node:
    margins = layout.contentsMargins()
    node: Node = {
        "class": type(layout).__name__,
        "margins": [margins.left(), margins.top(), margins.right(), margins.bottom()],
        "spacing": layout.spacing(),
        "items": [],
    }
    if isinstance(layout, QBoxLayout):
        node["direction"] = layout.direction().value
    if isinstance(layout, QGridLayout):
        node["spacing"] = [layout.horizontalSpacing(), layout.verticalSpacing()]
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        entry: Node = {}
        inner_widget, inner_layout, spacer = item.widget(), item.layout(), item.spacerItem()
        if inner_widget is not None:
            entry["widget"] = describe(inner_widget)
        elif inner_layout is not None:
            entry["layout"] = _describe_layout(inner_layout)
        elif spacer is not None:
            hint = spacer.sizeHint()
            policy = spacer.sizePolicy()
            entry["spacer"] = [
                hint.width(),
                hint.height(),
                policy.horizontalPolicy().value,
                policy.verticalPolicy().value,
            ]
        else:
            continue
        if isinstance(layout, QBoxLayout):
            entry["stretch"] = layout.stretch(index)
        elif isinstance(layout, QGridLayout):
            position: Any = layout.getItemPosition(index)
            entry["grid"] = list(position)
        elif isinstance(layout, QFormLayout):
            place: Any = layout.getItemPosition(index)
            entry["form"] = [place[0], place[1].value]
        entry["align"] = item.alignment().value
        node["items"].append(entry)
    return node


# --- building the replica --------------------------------------------------------------------


def _bar_menu(menu: QMenu) -> Node:
    """A menu of the menu bar; one a button owns (and shows too) names that button."""
    node = _menu(menu)
    owner = menu.parentWidget()
    if isinstance(owner, QAbstractButton) and owner.objectName():
        node["owner"] = owner.objectName()
    return node


def _menu_from(node: Node, parent: QWidget) -> QMenu:
    menu = QMenu(node["title"], parent)
    for action in node["actions"]:
        if isinstance(action, dict):
            menu.addMenu(_menu_from(action, menu))
        elif action == "-":
            menu.addSeparator()
        else:
            menu.addAction(action)
    return menu


def build(node: Node, parent: QWidget | None = None) -> QWidget:
    """A plain-Qt widget from its description (see :func:`describe`)."""
    kind = node["class"]
    widget: QWidget
    if kind == "QMainWindow":
        window = QMainWindow(parent)
        window.setWindowTitle(node["title"])
        if "central" in node:
            window.setCentralWidget(build(node["central"]))
        for menu in node["menus"]:
            owner = window.findChild(QAbstractButton, menu.get("owner", "")) or None
            shared = owner.menu() if isinstance(owner, QPushButton | QToolButton) else None
            window.menuBar().addMenu(shared or _menu_from(menu, window))
        window.statusBar().showMessage(node["status"])
        for child in node["status_widgets"]:
            window.statusBar().addPermanentWidget(build(child))
        window.resize(*node["size"])
        widget = window
    elif kind == "QTabWidget":
        tabs = QTabWidget(parent)
        for label, page in node["pages"]:
            tabs.addTab(build(page), label)
        tabs.setCurrentIndex(node["current"])
        for corner, button in node.get("corners", []):
            tabs.setCornerWidget(build(button), Qt.Corner(corner))
        widget = tabs
    elif kind == "QSplitter":
        splitter = QSplitter(Qt.Orientation(node["orientation"]), parent)
        for child in node["children"]:
            splitter.addWidget(build(child))
        splitter.setSizes(node["sizes"])
        widget = splitter
    elif kind == "QScrollArea":
        area = QScrollArea(parent)
        area.setWidgetResizable(node["resizable"])
        if "child" in node:
            area.setWidget(build(node["child"]))
        widget = area
    elif kind == "QStackedWidget":
        stack = QStackedWidget(parent)
        for page in node["pages"]:
            stack.addWidget(build(page))
        stack.setCurrentIndex(node["current"])
        widget = stack
    else:
        widget = _leaf(node, parent)
    _apply_common(widget, node)
    return widget


def _leaf(node: Node, parent: QWidget | None) -> QWidget:
    kind = node["class"]
    if kind == "QPlainTextEdit":
        edit = QPlainTextEdit(node["text"], parent)
        edit.setReadOnly(node["read_only"])
        edit.setLineWrapMode(QPlainTextEdit.LineWrapMode(node["wrap"]))
        return edit
    if kind == "QLineEdit":
        line = QLineEdit(node["text"], parent)
        line.setEchoMode(QLineEdit.EchoMode(node["echo"]))
        line.setPlaceholderText(node["placeholder"])
        line.setReadOnly(node["read_only"])
        line.setClearButtonEnabled(node["clear_button"])
        for clear in line.findChildren(QToolButton):  # as the window shows it at first
            clear.setVisible(node["clear_shown"])
        return line
    if kind == "QDateTimeEdit":
        when = QDateTimeEdit(parent)
        when.setDisplayFormat(node["format"])
        when.setCalendarPopup(node["popup"])
        when.setDateTime(QDateTime.fromString(node["value"], Qt.DateFormat.ISODate))
        return when
    if kind == "QSpinBox":
        spin = QSpinBox(parent)
        low, high, value = node["range"]
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(node["suffix"])
        return spin
    if kind == "QComboBox":
        combo = QComboBox(parent)
        combo.setEditable(node["editable"])
        combo.addItems(node["items"])
        combo.setCurrentIndex(node["current"])
        return combo
    if kind == "QListWidget":
        listing = QListWidget(parent)
        listing.addItems(node["items"])
        return listing
    if kind == "QTreeWidget":
        tree = QTreeWidget(parent)
        tree.setHeaderLabels(node["columns"])
        tree.addTopLevelItems([QTreeWidgetItem(row) for row in node["rows"]])
        return tree
    if kind in ("QPushButton", "QToolButton", "QCheckBox", "QRadioButton"):
        button: QAbstractButton = {
            "QPushButton": QPushButton,
            "QToolButton": QToolButton,
            "QCheckBox": QCheckBox,
            "QRadioButton": QRadioButton,
        }[kind](parent)
        button.setText(node["text"])
        button.setCheckable(node["checkable"])
        button.setChecked(node["checked"])
        if "menu" in node and isinstance(button, QPushButton | QToolButton):
            button.setMenu(_menu_from(node["menu"], button))
        if isinstance(button, QToolButton):
            button.setAutoRaise(node["auto_raise"])
        return button
    if kind == "QLabel":
        label = QLabel(parent)
        label.setTextFormat(Qt.TextFormat(node["format"]))
        label.setText(node["text"])
        label.setWordWrap(node["wrap"])
        label.setAlignment(Qt.AlignmentFlag(node["align"]))
        return label
    container: QWidget = (
        QGroupBox(node.get("title", ""), parent)
        if kind == "QGroupBox"
        else QFrame(parent)
        if kind == "QFrame"
        else QWidget(parent)
    )
    if isinstance(container, QFrame) and "frame" in node:
        container.setFrameShape(QFrame.Shape(node["frame"][0]))
        container.setFrameShadow(QFrame.Shadow(node["frame"][1]))
    if "layout" in node:
        container.setLayout(_build_layout(node["layout"]))
    return container


def _build_layout(node: Node) -> QLayout:
    kind = node["class"]
    layout: QLayout
    if kind == "QGridLayout":
        grid = QGridLayout()
        grid.setHorizontalSpacing(node["spacing"][0])
        grid.setVerticalSpacing(node["spacing"][1])
        layout = grid
    elif kind == "QFormLayout":
        layout = QFormLayout()
        layout.setSpacing(node["spacing"])
    else:
        layout = QBoxLayout(QBoxLayout.Direction(node.get("direction", 2)))
        layout.setSpacing(node["spacing"])
    layout.setContentsMargins(QMargins(*node["margins"]))
    for entry in node["items"]:
        _add_item(layout, entry)
    return layout


def _add_item(layout: QLayout, entry: Node) -> None:
    from PySide6.QtWidgets import QSizePolicy, QSpacerItem

    align = Qt.AlignmentFlag(entry.get("align", 0))
    if "widget" in entry:
        child: Any = build(entry["widget"])
    elif "layout" in entry:
        child = _build_layout(entry["layout"])
    else:
        width, height, horizontal, vertical = entry["spacer"]
        child = QSpacerItem(
            width, height, QSizePolicy.Policy(horizontal), QSizePolicy.Policy(vertical)
        )
    if isinstance(layout, QGridLayout):
        row, column, rows, columns = entry["grid"]
        if isinstance(child, QWidget):
            layout.addWidget(child, row, column, rows, columns, align)
        elif isinstance(child, QLayout):
            layout.addLayout(child, row, column, rows, columns, align)
        else:
            layout.addItem(child, row, column, rows, columns, align)
    elif isinstance(layout, QFormLayout):
        row, role = entry["form"]
        if isinstance(child, QWidget):
            layout.setWidget(row, QFormLayout.ItemRole(role), child)
        elif isinstance(child, QLayout):
            layout.setLayout(row, QFormLayout.ItemRole(role), child)
        else:
            layout.setItem(row, QFormLayout.ItemRole(role), child)
    elif isinstance(layout, QBoxLayout):
        stretch = entry.get("stretch", 0)
        if isinstance(child, QWidget):
            layout.addWidget(child, stretch, align)
        elif isinstance(child, QLayout):
            layout.addLayout(child, stretch)
        else:
            layout.addItem(child)


def _apply_common(widget: QWidget, node: Node) -> None:
    if "name" in node:
        widget.setObjectName(node["name"])
    if "style" in node:
        widget.setStyleSheet(node["style"])
    if "font" in node:
        family, size, bold = node["font"]
        font = QFont(family)
        if size > 0:
            font.setPointSizeF(size)
        font.setBold(bold)
        widget.setFont(font)
    if "min" in node:
        widget.setMinimumSize(*node["min"])
    if "max" in node:
        widget.setMaximumSize(*node["max"])
    if node.get("hidden"):
        widget.hide()


# --- the command -----------------------------------------------------------------------------


def record(path: Path = TREE) -> Node:
    """Describe the real window with its sample (scratch settings) and write ``path``."""
    import tempfile

    from tiledesk_jwt_gui.app import create_window, scratch_settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        window = create_window(scratch_settings(folder))
        window.show()  # at its default size, as a first start shows it
        app.processEvents()
        tree = describe(window)
        window.close()
    path.write_text(json.dumps(tree, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return tree


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--update", action="store_true", help="record the tree from the window")
    args = parser.parse_args(argv)
    if args.update:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        record()
        print(f"written to {TREE}")
        return 0
    from tiledesk_jwt_gui.first_frame import quit_after_first_frame

    app = QApplication(sys.argv[:1])
    window = build(json.loads(TREE.read_text(encoding="utf-8")))
    window.show()
    quit_after_first_frame(window)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
