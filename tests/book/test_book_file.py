"""The book's file alone (no keyring needed: these entries carry no secret)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from tiledesk_jwt_gui.core import BookError, load_book, remember_project, secret_fingerprint
from tiledesk_jwt_gui.core.book import Book, BookEntry, config_dir, forget_project, save_book

PROJECT = "65a1b2c3d4e5f60718293a4b"


def test_a_missing_book_is_empty(tmp_path: Path) -> None:
    assert load_book(tmp_path / "projects.json") == Book()


def test_entries_round_trip_and_the_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "projects.json"
    entry = remember_project("Shop – EU", PROJECT, server="https://td.example/api", path=path)
    assert entry == BookEntry("Shop – EU", PROJECT, "https://td.example/api/")
    assert load_book(path).entries == (entry,)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_book(path).for_project(PROJECT.upper()) == (entry,)
    forget_project("Shop – EU", path=path)
    assert load_book(path).entries == ()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "is not JSON"),
        ('{"format": 1}', "no list of projects"),
        ('{"format": 2, "projects": []}', "format 2"),
        ('{"format": 1, "projects": [{"name": "x"}]}', "has no 'project_id'"),
        ('{"format": 1, "projects": [{"name": "x", "project_id": "nope"}]}', "24 hexadecimal"),
        (
            '{"format": 1, "projects": [{"name": "\\u001b[31m", "project_id": "' + PROJECT + '"}]}',
            "control characters",
        ),
        (
            '{"format": 1, "projects": [{"name": "x", "project_id": "' + PROJECT + '", '
            '"server": "https://x/\\u001b[2J"}]}',
            "invisible characters",
        ),
        (
            '{"format": 1, "projects": [{"name": "x", "project_id": "' + PROJECT + '", '
            '"secret_changed": "\\u001b[2J"}]}',
            "bad secret_",
        ),
    ],
)
def test_a_damaged_book_says_what_is_wrong(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "projects.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BookError, match=message):
        load_book(path)


def test_forgetting_an_unknown_name_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BookError, match="no project named 'ghost'"):
        forget_project("ghost", path=tmp_path / "projects.json")


def test_the_file_never_holds_a_secret_field(tmp_path: Path) -> None:
    path = tmp_path / "projects.json"
    save_book(
        Book((BookEntry("a", PROJECT, secret_in_keyring=True, secret_changed="2026-01-02"),)), path
    )
    document = json.loads(path.read_text("utf-8"))
    assert set(document["projects"][0]) == {
        "name",
        "project_id",
        "server",
        "secret_in_keyring",
        "secret_changed",
    }


def test_fingerprints_tell_secrets_apart_without_showing_them() -> None:
    one, two = secret_fingerprint("secret-one"), secret_fingerprint("secret-two")
    assert one != two
    assert one.startswith("sha256:")
    assert len(one) == len("sha256:") + 12
    assert "secret" not in one


def test_the_config_folder_follows_the_override(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TILEDESK_JWT_CONFIG_DIR", str(tmp_path))
    assert config_dir() == tmp_path
