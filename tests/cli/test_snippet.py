"""``tiledesk-jwt snippet`` end to end through ``main``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tiledesk_jwt_gui.cli import main

PROJECT = "65a1b2c3d4e5f60718293a4b"


def test_python_snippet_for_composed_claims_is_valid_python(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(
        [
            "snippet",
            "--lang",
            "python",
            "--project-id",
            PROJECT,
            "--user-id",
            "42",
            "--expires-in",
            "10m",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    tree = ast.parse(out)
    assert tree.body
    assert f'"_id": "{PROJECT}_42"' in out
    assert '"exp": now + 600' in out
    assert 'os.environ.get("TILEDESK_SECRET")' in out


def test_claims_file_is_used_as_is(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    claims = tmp_path / "claims.json"
    claims.write_text(
        '{"sub": "userexternal", "weird": "a\\u202eb", "iat": 10, "exp": 70}', "utf-8"
    )
    assert main(["snippet", "--lang", "node", "--claims", str(claims)]) == 0
    out = capsys.readouterr().out
    assert '"weird": "a\\u202eb"' in out
    assert '"exp": now + 60' in out


def test_notes_go_to_standard_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    claims = tmp_path / "claims.json"
    claims.write_text('{"big": 123456789012345678901}', "utf-8")
    assert main(["snippet", "--lang", "go", "--claims", str(claims)]) == 0
    err = capsys.readouterr().err
    assert "note: big: the integer 123456789012345678901" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["snippet", "--lang", "php"], "give the claims"),
        (["snippet", "--lang", "widget"], "needs the project id"),
        (["snippet", "--lang", "widget", "--project-id", "x"], "24 hexadecimal"),
        (["snippet", "--lang", "curl", "--server", "ftp://x"], "must start with http"),
    ],
)
def test_bad_input_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_widget_page_from_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "snippet",
                "--lang",
                "widget",
                "--project-id",
                PROJECT,
                "--token",
                "a.b.c",
                "--server",
                "https://td.example/api",
            ]
        )
        == 0
    )
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>")
    assert '"server": "https://td.example/api/"' in page
    assert "autoStart: false" in page
