"""Looks and reach: palette-derived colours readable in light and dark, names for every
control, keyboard shortcuts, the icon, and a layout that fits 1000×700."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QPalette, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenuBar,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tiledesk_jwt_gui.core import (
    DEMO_PROJECT_ID,
    JSONValue,
    Mode,
    SignatureStatus,
    secret_key,
    sign_token,
)
from tiledesk_jwt_gui.ui import InspectorWindow
from tiledesk_jwt_gui.ui.style.icons import resource_path
from tiledesk_jwt_gui.ui.style.tones import MIN_CONTRAST, contrast_ratio, is_dark, tones_for
from tiledesk_jwt_gui.ui.widgets.token_edit import TokenEdit
from tiledesk_jwt_gui.ui.window.screenshot import dark_palette

from .conftest import CONTRACT_CLAIMS, child

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QListWidget,
    QTabWidget,
)


def segment_formats(edit: TokenEdit) -> list[QTextCharFormat]:
    selections = edit.extraSelections()
    return [QTextCharFormat(selection.format) for selection in selections]


@pytest.mark.parametrize("dark", [False, True])
def test_segment_colours_are_readable(window: InspectorWindow, dark: bool) -> None:
    if dark:
        window.setPalette(dark_palette())
    edit = child(window, TokenEdit, "tokenEdit")
    base = edit.palette().color(QPalette.ColorRole.Base)
    assert is_dark(edit.palette()) is dark
    colours = edit.segment_colours()
    for name in ("header", "payload", "signature"):
        assert contrast_ratio(colours[name], base) >= MIN_CONTRAST, name
    painted = {fmt.foreground().color().name() for fmt in segment_formats(edit)}
    assert {colours[n].name() for n in ("header", "payload", "signature")} <= painted
    tones = window.tones
    for fill, text in (
        (tones.good_fill, tones.good_text),
        (tones.bad_fill, tones.bad_text),
        (tones.warn_fill, tones.warn_text),
        (tones.info_fill, tones.info_text),
    ):
        assert contrast_ratio(fill, text) >= MIN_CONTRAST


def test_light_and_dark_tones_differ(window: InspectorWindow) -> None:
    light = tones_for(window.palette())
    dark = tones_for(dark_palette())
    assert light.header != dark.header
    assert (
        contrast_ratio(dark.header, dark_palette().color(QPalette.ColorRole.Base)) >= MIN_CONTRAST
    )


def test_dark_render_has_no_crash_and_real_pixels(qtbot: QtBot, window: InspectorWindow) -> None:
    window.setPalette(dark_palette())
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    image = window.grab().toImage()
    assert image.width() >= 1000
    assert image.pixelColor(500, 650).lightness() < 128  # a dark window


def test_bad_signature_is_underlined_with_its_reason(window: InspectorWindow) -> None:
    edit = child(window, TokenEdit, "tokenEdit")
    token = edit.toPlainText()
    edit.setPlainText(token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    wavy = [
        f
        for f in segment_formats(edit)
        if f.underlineStyle() is QTextCharFormat.UnderlineStyle.WaveUnderline
    ]
    assert len(wavy) == 1
    tip = edit.segment_tip(len(edit.toPlainText()) - 1)
    assert tip is not None
    assert tip.startswith("Signature")
    assert "does not match" in tip
    assert edit.segment_tip(0) == "Header"


def test_every_control_has_a_name_and_an_accessible_name(window: InspectorWindow) -> None:
    missing = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS):
            continue
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox | QLineEdit | QMenuBar):
            continue  # parts Qt builds inside a control: its clear button, its line edit
        if not widget.objectName() or not widget.accessibleName():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert not missing


def test_claim_fields_explain_themselves(window: InspectorWindow) -> None:
    for name in CONTRACT_CLAIMS:
        tip = window.claims_form.fields[name].toolTip()
        assert tip, name
        assert "Tiledesk" in tip or "RFC" in tip, name


def test_shortcuts(qtbot: QtBot, shown: InspectorWindow) -> None:
    assert child(shown, QAction, "focusSecretAction").shortcut().toString() == "Ctrl+K"
    assert child(shown, QAction, "pasteTokenAction").shortcut().toString() == "Ctrl+Shift+V"
    assert child(shown, QAction, "copyTokenAction").shortcut().toString() == "Ctrl+Shift+C"
    child(shown, QAction, "focusSecretAction").trigger()
    assert shown.focusWidget() is child(shown, QLineEdit, "secretEdit")
    child(shown, QAction, "focusTokenAction").trigger()
    assert shown.focusWidget() is child(shown, QPlainTextEdit, "tokenEdit")
    child(shown, QAction, "jsonTabAction").trigger()
    assert child(shown, QTabWidget, "detailTabs").currentIndex() == 1


@pytest.mark.parametrize("size", [(1000, 700), (1400, 900)])
def test_layout_fits_without_clipping(
    qtbot: QtBot, window: InspectorWindow, size: tuple[int, int]
) -> None:
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() == size[0]
    assert window.height() == size[1]
    for name in (
        "copyTokenButton",
        "copyAuthHeaderButton",
        "copyWidgetCallButton",
        "copyCurlButton",
        "modeButton",
        "secretRevealButton",
    ):
        button = window.findChild(QAbstractButton, name)
        assert button is not None, name
        assert button.isVisible(), name
        assert button.width() >= button.sizeHint().width(), name
    badge = child(window, QLabel, "signatureBadge")
    assert badge.width() >= badge.sizeHint().width()
    verdict = child(window, QLabel, "verdictLabel")
    assert verdict.width() >= verdict.fontMetrics().horizontalAdvance(verdict.text()) - 1
    for name in ("tokenEdit", "issuesList", "secretEdit", "claim_email", "claimSeconds_exp"):
        widget = window.findChild(QWidget, name)
        assert widget is not None
        assert widget.width() >= widget.minimumSizeHint().width(), name
        assert widget.width() > 100, name


def test_window_icon_is_packaged(window: InspectorWindow) -> None:
    assert not window.windowIcon().isNull()
    assert resource_path("icon.png").endswith("icon.png")
    assert not window.windowIcon().pixmap(64, 64).isNull()


def test_palette_change_recolours(window: InspectorWindow) -> None:
    edit = child(window, TokenEdit, "tokenEdit")
    light = edit.segment_colours()["header"]
    window.setPalette(dark_palette())
    assert edit.segment_colours()["header"] != light
    window.setPalette(QApplication.palette())
    assert edit.segment_colours()["header"] == light


def test_a_palette_change_is_no_edit_of_a_pasted_token(window: InspectorWindow) -> None:
    """Recolouring the JSON editors marks their text changed (QSyntaxHighlighter): taken for an
    edit, it re-signed a pasted forgery with the secret typed, and showed it verified."""
    claims: dict[str, JSONValue] = {
        "sub": "userexternal",
        "aud": f"https://tiledesk.com/projects/{DEMO_PROJECT_ID}",
        "attributes": {"plan": "gold"},
        "role": "admin",
    }
    forged = sign_token(
        None, claims, secret_key("not-the-project-secret-0123456789abcdef"), "HS256"
    )
    window.document.paste_token(forged)
    assert window.claims_form.attributes_edit.toPlainText()  # the editors hold text to colour
    for palette in (dark_palette(), QApplication.palette()):
        window.setPalette(palette)
        assert window.document.draft.mode is Mode.CHECKING
        assert window.token_text() == forged
        assert window.verdict is not None
        assert window.verdict.signature.status is SignatureStatus.INVALID
        assert window.badge.text() != "Signature Verified"


def test_the_findings_glyphs_follow_the_palette(window: InspectorWindow) -> None:
    window.document.paste_token("not.a.token")
    issues = child(window, QListWidget, "issuesList")
    assert issues.count() > 0

    def glyph_colour() -> int:
        item = issues.item(0)
        assert item is not None
        image = item.icon().pixmap(16, 16).toImage()
        return image.pixel(3, 8)  # on the disc, off the glyph's stroke

    light = glyph_colour()
    assert light != 0  # painted
    window.setPalette(dark_palette())
    assert glyph_colour() != light
    window.setPalette(QApplication.palette())
    assert glyph_colour() == light


def test_mode_button_is_labelled_for_the_direction(window: InspectorWindow) -> None:
    button = child(window, QPushButton, "modeButton")
    assert button.text() == "Keep this token, stop re-signing"
    child(window, QPlainTextEdit, "tokenEdit").setPlainText("abc")
    assert button.text() == "Re-sign this token with my secret"
