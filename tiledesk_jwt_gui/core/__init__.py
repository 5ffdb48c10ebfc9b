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
    KeyCandidates,
    KeyKind,
    key_label,
    load_key_text,
    looks_like_key_material,
    secret_key,
    select_keys,
)
from .limits import (
    MAX_JWKS_KEYS,
    MAX_KEY_BYTES,
    MAX_RSA_BITS,
    MAX_SECRET_BYTES,
    MAX_TEXT_BYTES,
    MIN_RSA_BITS,
    InputTooLarge,
    ReadError,
    describe_size,
    read_bounded,
    utf8_text,
)
from .parse import MAX_TOKEN_CHARS, DecodedSegment, Inspection, Notice, Segment, Span, inspect_token
from .report import format_report, headline, verdict_to_dict
from .safe_text import terminal_safe
from .sample import (
    DEMO_EC_PRIVATE_KEY_PEM,
    DEMO_PROJECT_ID,
    DEMO_RSA_PRIVATE_KEY_PEM,
    DEMO_SECRET,
    demo_claims,
)
from .server import UNKNOWN_SECRET, Outcome, ServerKeys, ServerVerdict, Stage, server_verdict
from .sign import sign_token
from .snippets import (
    DEFAULT_SERVER_BASE,
    authorization_header,
    curl_command,
    normalise_base_url,
    widget_call,
)
from .times import (
    MAX_LEEWAY_SECONDS,
    TimeInfo,
    checked_instant,
    checked_leeway,
    describe_time,
    format_duration,
    parse_duration,
    parse_instant,
    parse_leeway,
)
from .verify import SignatureCheck, SignatureStatus, verify_signature

__all__ = [
    "ALL_ALGORITHMS",
    "ASYMMETRIC_ALGORITHMS",
    "CUSTOM_AUTH_SUBJECT",
    "DEFAULT_SERVER_BASE",
    "DEMO_EC_PRIVATE_KEY_PEM",
    "DEMO_PROJECT_ID",
    "DEMO_RSA_PRIVATE_KEY_PEM",
    "DEMO_SECRET",
    "HMAC_ALGORITHMS",
    "HMAC_MIN_BYTES",
    "MAX_JWKS_KEYS",
    "MAX_KEY_BYTES",
    "MAX_LEEWAY_SECONDS",
    "MAX_RSA_BITS",
    "MAX_SECRET_BYTES",
    "MAX_TEXT_BYTES",
    "MAX_TOKEN_CHARS",
    "MIN_RSA_BITS",
    "PROJECT_ID_PATTERN",
    "UNKNOWN_SECRET",
    "CoreError",
    "DecodedSegment",
    "InputError",
    "InputTooLarge",
    "Inspection",
    "Issue",
    "JSONValue",
    "JsonProblem",
    "Key",
    "KeyCandidates",
    "KeyKind",
    "KeyLoadError",
    "Notice",
    "Outcome",
    "Part",
    "Profile",
    "ReadError",
    "Segment",
    "ServerKeys",
    "ServerVerdict",
    "Severity",
    "SignError",
    "SignatureCheck",
    "SignatureStatus",
    "Span",
    "Stage",
    "TimeInfo",
    "TokenKind",
    "Verdict",
    "authorization_header",
    "checked_instant",
    "checked_leeway",
    "curl_command",
    "demo_claims",
    "describe_size",
    "describe_time",
    "format_duration",
    "format_report",
    "headline",
    "inspect_token",
    "judge",
    "key_label",
    "load_key_text",
    "looks_like_key_material",
    "normalise_base_url",
    "parse_duration",
    "parse_instant",
    "parse_json",
    "parse_leeway",
    "read_bounded",
    "retarget_project",
    "secret_key",
    "select_keys",
    "server_keys_for",
    "server_verdict",
    "sign_token",
    "terminal_safe",
    "tiledesk_audience",
    "tiledesk_claims",
    "utf8_text",
    "verdict_to_dict",
    "verify_signature",
    "widget_call",
]
