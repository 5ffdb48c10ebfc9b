"""The pure core: parse, verify, sign and judge tokens. Never imports Qt.

Everything the window and the command line use is listed in ``__all__``.
"""

from __future__ import annotations

from .claims import CUSTOM_AUTH_SUBJECT, retarget_project, tiledesk_claims
from .encoding import JsonProblem, JSONValue, parse_json
from .errors import CoreError, InputError, KeyLoadError, SignError
from .issues import Issue, Part, Severity
from .judge import (
    PROJECT_ID_PATTERN,
    Profile,
    TokenKind,
    Verdict,
    judge,
    server_keys_for,
    tiledesk_audience,
)
from .keys import (
    ALL_ALGORITHMS,
    ASYMMETRIC_ALGORITHMS,
    HMAC_ALGORITHMS,
    HMAC_MIN_BYTES,
    Key,
    KeyKind,
    load_key_text,
    looks_like_key_material,
    secret_key,
    select_key,
)
from .parse import MAX_TOKEN_CHARS, DecodedSegment, Inspection, Notice, Segment, Span, inspect_token
from .report import format_report, headline, verdict_to_dict
from .sample import (
    DEMO_EC_PRIVATE_KEY_PEM,
    DEMO_PROJECT_ID,
    DEMO_RSA_PRIVATE_KEY_PEM,
    DEMO_SECRET,
    demo_claims,
)
from .server import UNKNOWN_SECRET, Outcome, ServerKeys, ServerVerdict, Stage, server_verdict
from .sign import sign_token
from .signin import (
    ADMIN_EMAIL,
    HEADER_LIMIT,
    STAFF_ROLES,
    Call,
    CallAnswer,
    SigninFlow,
    header_bytes,
    signin_flow,
    token_length_limit,
)
from .snippets import (
    DEFAULT_SERVER_BASE,
    authorization_header,
    curl_command,
    normalise_base_url,
    widget_call,
)
from .times import TimeInfo, describe_time, format_duration, parse_duration, parse_instant
from .verify import SignatureCheck, SignatureStatus, verify_signature

__all__ = [
    "ADMIN_EMAIL",
    "ALL_ALGORITHMS",
    "ASYMMETRIC_ALGORITHMS",
    "CUSTOM_AUTH_SUBJECT",
    "DEFAULT_SERVER_BASE",
    "DEMO_EC_PRIVATE_KEY_PEM",
    "DEMO_PROJECT_ID",
    "DEMO_RSA_PRIVATE_KEY_PEM",
    "DEMO_SECRET",
    "HEADER_LIMIT",
    "HMAC_ALGORITHMS",
    "HMAC_MIN_BYTES",
    "MAX_TOKEN_CHARS",
    "PROJECT_ID_PATTERN",
    "STAFF_ROLES",
    "UNKNOWN_SECRET",
    "Call",
    "CallAnswer",
    "CoreError",
    "DecodedSegment",
    "InputError",
    "Inspection",
    "Issue",
    "JSONValue",
    "JsonProblem",
    "Key",
    "KeyKind",
    "KeyLoadError",
    "Notice",
    "Outcome",
    "Part",
    "Profile",
    "Segment",
    "ServerKeys",
    "ServerVerdict",
    "Severity",
    "SignError",
    "SignatureCheck",
    "SignatureStatus",
    "SigninFlow",
    "Span",
    "Stage",
    "TimeInfo",
    "TokenKind",
    "Verdict",
    "authorization_header",
    "curl_command",
    "demo_claims",
    "describe_time",
    "format_duration",
    "format_report",
    "header_bytes",
    "headline",
    "inspect_token",
    "judge",
    "load_key_text",
    "looks_like_key_material",
    "normalise_base_url",
    "parse_duration",
    "parse_instant",
    "parse_json",
    "retarget_project",
    "secret_key",
    "select_key",
    "server_keys_for",
    "server_verdict",
    "sign_token",
    "signin_flow",
    "tiledesk_audience",
    "tiledesk_claims",
    "token_length_limit",
    "verdict_to_dict",
    "verify_signature",
    "widget_call",
]
