"""What the claims form says about each claim: tooltips (Tiledesk's reading of the claim, with
the RFC), placeholders, and the subjects offered."""

from __future__ import annotations

__all__ = ["OTHER", "PLACEHOLDERS", "SUBJECT_TIPS", "TOOLTIPS"]

OTHER = "other"
"""The name of the other-claims editor among the form's fields and messages."""
SUBJECT_TIPS = (
    "custom authentication (documented)",
    "an anonymous widget visitor (works, not documented for custom auth)",
    "a Tiledesk user token (issued by Tiledesk itself, not custom auth)",
)

TOOLTIPS = {
    "_id": "The user's id. Tiledesk requires it (a missing or empty _id is rejected) and the "
    "docs ask for '<project id>_<your user id>', so that ids never collide across projects.",
    "sub": "Subject (RFC 7519 §4.1.2). Tiledesk reads it as the kind of account: custom "
    "authentication needs 'userexternal' (exact case); other values are looked up as bots, "
    "webhook subscriptions or registered users, where an external user is not found.",
    "aud": "Audience (RFC 7519 §4.1.3). Tiledesk picks the secret that verifies the token from "
    "its path: https://tiledesk.com/projects/<project id> selects that project's secret.",
    "email": "The user's e-mail (the docs list it as required). Tiledesk stores it on the lead; "
    "with a staff role it signs up a real account from it.",
    "firstname": "Given name. Tiledesk shows firstname + ' ' + lastname as the visitor's name.",
    "lastname": "Family name. Tiledesk shows firstname + ' ' + lastname as the visitor's name.",
    "attributes": "A JSON object of your own key/value pairs; Tiledesk stores them on the lead.",
    "iat": "Issued at (RFC 7519 §4.1.6): when the token was made. Tiledesk does not check it.",
    "nbf": "Not before (RFC 7519 §4.1.5): the token is refused until this second. Tiledesk "
    "checks it, with no clock tolerance.",
    "exp": "Expiration time (RFC 7519 §4.1.4): the token is refused from this second on. "
    "Tiledesk checks it, with no clock tolerance.",
    OTHER: "Every other claim, as one JSON object: iss, jti, role… With role owner, admin or "
    "agent Tiledesk signs up a real dashboard account.",
}
PLACEHOLDERS = {
    "_id": "<project id>_<user id>   (required)",
    "aud": "https://tiledesk.com/projects/<project id>",
    "email": "user@example.com",
    "firstname": "Given name",
    "lastname": "Family name",
}
