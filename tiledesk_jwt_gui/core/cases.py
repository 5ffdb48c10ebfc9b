"""QA suites: named variants of a Tiledesk custom-auth token, each with the outcome the server
gives it (``expected.expected_outcome``).

A suite is made from a project id, its secret, base claims (the current token's, or the docs'
sample user), a fixed ``now`` and a seed, and is the same for the same inputs, so exported
suites diff cleanly. Each case has a user id of its own (a real Tiledesk remembers a visitor's
membership, and a second sign-in with the same ``_id`` may be answered differently). The secret
signs the tokens and is never kept in the suite.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Final

from .encoding import JSONValue, b64url_encode, dumps_compact, node_b64decode, node_utf8
from .errors import InputError
from .expected import NODE_HEADER_LIMIT, Expected, expected_outcome
from .sample import demo_claims
from .tiledesk import PROJECT_ID_PATTERN, tiledesk_audience
from .verify import hmac_signature

__all__ = [
    "DEFAULT_SEED",
    "VALIDITY_SECONDS",
    "QACase",
    "Suite",
    "generate_suite",
    "variant_names",
]

DEFAULT_SEED: Final = 1
VALIDITY_SECONDS: Final = 365 * 24 * 3600
"""How far ahead the valid tokens expire (and the future ``nbf`` lies): the suite's expectations
hold from its ``now`` until then."""
_DAY: Final = 24 * 3600
_IDENTITY_CLAIMS: Final = ("_id", "sub", "aud", "iat", "exp", "nbf", "jti")


@dataclass(frozen=True, slots=True)
class QACase:
    """One variant: what it tests, its token, the header the widget sends, the outcome."""

    name: str
    description: str
    token: str
    authorization: str
    expected: Expected

    @property
    def sent_as(self) -> str:
        """The Authorization header with the token left out: ``JWT <token>``, ``Bearer <token>``,
        ``JWT  <token>`` (two spaces)."""
        return self.authorization.replace(self.token, "<token>", 1)


@dataclass(frozen=True, slots=True)
class Suite:
    """The cases the model predicts exactly (``cases``) and those it cannot yet (``left_out``)."""

    project_id: str
    now: int
    seed: int
    cases: tuple[QACase, ...]
    left_out: tuple[QACase, ...] = field(default=())

    @property
    def valid_until(self) -> int:
        return self.now + VALIDITY_SECONDS

    def with_cases(self, cases: Sequence[QACase]) -> Suite:
        return replace(self, cases=tuple(cases))


@dataclass(frozen=True, slots=True)
class _Built:
    token: str
    authorization: str


@dataclass(frozen=True, slots=True)
class _Context:
    """What a variant is built from: the suite's inputs and this case's own ids."""

    project_id: str
    secret: str
    now: int
    base: Mapping[str, JSONValue]
    name: str
    seed: int

    def digest(self, purpose: str) -> str:
        text = f"{self.seed}:{self.project_id}:{self.name}:{purpose}"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    @property
    def user_id(self) -> str:
        """This case's own user, ``<project id>_qa-<10 hex>``."""
        return f"{self.project_id}_qa-{self.digest('user')[:10]}"

    def claims(self) -> dict[str, JSONValue]:
        """The base claims for this case: documented sub and aud, a year of validity."""
        claims: dict[str, JSONValue] = {"_id": self.user_id}
        claims.update((k, v) for k, v in self.base.items() if k not in _IDENTITY_CLAIMS)
        claims["sub"] = "userexternal"
        claims["aud"] = tiledesk_audience(self.project_id)
        claims["iat"] = self.now
        claims["exp"] = self.now + VALIDITY_SECONDS
        return claims

    def sign(
        self,
        claims: JSONValue,
        *,
        alg: str = "HS256",
        hash_alg: str | None = None,
        key: bytes | None = None,
    ) -> str:
        header = dumps_compact({"alg": alg, "typ": "JWT"}).encode("utf-8")
        signing_input = f"{b64url_encode(header)}.{_encode_payload(claims)}"
        if alg == "none":
            return signing_input + "."
        secret = node_utf8(self.secret) if key is None else key
        return f"{signing_input}.{hmac_signature(hash_alg or alg, secret, signing_input.encode())}"

    def jwt(self, token: str) -> _Built:
        return _Built(token, f"JWT {token}")


def _encode_payload(claims: JSONValue) -> str:
    return b64url_encode(dumps_compact(claims).encode("utf-8"))


Builder = Callable[[_Context], _Built]


@dataclass(frozen=True, slots=True)
class _Variant:
    name: str
    description: str
    build: Builder


def _claims_variant(
    name: str, description: str, edit: Callable[[dict[str, JSONValue], _Context], None]
) -> _Variant:
    """A variant that changes the claims and signs them as documented."""

    def build(context: _Context) -> _Built:
        claims = context.claims()
        edit(claims, context)
        return context.jwt(context.sign(claims))

    return _Variant(name, description, build)


def _set(claim: str, value: JSONValue) -> Callable[[dict[str, JSONValue], _Context], None]:
    def edit(claims: dict[str, JSONValue], _context: _Context) -> None:
        claims[claim] = value

    return edit


def _drop(claim: str) -> Callable[[dict[str, JSONValue], _Context], None]:
    def edit(claims: dict[str, JSONValue], _context: _Context) -> None:
        claims.pop(claim, None)

    return edit


# --- variants that change the claims --------------------------------------------------------


def _valid(claims: dict[str, JSONValue], context: _Context) -> None:
    """The documented token, unchanged."""


def _expired(seconds: int) -> Callable[[dict[str, JSONValue], _Context], None]:
    def edit(claims: dict[str, JSONValue], context: _Context) -> None:
        claims["exp"] = context.now - seconds
        claims["iat"] = context.now - seconds - 3600  # iat < exp, as a real token would have

    return edit


def _exp_now(claims: dict[str, JSONValue], context: _Context) -> None:
    claims["exp"] = context.now
    claims["iat"] = context.now - 3600


def _exp_milliseconds(claims: dict[str, JSONValue], context: _Context) -> None:
    claims["exp"] = (context.now + VALIDITY_SECONDS) * 1000


def _exp_string(claims: dict[str, JSONValue], context: _Context) -> None:
    claims["exp"] = str(context.now + VALIDITY_SECONDS)


def _nbf_future(claims: dict[str, JSONValue], context: _Context) -> None:
    claims["nbf"] = context.now + VALIDITY_SECONDS


def _iat_future(claims: dict[str, JSONValue], context: _Context) -> None:
    claims["iat"] = context.now + _DAY


def _aud_other_project(claims: dict[str, JSONValue], context: _Context) -> None:
    other = context.digest("other project")[:24]
    if other == context.project_id.lower():  # pragma: no cover - one chance in 2**96
        other = other[::-1]
    claims["aud"] = tiledesk_audience(other)


def _aud_other_host(claims: dict[str, JSONValue], context: _Context) -> None:
    claims["aud"] = f"https://example.com/projects/{context.project_id}"


def _aud_not_url(claims: dict[str, JSONValue], context: _Context) -> None:
    claims["aud"] = f"tiledesk.com/projects/{context.project_id}"


def _aud_array(claims: dict[str, JSONValue], context: _Context) -> None:
    claims["aud"] = [tiledesk_audience(context.project_id)]


def _aud_twelve(claims: dict[str, JSONValue], context: _Context) -> None:
    claims["aud"] = f"https://tiledesk.com/projects/qa{context.digest('aud')[:10]}"


def _id_number(claims: dict[str, JSONValue], context: _Context) -> None:
    claims["_id"] = int(context.digest("number")[:12], 16)


def _id_object(claims: dict[str, JSONValue], context: _Context) -> None:
    claims["_id"] = {"id": context.user_id}


def _id_no_prefix(claims: dict[str, JSONValue], context: _Context) -> None:
    claims["_id"] = f"qa-{context.digest('user')[:10]}"


def _email_for(context: _Context) -> str:
    return f"qa-{context.digest('email')[:10]}@example.com"


def _staff(with_email: bool) -> Callable[[dict[str, JSONValue], _Context], None]:
    def edit(claims: dict[str, JSONValue], context: _Context) -> None:
        claims["role"] = "agent"
        if with_email:
            claims["email"] = _email_for(context)
        else:
            claims.pop("email", None)

    return edit


def _names(first: str, last: str) -> Callable[[dict[str, JSONValue], _Context], None]:
    def edit(claims: dict[str, JSONValue], _context: _Context) -> None:
        claims["firstname"] = first
        claims["lastname"] = last

    return edit


# --- variants that sign, encode or send differently ---------------------------------------


def _signed_with(key: Callable[[_Context], bytes]) -> Builder:
    def build(context: _Context) -> _Built:
        return context.jwt(context.sign(context.claims(), key=key(context)))

    return build


def _wrong_secret(context: _Context) -> bytes:
    return node_utf8(f"qa-{context.digest('secret')[:32]}")


def _secret_newline(context: _Context) -> bytes:
    return node_utf8(context.secret + "\n")


def _secret_base64(context: _Context) -> bytes:
    return node_b64decode(context.secret)


def _alg(alg: str, hash_alg: str | None = None) -> Builder:
    def build(context: _Context) -> _Built:
        return context.jwt(context.sign(context.claims(), alg=alg, hash_alg=hash_alg))

    return build


def _tampered(context: _Context) -> _Built:
    claims = context.claims()
    header, _payload, signature = context.sign(claims).split(".")
    claims["_id"] = f"{context.project_id}_qa-{context.digest('victim')[:10]}"
    return context.jwt(f"{header}.{_encode_payload(claims)}.{signature}")


def _padded(context: _Context) -> _Built:
    token = context.sign(context.claims())
    signature = token.rsplit(".", 1)[1]
    return context.jwt(token + "=" * (-len(signature) % 4))


def _bearer(context: _Context) -> _Built:
    token = context.sign(context.claims())
    return _Built(token, f"Bearer {token}")


def _two_spaces(context: _Context) -> _Built:
    token = context.sign(context.claims())
    return _Built(token, f"JWT  {token}")


def _attributes_sized(header_bytes: int) -> Builder:
    """Attributes padded so that the Authorization value is about ``header_bytes`` long."""

    def build(context: _Context) -> _Built:
        claims = context.claims()
        base = claims.get("attributes")
        attributes = dict(base) if isinstance(base, dict) else {}
        attributes["qa_padding"] = ""
        claims["attributes"] = attributes
        short = len(context.jwt(context.sign(claims)).authorization)
        attributes["qa_padding"] = "x" * max(0, (header_bytes - short) * 3 // 4)
        return context.jwt(context.sign(claims))

    return build


_UNDER_LIMIT: Final = NODE_HEADER_LIMIT - 2400
_OVER_LIMIT: Final = NODE_HEADER_LIMIT + 1000

_VARIANTS: Final[tuple[_Variant, ...]] = (
    _claims_variant("valid", "the documented token: every call succeeds", _valid),
    _claims_variant("exp-expired-1s", "exp one second before now", _expired(1)),
    _claims_variant("exp-expired-1d", "exp one day before now", _expired(_DAY)),
    _claims_variant("exp-now", "exp exactly now (expired: the server refuses at exp)", _exp_now),
    _claims_variant(
        "exp-milliseconds", "exp in milliseconds (a far future: still accepted)", _exp_milliseconds
    ),
    _claims_variant("exp-string", "exp as a string of digits, not a JSON number", _exp_string),
    _claims_variant("nbf-future", "nbf a year ahead: not valid yet", _nbf_future),
    _claims_variant("exp-missing", "no exp at all: never expires", _drop("exp")),
    _claims_variant("iat-future", "iat a day ahead (the server does not check iat)", _iat_future),
    _claims_variant(
        "aud-other-project",
        "aud names another project, which has no such secret",
        _aud_other_project,
    ),
    _claims_variant(
        "aud-other-host", "aud on another host: the server reads only the path", _aud_other_host
    ),
    _claims_variant("aud-not-url", "aud without https:// (new URL throws)", _aud_not_url),
    _claims_variant("aud-array", "aud as an array of the documented URL", _aud_array),
    _claims_variant(
        "aud-12-char-id",
        "aud with a 12-character project id (cast to another ObjectId)",
        _aud_twelve,
    ),
    _claims_variant("id-missing", "no _id", _drop("_id")),
    _claims_variant("id-empty", "_id is an empty string", _set("_id", "")),
    _claims_variant("id-null", "_id is null", _set("_id", None)),
    _claims_variant("id-number", "_id is a number", _id_number),
    _claims_variant("id-object", "_id is an object", _id_object),
    _claims_variant(
        "id-no-prefix", "_id without the '<project id>_' prefix the docs ask for", _id_no_prefix
    ),
    _claims_variant("sub-user", "sub 'user': looked up as a registered user", _set("sub", "user")),
    _claims_variant("sub-User", "sub 'User' (the check is case-sensitive)", _set("sub", "User")),
    _claims_variant(
        "sub-guest", "sub 'guest' (works, but not the documented subject)", _set("sub", "guest")
    ),
    _claims_variant("sub-missing", "no sub", _drop("sub")),
    _claims_variant(
        "sub-array",
        "sub ['userexternal'] (compared loosely: passes)",
        _set("sub", ["userexternal"]),
    ),
    _claims_variant("email-missing", "no email", _drop("email")),
    _claims_variant(
        "email-malformed", "email that is not an address", _set("email", "not-an-email")
    ),
    _claims_variant(
        "role-staff-with-email",
        "role 'agent' with an email: signs up a real agent account",
        _staff(True),
    ),
    _claims_variant("role-staff-without-email", "role 'agent' without an email", _staff(False)),
    _claims_variant(
        "role-supervisor",
        "role 'supervisor': becomes the visitor's project role",
        _set("role", "supervisor"),
    ),
    _claims_variant(
        "message-claim",
        "a 'message' claim (winston appends it to log lines)",
        _set("message", "QA message claim"),
    ),
    _Variant(
        "attributes-huge-under-limit",
        f"attributes making the header about {_UNDER_LIMIT} bytes, under Node's 16 KiB "
        "(a proxy in front may refuse earlier: nginx's default is 8 KiB a line)",
        _attributes_sized(_UNDER_LIMIT),
    ),
    _Variant(
        "attributes-huge-over-limit",
        f"attributes making the header about {_OVER_LIMIT} bytes, over Node's 16 KiB: 431",
        _attributes_sized(_OVER_LIMIT),
    ),
    _claims_variant(
        "names-non-ascii",
        "names with accents and a CJK name",
        _names("Zoë Anaïs", "Łukasiewicz 山田"),
    ),
    _claims_variant(
        "names-right-to-left", "right-to-left names (Arabic, Hebrew)", _names("مريم", "כהן")
    ),
    _Variant("secret-wrong", "signed with another secret", _signed_with(_wrong_secret)),
    _Variant(
        "secret-trailing-newline",
        "signed with the secret plus a trailing newline",
        _signed_with(_secret_newline),
    ),
    _Variant(
        "secret-base64-decoded",
        "signed with the secret base64-decoded (Tiledesk uses its text)",
        _signed_with(_secret_base64),
    ),
    _Variant("alg-HS384", "signed with HS384", _alg("HS384")),
    _Variant("alg-HS512", "signed with HS512", _alg("HS512")),
    _Variant("alg-none", "alg 'none' and no signature", _alg("none")),
    _Variant(
        "alg-hs256", "alg 'hs256' in lower case (HMAC-SHA256 signature)", _alg("hs256", "HS256")
    ),
    _Variant("payload-tampered", "_id changed to another user after signing", _tampered),
    _Variant("signature-padded", "the signature with '=' padding", _padded),
    _Variant("scheme-bearer", "sent as 'Bearer <token>' instead of 'JWT <token>'", _bearer),
    _Variant("scheme-two-spaces", "two spaces after 'JWT' in the header", _two_spaces),
)


def variant_names() -> tuple[str, ...]:
    """Every variant's name, in the catalogue's order."""
    return tuple(v.name for v in _VARIANTS)


def generate_suite(
    project_id: str,
    secret: str,
    *,
    now: float,
    base_claims: Mapping[str, JSONValue] | None = None,
    seed: int = DEFAULT_SEED,
    only: Sequence[str] | None = None,
) -> Suite:
    """The catalogue for ``project_id`` as of ``now``; ``only`` picks variants by name.

    Raises :class:`InputError` for a project id that is not 24 hex characters, an empty secret
    or an unknown variant name."""
    if not PROJECT_ID_PATTERN.fullmatch(project_id):
        raise InputError(
            f"the project id {project_id!r} is not 24 hexadecimal characters "
            "(find it in the Tiledesk dashboard's project settings)"
        )
    if not secret:
        raise InputError("the secret is empty")
    chosen = _choose(only)
    moment = int(now)
    base = dict(base_claims) if base_claims is not None else demo_claims(moment)
    exact: list[QACase] = []
    left_out: list[QACase] = []
    for variant in chosen:
        context = _Context(project_id, secret, moment, base, variant.name, seed)
        built = variant.build(context)
        expected = expected_outcome(
            built.token, built.authorization, project_id=project_id, secret=secret, now=moment
        )
        case = QACase(variant.name, variant.description, built.token, built.authorization, expected)
        (exact if expected.exact else left_out).append(case)
    return Suite(project_id, moment, seed, tuple(exact), tuple(left_out))


def _choose(only: Sequence[str] | None) -> tuple[_Variant, ...]:
    if not only:
        return _VARIANTS
    by_name = {v.name: v for v in _VARIANTS}
    unknown = [name for name in only if name not in by_name]
    if unknown:
        raise InputError(
            f"no variant named {', '.join(map(repr, unknown))}; the variants are "
            + ", ".join(by_name)
        )
    wanted = set(only)
    return tuple(v for v in _VARIANTS if v.name in wanted)
