"""A step-for-step model of how tiledesk-server 2.19.16 authenticates a custom-auth token:
passport-jwt 4.0.1 with its ``secretOrKeyProvider`` (middleware/passport.js), jsonwebtoken
9.0.0's ``verify`` (no options), then the strategy's own callback.

The model reads the token as Node does (lenient base64, the header as Latin-1, the payload as
UTF-8 with replacement, JavaScript's ``JSON.parse`` and loose equality), so its verdict equals
the server's, including where RFC 7519, the Tiledesk docs or PyJWT would say otherwise. Where a
secret is not known (a project other than the user's, the server's global secret) the model
says so: the outcome is then ``undecided`` unless the token is refused for another reason.

See ``docs/server-model.md`` for each step with its source.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final

from .encoding import (
    JsonProblem,
    JSONValue,
    is_jws_alphabet,
    node_b64decode,
    node_utf8,
    parse_json,
)
from .errors import KeyLoadError
from .issues import Issue, Part, Severity
from .jsvalues import JsTypeError, js_loose_equals_string, js_to_string, js_truthy, js_typeof
from .keys import HMAC_ALGORITHMS, Key, load_key_text
from .parse import Inspection, inspect_token
from .times import format_duration
from .verify import hmac_signature, verify_signature

__all__ = [
    "UNKNOWN_SECRET",
    "Outcome",
    "ServerKeys",
    "ServerVerdict",
    "Stage",
    "audience_project_id",
    "server_verdict",
]


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    UNDECIDED = "undecided"
    """Everything but the signature holds, and the signature needs a secret nobody gave."""


class Stage(StrEnum):
    """Where the server's answer comes from (as in the verdict vectors)."""

    PASSPORT = "passport"
    """passport-jwt answered: a 200, or a 401 with jsonwebtoken's reason."""
    ERROR = "error"
    """An exception escaped to Express: the request fails with an error."""
    HANG = "hang"
    """The strategy's async callback threw: the request never gets an answer."""


class _Unknown:
    """A secret that exists on the server but that the user did not give."""

    def __repr__(self) -> str:
        return "UNKNOWN_SECRET"


UNKNOWN_SECRET: Final = _Unknown()

SecretValue = str | _Unknown | None


@dataclass(frozen=True)
class ServerKeys:
    """What is known of the server's secrets.

    ``projects`` maps project ids (24 hex, any case) to their ``jwtSecret``. ``any_project``
    is a secret assumed for every other project the token names (the user's secret when no
    project id is set). ``complete`` says ``projects`` is the whole database: then a project
    not in it does not exist; otherwise it exists with a secret nobody gave. ``global_secret``
    is the server's own (``None``: none configured; ``UNKNOWN_SECRET``: the cloud's).
    """

    projects: Mapping[str, str] = field(default_factory=dict, repr=False)
    any_project: str | None = field(default=None, repr=False)
    complete: bool = False
    global_secret: SecretValue = field(default=UNKNOWN_SECRET, repr=False)
    entity_check: bool = True
    """False models the /auth/signinWithCustomToken route, which skips the entity check."""

    def known_secrets(self) -> list[str]:
        known = [s for s in self.projects.values() if s]
        if self.any_project:
            known.append(self.any_project)
        if isinstance(self.global_secret, str) and self.global_secret:
            known.append(self.global_secret)
        return known


@dataclass(frozen=True, slots=True)
class ServerVerdict:
    """The server's answer, in its own words (``reason``) and explained (``issue``)."""

    outcome: Outcome
    stage: Stage
    reason: str
    issue: Issue | None
    key_source: str
    project_id: str | None
    payload: JSONValue = field(default=None, repr=False, compare=False)
    """The claims passport hands on (only when the token gets past it)."""

    @property
    def accepted(self) -> bool:
        return self.outcome is Outcome.ACCEPTED


_JWS_SHAPE = re.compile(r"[a-zA-Z0-9\-_]+?\.[a-zA-Z0-9\-_]+?\.([a-zA-Z0-9\-_]+)?")
# JavaScript's \\s: ASCII whitespace, NBSP, the Unicode space separators, LS, PS and the BOM.
_JS_SPACE = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_AUTH_HEADER = re.compile(f"([^{_JS_SPACE}]+)[{_JS_SPACE}]+([^{_JS_SPACE}]+)")
_OBJECT_ID = re.compile(r"[0-9a-fA-F]{24}")


class _Stop(Exception):
    """The server stops here with this verdict."""

    def __init__(self, verdict: ServerVerdict) -> None:
        super().__init__(verdict.reason)
        self.verdict = verdict


@dataclass
class _Run:
    keys: ServerKeys
    now: int
    tolerance: float
    key_source: str = "no key yet"
    project_id: str | None = None
    undecided: Issue | None = None
    decoded: tuple[JSONValue, JSONValue] | None = None
    hint: Inspection | None = None
    no_secret: str | None = None
    throwing_claim: tuple[str, str] | None = None
    throwing_stage: Stage = Stage.ERROR

    def blame(self, claim: str, what: str, stage: Stage = Stage.ERROR) -> None:
        """Name the claim whose conversion to text the next step may throw on."""
        self.throwing_claim = (claim, what)
        self.throwing_stage = stage

    def stop(
        self,
        stage: Stage,
        reason: str,
        claim: str | None,
        message: str,
        part: Part = Part.PAYLOAD,
        code: str = "server_rejects",
    ) -> _Stop:
        issue = Issue(claim, Severity.ERROR, code, message, part)
        return _Stop(
            ServerVerdict(Outcome.REJECTED, stage, reason, issue, self.key_source, self.project_id)
        )


def audience_project_id(aud: JSONValue) -> str | None:
    """The project id the server reads from ``aud`` (any 24-hex id, lower case), or ``None``."""
    try:
        kind, ident = _audience_path(aud)
    except (ValueError, JsTypeError):
        return None
    if kind == "projects" and ident and _OBJECT_ID.fullmatch(ident):
        return ident.lower()
    return None


def _audience_path(aud: JSONValue) -> tuple[str | None, str | None]:
    """``new URL(aud).pathname.split('/')[1:3]``; raises ValueError for an invalid URL."""
    from ada_url import URL  # noqa: PLC0415 (imported late: only the Tiledesk model needs it)

    text = node_utf8(js_to_string(aud)).decode("utf-8")
    pathname = URL(text).pathname
    pieces = pathname.split("/")
    kind = pieces[1] if len(pieces) > 1 else None
    ident = pieces[2] if len(pieces) > 2 else None
    return kind, ident


def server_verdict(
    token: str,
    keys: ServerKeys,
    now: float,
    *,
    tolerance: float = 0,
    inspection: Inspection | None = None,
    authorization: str | None = None,
) -> ServerVerdict:
    """What the Tiledesk server answers for ``Authorization: JWT <token>`` at ``now``.

    ``inspection`` may be the core's inspection of the same text, to avoid decoding it again.
    ``authorization`` is the header's whole value when it is not ``JWT <token>`` (another
    scheme, other spacing): the token is then what passport extracts from it.
    """
    run = _Run(keys, int(now // 1), tolerance, hint=None if authorization else inspection)
    try:
        return _authenticate(token, run, authorization)
    except _Stop as stop:
        return stop.verdict


def _authenticate(token: str, run: _Run, authorization: str | None = None) -> ServerVerdict:
    if authorization is None and token and is_jws_alphabet(token):
        # Any real token: nothing the transport refuses or trims, and no space, so the
        # extractor's regex finds "JWT" and the token itself (one pass instead of four).
        extracted = token
    else:
        header = _transport("JWT " + token if authorization is None else authorization, run)
        # passport-jwt's fromAuthHeaderWithScheme("jwt"): /(\S+)\s+(\S+)/, first match.
        match = _AUTH_HEADER.search(header)
        extracted = match.group(2) if match and match.group(1).lower() == "jwt" else ""
    if not extracted:
        raise run.stop(
            Stage.PASSPORT, "No auth token", None, "there is no token to send", Part.TOKEN
        )
    secret = _secret_from_provider(extracted, run)
    payload = _verify(extracted, secret, run)
    return _strategy_callback(payload, run)


_HEADER_REFUSED_BY_CLIENT = re.compile("[\0\r\n]|[^\0-\u00ff]")
_HEADER_REFUSED_BY_PARSER = re.compile("[\x00-\x08\x0a-\x1f\x7f]")


def _transport(value: str, run: _Run) -> str:
    """What an HTTP client sends and Node's parser hands on as the Authorization value."""
    trimmed = value.strip("\t\n\r ")
    if _HEADER_REFUSED_BY_CLIENT.search(trimmed):
        raise run.stop(
            Stage.ERROR,
            "invalid HTTP header value (the client refuses to send it)",
            None,
            "the token holds a line break, NUL or a character beyond Latin-1: no HTTP client "
            "sends it as a header",
            Part.TOKEN,
            "server_error",
        )
    if _HEADER_REFUSED_BY_PARSER.search(trimmed):
        raise run.stop(
            Stage.ERROR,
            "Parse Error: Invalid header value char",
            None,
            "the token holds a control character, which the server's HTTP parser refuses",
            Part.TOKEN,
            "server_error",
        )
    return trimmed.strip("\t ")


def _object_id(value: JSONValue) -> str | None:
    """The ObjectId (lower-case hex) Mongoose casts ``value`` to, or None for a CastError."""
    if not isinstance(value, str):
        return None
    if _OBJECT_ID.fullmatch(value):
        return value.lower()
    units = value.encode("utf-16-le", "surrogatepass")
    if len(units) == 24:  # 12 UTF-16 code units: bson takes each unit's low byte
        return units[::2].hex()
    return None


_SPLAT_TOKENS = re.compile(r"%[scdjifoO%]")
_LOGGED_LEVELS = ("error", "warn", "info")


def _log_with(level: str, message: str, meta: JSONValue) -> None:
    """winston 3 formatting a log call whose meta is the token's claims (debug is off), on an
    idle server (under load winston may format later, away from the request).

    Raises JsTypeError where winston's string building throws.
    """
    if not isinstance(meta, dict | list) or _SPLAT_TOKENS.search(message):
        return
    claims = meta if isinstance(meta, dict) else {}
    info_message: JSONValue = message
    if js_truthy(claims.get("message")):
        info_message = message + " " + js_to_string(claims.get("message"))
    if level not in _LOGGED_LEVELS:
        return
    padding = claims.get("padding")
    if js_truthy(padding):
        chosen = padding.get(level) if isinstance(padding, dict) else None
        if js_truthy(chosen):
            js_to_string(chosen)
    js_to_string(info_message)


def _concat(value: JSONValue) -> None:
    """``"text" + value`` in JavaScript: throws for an object with its own toString."""
    if value is not None:
        js_to_string(value)


def _secret_from_provider(token: str, run: _Run) -> SecretValue:
    """Tiledesk's secretOrKeyProvider: which secret verifies this token."""
    try:
        decoded = run.decoded = _jws_decode(token, run.hint)
    except _PayloadJsonError as exc:
        raise run.stop(
            Stage.ERROR,
            f"SyntaxError: {exc}",
            None,
            "the header says typ 'JWT', so the server parses the payload as JSON, which throws: "
            f"the request fails ({exc})",
            Part.PAYLOAD,
            "server_error",
        ) from None
    payload = decoded[1] if decoded else None
    try:
        return _pick_secret(payload, run)
    except JsTypeError as exc:
        claim, what = run.throwing_claim or (None, "a claim")
        hang = run.throwing_stage is Stage.HANG
        raise run.stop(
            run.throwing_stage,
            "the server never answers" if hang else str(exc),
            claim,
            f"{what} is an object with its own 'toString' member: the server throws turning it "
            "into text"
            + (" and the request never completes" if hang else ", and the request fails"),
            Part.PAYLOAD,
            "server_hangs" if hang else "server_error",
        ) from None


def _pick_secret(payload: JSONValue, run: _Run) -> SecretValue:
    keys = run.keys
    claims = payload if isinstance(payload, dict) else {}
    run.blame("message", "message (logged by the server)")
    _log_with("debug", "decoded after: ", payload)
    aud = claims.get("aud")
    if not js_truthy(aud):
        run.key_source = "the server's global secret (the token has no aud)"
        return keys.global_secret
    run.blame("aud", "aud")
    _concat(aud)
    try:
        kind, ident = _audience_path(aud)
    except ValueError:
        raise run.stop(
            Stage.ERROR,
            "Invalid URL",
            "aud",
            f"aud, {_show(aud)}, is not an absolute URL: the server's new URL(aud) throws and "
            "the request fails (expected https://tiledesk.com/projects/<project id>)",
            Part.PAYLOAD,
            "server_error",
        ) from None
    if kind not in ("bots", "projects", "subscriptions"):
        run.key_source = "the server's global secret (aud names no project)"
        return keys.global_secret
    if not ident:
        run.blame("padding", "padding (read by the server's error log)")
        _log_with("error", f"AudienceId for {kind} is required: ", payload)
        run.key_source = "no secret"
        run.no_secret = (
            f"aud names no {kind[:-1]} id (expected https://tiledesk.com/projects/<project id>), "
            "so the server has no secret to check the token with"
        )
        return None
    if kind == "bots":
        run.blame("id_project", "id_project (used by the server's bot cache)")
        _concat(claims.get("id_project"))
    found = _object_id(ident)
    if kind == "projects" and found is not None:
        run.project_id = found
        run.key_source = f"the secret of project {found}"
        known = {(_object_id(k) or k.lower()): v for k, v in keys.projects.items()}
        if found in known:
            return known[found]
        if keys.any_project is not None:
            run.key_source += " (the secret you gave)"
            return keys.any_project
        if not keys.complete:
            return UNKNOWN_SECRET
    elif kind != "projects":
        entity = "bot" if kind == "bots" else "webhook subscription"
        run.key_source = f"the secret of {entity} {ident!r}"
        if found is not None and not keys.complete:
            return UNKNOWN_SECRET
    else:
        run.key_source = "no secret"
        run.no_secret = (
            f"the project id in aud, {ident!r}, is not a 24-character hex id, so the server "
            "finds no project and no secret to check the token with"
        )
        return None
    if found is not None:
        # The lookup found nothing; its callback logs a warning with the claims, asynchronously.
        run.blame("padding", "padding (read by the server's warning log)", Stage.HANG)
        _log_with("warn", f"not found with id: {ident}", payload)
    return None


def _jws_decode(token: str, hint: Inspection | None) -> tuple[JSONValue, JSONValue] | None:
    """jws.decode: the header (read as Latin-1) and the raw payload, or None.

    Raises ``_PayloadJsonError`` where jws itself throws (``typ`` is "JWT" and the payload is
    not JSON). ``hint``, an inspection of the same token, saves decoding it twice: its bytes
    are Node's, and an ASCII header reads the same as Latin-1 and as UTF-8.
    """
    if is_jws_alphabet(token):  # the shape's regex, without its backtracking over the token
        parts = token.split(".")
        if len(parts) != 3 or not parts[0] or not parts[1]:
            return None
    elif not _JWS_SHAPE.fullmatch(token):
        return None
    encoded_header, encoded_payload = token.split(".")[:2]
    reuse = (
        hint is not None
        and hint.token == token
        and hint.header is not None
        and hint.payload is not None
        and hint.header.raw.isascii()
    )
    header: JSONValue | JsonProblem
    if reuse and hint is not None and hint.header is not None and hint.header.is_json:
        header = hint.header.value
    else:
        header = parse_json(node_b64decode(encoded_header).decode("latin-1"))
    if isinstance(header, JsonProblem) or not js_truthy(header):
        return None
    is_jwt = isinstance(header, dict) and header.get("typ") == "JWT"
    payload: JSONValue | JsonProblem
    if reuse and hint is not None and hint.payload is not None and hint.payload.is_json:
        payload_text, payload = hint.payload.text, hint.payload.value
    else:
        payload_text = node_b64decode(encoded_payload).decode("utf-8", "replace")
        payload = parse_json(payload_text)
    if isinstance(payload, JsonProblem):
        if is_jwt:
            raise _PayloadJsonError(payload.message)
        return header, payload_text
    if is_jwt:
        # jws parsed it already (any JSON value, null included); jsonwebtoken then parses a
        # string result once more, so a doubly encoded claims set still becomes an object.
        if isinstance(payload, str):
            again = parse_json(payload)
            return header, again if isinstance(again, dict | list) else payload
        return header, payload
    if not isinstance(payload, dict | list):
        return header, payload_text  # jsonwebtoken keeps the text unless JSON gave an object
    return header, payload


class _PayloadJsonError(Exception):
    pass


def _show(value: JSONValue) -> str:
    try:
        text = js_to_string(value) if not isinstance(value, str) else value
    except JsTypeError:
        text = "an object"
    if len(text) > 60:
        text = text[:57] + "…"
    return repr(text) if isinstance(value, str) else f"{text} ({js_typeof(value)})"


def _verify(token: str, secret: SecretValue, run: _Run) -> JSONValue:
    """jsonwebtoken 9.0.0 ``verify`` without options. Returns the payload it hands on."""
    parts = token.split(".")
    if len(parts) != 3:
        raise run.stop(
            Stage.PASSPORT,
            "jwt malformed",
            None,
            f"the server needs exactly 3 dot-separated parts; this token has {len(parts)}",
            Part.TOKEN,
        )
    decoded = run.decoded  # what the provider decoded: the same token, the same result
    if decoded is None:
        raise run.stop(
            Stage.PASSPORT,
            "invalid token",
            None,
            "the server cannot read the token: " + _why_unreadable(token),
            Part.TOKEN,
        )
    header, payload = decoded
    has_signature = parts[2] != ""
    secret_truthy = isinstance(secret, _Unknown) or bool(secret)
    if not has_signature and secret_truthy:
        raise run.stop(
            Stage.PASSPORT,
            "jwt signature is required",
            None,
            "the token has no signature: the server requires one",
            Part.SIGNATURE,
        )
    if has_signature and not secret_truthy:
        raise run.stop(
            Stage.PASSPORT,
            "secret or public key must be provided",
            "aud",
            _no_secret_message(run),
            Part.PAYLOAD,
        )
    if not has_signature:
        raise run.stop(
            Stage.PASSPORT,
            'please specify "none" in "algorithms" to verify unsigned tokens',
            None,
            "the token has no signature and the server has no key for it",
            Part.SIGNATURE,
        )
    alg = header.get("alg") if isinstance(header, dict) else None
    server_key = _server_key(secret)
    allowed = HMAC_ALGORITHMS if server_key is None else server_key.algorithms
    if not isinstance(alg, str) or alg not in allowed:
        raise run.stop(
            Stage.PASSPORT,
            "invalid algorithm",
            "alg",
            f"the header's alg, {_show(alg) if alg is not None else 'missing'}, is not one the "
            f"server allows with this key ({', '.join(allowed)}, exact case)",
            Part.HEADER,
        )
    if server_key is not None:
        if alg.startswith("HS"):
            raise run.stop(
                Stage.PASSPORT,
                f"secretOrPublicKey must be a symmetric key when using {alg}",
                None,
                "the project secret is a PEM key, which the server will not use as an HMAC secret",
                Part.KEY,
            )
        if not verify_signature(inspect_token(token), server_key, [alg]).verified:
            raise run.stop(
                Stage.PASSPORT,
                "invalid signature",
                None,
                "the signature does not match",
                Part.SIGNATURE,
            )
    elif isinstance(secret, _Unknown):
        _judge_unknown_secret(token, alg, parts[2], run)
    else:
        assert isinstance(secret, str)
        signing_input = token.rsplit(".", 1)[0].encode("ascii")
        expected = hmac_signature(alg, node_utf8(secret), signing_input)
        if not hmac.compare_digest(expected, parts[2]):
            raise run.stop(
                Stage.PASSPORT,
                "invalid signature",
                None,
                _invalid_signature_message(run),
                Part.SIGNATURE,
            )
    if payload is None:
        raise run.stop(
            Stage.ERROR,
            "TypeError: Cannot read properties of null (reading 'nbf')",
            None,
            "the payload is JSON null: jsonwebtoken throws reading its claims and the request "
            "fails",
            Part.PAYLOAD,
            "server_error",
        )
    _check_times(payload, run)
    return payload


def _server_key(secret: SecretValue) -> Key | None:
    """jsonwebtoken tries ``createPublicKey(secret)`` first: a PEM secret is not a secret."""
    if not isinstance(secret, str) or "-----BEGIN" not in secret:
        return None
    try:
        return load_key_text(secret)[0]
    except KeyLoadError:
        return None


def _judge_unknown_secret(token: str, alg: str, signature: str, run: _Run) -> None:
    signing_input = token.rsplit(".", 1)[0].encode("ascii")
    for known in run.keys.known_secrets():
        if hmac.compare_digest(hmac_signature(alg, node_utf8(known), signing_input), signature):
            raise run.stop(
                Stage.PASSPORT,
                "invalid signature",
                "aud",
                _aud_points_elsewhere(run),
                Part.PAYLOAD,
            )
    run.undecided = Issue(
        None,
        Severity.INFO,
        "signature_unknown_secret",
        f"Tiledesk checks the signature with {run.key_source}, which was not given here",
        Part.SIGNATURE,
    )


def _aud_points_elsewhere(run: _Run) -> str:
    if run.key_source.startswith("the server's global secret (the token has no aud)"):
        return (
            "the token has no aud, so Tiledesk checks it with the server's global secret, not "
            "with your project's secret"
        )
    return (
        f"the token is signed with your secret, but its aud makes Tiledesk check it with "
        f"{run.key_source}"
    )


def _no_secret_message(run: _Run) -> str:
    if run.no_secret:
        return run.no_secret
    if run.key_source.startswith("the server's global secret"):
        return f"the server would check it with {run.key_source}, and has none"
    if run.project_id is not None:
        return f"no active project {run.project_id} exists, so the server has no secret for it"
    return f"the server finds no secret for this token ({run.key_source} does not exist)"


def _invalid_signature_message(run: _Run) -> str:
    return f"the signature does not match {run.key_source}"


def _why_unreadable(token: str) -> str:
    for index, char in enumerate(token):
        if char != "." and not (char.isascii() and (char.isalnum() or char in "-_")):
            return f"character {index + 1} ({char!r}) is not base64url"
    parts = token.split(".")
    if not parts[0] or not parts[1]:
        return "the header or the payload part is empty"
    return "its header is not JSON, or is JSON false, 0, null or an empty string"


def _check_times(payload: JSONValue, run: _Run) -> None:
    if not isinstance(payload, dict):
        return
    for claim in ("nbf", "exp"):
        if claim not in payload:
            continue
        value = payload[claim]
        if js_typeof(value) != "number":
            raise run.stop(
                Stage.PASSPORT,
                f"invalid {claim} value",
                claim,
                f"{claim} is {_show(value)}, not a JSON number: the server refuses the token",
            )
        assert isinstance(value, int | float)
        if claim == "nbf" and value > run.now + run.tolerance:
            raise run.stop(
                Stage.PASSPORT,
                "jwt not active",
                claim,
                f"nbf is {_delta(value - run.now)} after now: the token is not valid yet",
            )
        if claim == "exp" and run.now >= value + run.tolerance:
            raise run.stop(
                Stage.PASSPORT,
                "jwt expired",
                claim,
                f"exp passed {_delta(run.now - value)} ago: the token has expired",
            )


def _delta(seconds: float) -> str:
    return format_duration(seconds)


def _strategy_callback(payload: JSONValue, run: _Run) -> ServerVerdict:
    """Tiledesk's JwtStrategy callback (middleware/passport.js), an async function: whatever
    throws in it leaves the request without an answer."""
    claims = payload if isinstance(payload, dict) else {}
    user_id = claims.get("_id")
    doc = claims.get("_doc")
    doc_id = doc.get("_id") if isinstance(doc, dict) else None
    if user_id is None and (doc is None or (js_truthy(doc) and doc_id is None)):
        raise run.stop(
            Stage.PASSPORT, "", "_id", "_id is missing: the server needs the user's id in _id"
        )
    if not js_truthy(user_id) and doc is None:
        raise run.stop(
            Stage.HANG,
            "the server never answers",
            "_id",
            f"_id is {_show(user_id)}: the server's check throws on a falsy id and the request "
            "never completes",
            code="server_hangs",
        )
    identifier = user_id if js_truthy(user_id) else doc_id
    subject = claims.get("sub")
    for claim, value in (("_id", identifier), ("sub", subject)):
        _concat_or_hang(claim, value, "the server's log line", run)
    if run.keys.entity_check:
        name = next(
            (
                n
                for n in ("bot", "subscription", "userexternal", "guest")
                if js_loose_equals_string(subject, n)
            ),
            "",
        )
        if name == "bot":
            _concat_or_hang("id_project", claims.get("id_project"), "the bot cache key", run)
        if name not in ("userexternal", "guest"):
            what = {"bot": "a bot", "subscription": "a webhook subscription"}.get(
                name, "a registered Tiledesk user"
            )
            shown = "missing" if "sub" not in claims else _show(subject)
            raise run.stop(
                Stage.PASSPORT,
                "",
                "sub",
                f"sub is {shown}: the server then looks the id up as {what}, and an external "
                "user is not there (custom auth needs sub 'userexternal')",
            )
        for claim in ("firstname", "lastname"):
            value = claims.get(claim)
            if js_truthy(value):
                _concat_or_hang(claim, value, "the user's full name", run)
    if run.undecided is not None:
        return ServerVerdict(
            Outcome.UNDECIDED,
            Stage.PASSPORT,
            "",
            run.undecided,
            run.key_source,
            run.project_id,
            payload,
        )
    return ServerVerdict(
        Outcome.ACCEPTED, Stage.PASSPORT, "ok", None, run.key_source, run.project_id, payload
    )


def _concat_or_hang(claim: str, value: JSONValue, purpose: str, run: _Run) -> None:
    try:
        _concat(value)
    except JsTypeError:
        raise run.stop(
            Stage.HANG,
            "the server never answers",
            claim,
            f"{claim} cannot be turned into text for {purpose} (an object with its own "
            "'toString' member): the server throws and the request never completes",
            code="server_hangs",
        ) from None
