"""The pure core: parse, verify, sign and judge tokens. Never imports Qt.

Everything the window and the command line use is listed in ``__all__``.
"""

from __future__ import annotations

from .causes import Cause, Fix, FixAction, FixTarget, apply_fix
from .claims import CUSTOM_AUTH_SUBJECT, retarget_project, tiledesk_claims
from .diagnose import (
    DEFAULT_GLOBAL_SECRET,
    CandidateSecret,
    Diagnosis,
    Finding,
    diagnose,
    diagnosis_to_dict,
    format_diagnosis,
    parse_candidates,
)
from .diff import Change, ChangeKind, TokenDiff, diff_to_dict, diff_tokens, format_diff
from .encoding import JsonProblem, JSONValue, parse_json
from .errors import CoreError, InputError, KeyLoadError, SignError
from .extract import Extraction, ExtractionSource, TokenCandidate, extract_token
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
from .secret_notes import SecretNote, secret_notes
from .server import UNKNOWN_SECRET, Outcome, ServerKeys, ServerVerdict, Stage, server_verdict
from .share import key_fingerprint, share_markdown, share_report
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
    "DEFAULT_GLOBAL_SECRET",
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
    "CandidateSecret",
    "Cause",
    "Change",
    "ChangeKind",
    "CoreError",
    "DecodedSegment",
    "Diagnosis",
    "Extraction",
    "ExtractionSource",
    "Finding",
    "Fix",
    "FixAction",
    "FixTarget",
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
    "SecretNote",
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
    "TokenCandidate",
    "TokenDiff",
    "TokenKind",
    "Verdict",
    "apply_fix",
    "authorization_header",
    "curl_command",
    "demo_claims",
    "describe_time",
    "diagnose",
    "diagnosis_to_dict",
    "diff_to_dict",
    "diff_tokens",
    "extract_token",
    "format_diagnosis",
    "format_diff",
    "format_duration",
    "format_report",
    "headline",
    "inspect_token",
    "judge",
    "key_fingerprint",
    "load_key_text",
    "looks_like_key_material",
    "normalise_base_url",
    "parse_candidates",
    "parse_duration",
    "parse_instant",
    "parse_json",
    "retarget_project",
    "secret_key",
    "secret_notes",
    "select_key",
    "server_keys_for",
    "server_verdict",
    "share_markdown",
    "share_report",
    "sign_token",
    "tiledesk_audience",
    "tiledesk_claims",
    "verdict_to_dict",
    "verify_signature",
    "widget_call",
]
