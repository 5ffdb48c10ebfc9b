"""The pure core: parse, verify, sign and judge tokens. Never imports Qt.

Everything the window and the command line use is listed in ``__all__``.
"""

from __future__ import annotations

from .cases import DEFAULT_SEED, VALIDITY_SECONDS, QACase, Suite, generate_suite, variant_names
from .claims import CUSTOM_AUTH_SUBJECT, retarget_project, tiledesk_claims
from .encoding import JsonProblem, JSONValue, parse_json
from .errors import CoreError, InputError, KeyLoadError, SignError
from .expected import (
    WIDGET_HEADERS,
    Call,
    Expected,
    ExpectedSummary,
    Step,
    WidgetRequest,
    expected_outcome,
    widget_request,
)
from .exports import ExportFormat, credentials_warning, export_suite
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
    "ALL_ALGORITHMS",
    "ASYMMETRIC_ALGORITHMS",
    "CUSTOM_AUTH_SUBJECT",
    "DEFAULT_SEED",
    "DEFAULT_SERVER_BASE",
    "DEMO_EC_PRIVATE_KEY_PEM",
    "DEMO_PROJECT_ID",
    "DEMO_RSA_PRIVATE_KEY_PEM",
    "DEMO_SECRET",
    "HMAC_ALGORITHMS",
    "HMAC_MIN_BYTES",
    "MAX_TOKEN_CHARS",
    "PROJECT_ID_PATTERN",
    "UNKNOWN_SECRET",
    "VALIDITY_SECONDS",
    "WIDGET_HEADERS",
    "Call",
    "CoreError",
    "DecodedSegment",
    "Expected",
    "ExpectedSummary",
    "ExportFormat",
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
    "QACase",
    "Segment",
    "ServerKeys",
    "ServerVerdict",
    "Severity",
    "SignError",
    "SignatureCheck",
    "SignatureStatus",
    "Span",
    "Stage",
    "Step",
    "Suite",
    "TimeInfo",
    "TokenKind",
    "Verdict",
    "WidgetRequest",
    "authorization_header",
    "credentials_warning",
    "curl_command",
    "demo_claims",
    "describe_time",
    "expected_outcome",
    "export_suite",
    "format_duration",
    "format_report",
    "generate_suite",
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
    "tiledesk_audience",
    "tiledesk_claims",
    "variant_names",
    "verdict_to_dict",
    "verify_signature",
    "widget_call",
    "widget_request",
]
