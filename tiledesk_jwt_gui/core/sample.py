"""The embedded sample: a demo project, a demo secret and the docs' example user.

Every value here is public and for demonstration only (the window labels it so). The RSA and
EC keys let the smoke test prove that the asymmetric crypto backend works in a bundle.
"""

from __future__ import annotations

from typing import Final

from .demo_keys import DEMO_EC_PRIVATE_KEY_PEM, DEMO_RSA_PRIVATE_KEY_PEM
from .encoding import JSONValue
from .tiledesk import tiledesk_audience

__all__ = [
    "DEMO_EC_PRIVATE_KEY_PEM",
    "DEMO_PROJECT_ID",
    "DEMO_RSA_PRIVATE_KEY_PEM",
    "DEMO_SECRET",
    "demo_claims",
]

DEMO_PROJECT_ID: Final = "65a1b2c3d4e5f60718293a4b"
DEMO_SECRET: Final = "demo0b7c-2d41-4c8a-9f6e-5a3b2c1d0e9f"  # noqa: S105 (public demo)
"""A demo secret, 36 characters like Tiledesk's own: never a real project's."""


def demo_claims(now: int) -> dict[str, JSONValue]:
    """The example user of Tiledesk's JWT Authentication page, for the demo project."""
    return {
        "_id": f"{DEMO_PROJECT_ID}_12345678",
        "firstname": "Andrea",
        "lastname": "Leo",
        "email": "andrea.leo@email.com",
        "attributes": {"attribute1": "value"},
        "sub": "userexternal",
        "aud": tiledesk_audience(DEMO_PROJECT_ID),
        "iat": now,
        "exp": now + 3600,
    }
