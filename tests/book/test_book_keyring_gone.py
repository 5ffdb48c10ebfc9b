"""A long-lived process (the window) keeps the keyring backend it chose; when that keyring goes
away (the session bus ends), the book says so in words instead of raising keyring's or D-Bus's
own errors. Against a real Secret Service that is then stopped."""

from __future__ import annotations

from pathlib import Path

import keyring.core
import pytest

from tests.book.secret_service import SecretServiceMissing, secret_service
from tiledesk_jwt_gui.core import KeyringStore, KeyringUnavailable

SECRET = "gone-keyring-secret-1b2c3d4e5f60718293a4"


def test_a_keyring_that_went_away_is_unavailable_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    try:
        with secret_service(tmp_path / "home") as session:
            for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"):
                monkeypatch.setenv(name, session.env[name])
            monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.env["DBUS_SESSION_BUS_ADDRESS"])
            monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
            store = KeyringStore()
            store.put("work", SECRET)
            assert store.get("work") == SECRET
    except SecretServiceMissing as exc:
        pytest.skip(f"no Secret Service: {exc}")
    # The bus is gone; the backend is chosen again, as a new call in the same process would.
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    with pytest.raises(KeyringUnavailable) as raised:
        store.get("work")
    message = str(raised.value)
    assert message.startswith("no system keyring is available")
    assert SECRET not in message
