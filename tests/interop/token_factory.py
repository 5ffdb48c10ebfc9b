"""A deterministic generator of many varied Tiledesk custom-auth tokens, valid and broken.

Every token is built byte by byte (the JSON text, the base64url segments, the signature), so
that duplicate keys, invalid UTF-8, odd numbers or non-canonical base64 can be produced at will.
Only the standard library is used: the generator must not share code, or bugs, with the
implementation it helps to test.

``generate_cases`` returns cases for ``tiledesk_server.js`` (plus ``entity_check``, which only
the core's passport model reads), each with a
``"name"`` saying which mutation (``family:variant``) and which flavours (``+HS384``, ``+signin``
for the entity check switched off, ``+global`` for a known global secret) it carries. Unless the
mutation is about the signature, the token is signed with the secret the server is expected to
pick, so that most cases get past the signature and exercise the later checks.
"""

from __future__ import annotations

import base64
import hmac
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

NOW_BASE: Final = 1_800_000_000
GLOBAL_SECRET: Final = "nodeauthsecret"
DEFAULT_COUNT: Final = 600
DEFAULT_SEED: Final = 7

# Project ids: two ordinary ObjectIds and one whose 12 bytes are ASCII ("abcdefghijkl"), which
# mongoose also accepts in its 12-character form.
MAIN_PROJECT: Final = "65a1b2c3d4e5f60718293a4b"
OTHER_PROJECT: Final = "5c81593adf767b0017d1aa68"
ASCII_PROJECT: Final = "6162636465666768696a6b6c"
ASCII_PROJECT_ALIAS: Final = "abcdefghijkl"
UNKNOWN_PROJECT: Final = "0123456789abcdef01234567"

HASHES: Final[dict[str, str]] = {"HS256": "sha256", "HS384": "sha384", "HS512": "sha512"}

Member = tuple[str, bytes]
Edit = Callable[[str], str]


def jtext(value: object) -> bytes:
    """Compact JSON text of a value, UTF-8, non-ASCII kept as is."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def jobject(members: list[Member]) -> bytes:
    """A JSON object from (key, raw JSON value) pairs, duplicates and order kept."""
    return b"{" + b",".join(jtext(key) + b":" + raw for key, raw in members) + b"}"


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def hmac_signature(alg: str, key: bytes, signing_input: bytes) -> str:
    return b64u(hmac.new(key, signing_input, HASHES[alg]).digest())


_ALPHABET: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def noncanonical_tail(segment: str) -> str:
    """Change the unused low bits of the last base64url character (same decoded bytes)."""
    unused_bits = {2: 4, 3: 2}.get(len(segment) % 4, 0)
    if not segment or unused_bits == 0:
        return segment + "A"  # length becomes 1 mod 4 instead: also ignored by Node
    index = _ALPHABET.index(segment[-1])
    return segment[:-1] + _ALPHABET[index ^ 1]


def uuid_like(rng: random.Random) -> str:
    """A random version-4 UUID, as Tiledesk makes project secrets."""
    raw = bytearray(rng.getrandbits(8) for _ in range(16))
    raw[6] = (raw[6] & 0x0F) | 0x40
    raw[8] = (raw[8] & 0x3F) | 0x80
    text = raw.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def set_member(members: list[Member], key: str, raw: bytes) -> None:
    for index, (name, _) in enumerate(members):
        if name == key:
            members[index] = (key, raw)
            return
    members.append((key, raw))


def drop_member(members: list[Member], key: str) -> None:
    members[:] = [(name, raw) for name, raw in members if name != key]


@dataclass
class Draft:
    """A token under construction, with the context of its case."""

    header: list[Member]
    payload: list[Member]
    sign_alg: str
    key: bytes | None
    projects: dict[str, str]
    now: int
    aud_project: str
    header_raw: bytes | None = None
    payload_raw: bytes | None = None
    global_secret: str | None = None
    entity_check: bool = True
    header_edit: Edit | None = None
    payload_edit: Edit | None = None
    signature_edit: Edit | None = None
    token_edit: Edit | None = None
    tags: list[str] = field(default_factory=list)

    # -- helpers for the variants ------------------------------------------------------------
    def claim(self, key: str, value: object) -> None:
        set_member(self.payload, key, jtext(value))

    def raw_claim(self, key: str, raw: bytes) -> None:
        set_member(self.payload, key, raw)

    def drop(self, key: str) -> None:
        drop_member(self.payload, key)

    def head(self, key: str, value: object) -> None:
        set_member(self.header, key, jtext(value))

    def alg(self, alg: str) -> None:
        """Header alg and signing algorithm together."""
        self.head("alg", alg)
        self.sign_alg = alg

    def aud_for(self, project: str, suffix: str = "") -> str:
        return f"https://tiledesk.com/projects/{project}{suffix}"

    def global_key(self) -> None:
        """Sign with the global secret when the case knows it (else the server has no key)."""
        if self.global_secret is not None:
            self.key = self.global_secret.encode("utf-8")

    def secret_of(self, project: str) -> bytes:
        return self.projects[project].encode("utf-8")

    # -- the token -----------------------------------------------------------------------------
    def token(self) -> str:
        header_bytes = self.header_raw if self.header_raw is not None else jobject(self.header)
        payload_bytes = self.payload_raw if self.payload_raw is not None else jobject(self.payload)
        header_segment = b64u(header_bytes)
        payload_segment = b64u(payload_bytes)
        if self.header_edit is not None:
            header_segment = self.header_edit(header_segment)
        if self.payload_edit is not None:
            payload_segment = self.payload_edit(payload_segment)
        signing_input = f"{header_segment}.{payload_segment}".encode()
        signature = (
            "" if self.key is None else hmac_signature(self.sign_alg, self.key, signing_input)
        )
        if self.signature_edit is not None:
            signature = self.signature_edit(signature)
        token = f"{header_segment}.{payload_segment}.{signature}"
        if self.token_edit is not None:
            token = self.token_edit(token)
        return token


Variant = Callable[[Draft, random.Random], None]


def _set_aud(value: object, key: str = "project", project: str | None = None) -> Variant:
    """An aud variant; key says which secret signs: project, global, or none (kept)."""

    def apply(d: Draft, rng: random.Random) -> None:
        d.claim("aud", value)
        if key == "project":
            d.key = d.secret_of(project or d.aud_project)
        elif key == "global":
            d.global_key()

    return apply


def _aud_raw(builder: Callable[[Draft], object], key: str = "project") -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        d.claim("aud", builder(d))
        if key == "global":
            d.global_key()

    return apply


def _drop_aud(d: Draft, rng: random.Random) -> None:
    d.drop("aud")
    d.global_key()


def _claim(key: str, value: object) -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        d.claim(key, value)

    return apply


def _raw(key: str, raw: bytes) -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        d.raw_claim(key, raw)

    return apply


def _drop(key: str) -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        d.drop(key)

    return apply


def _all(*steps: Variant) -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        for step in steps:
            step(d, rng)

    return apply


def _relative_time(key: str, offset: float) -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        value = d.now + offset
        d.raw_claim(key, jtext(int(value) if float(value).is_integer() else value))

    return apply


def _header(key: str, value: object) -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        d.head(key, value)

    return apply


def _drop_header(key: str) -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        drop_member(d.header, key)

    return apply


def _header_raw(raw: bytes) -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        d.header_raw = raw

    return apply


def _payload_raw(raw: bytes) -> Variant:
    """Replace the whole payload; with no aud in it, the server takes its global secret."""

    def apply(d: Draft, rng: random.Random) -> None:
        d.payload_raw = raw
        d.global_key()

    return apply


def _token_edit(edit: Edit) -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        d.token_edit = edit

    return apply


def _signature_edit(edit: Edit) -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        d.signature_edit = edit

    return apply


def _unsigned(d: Draft, rng: random.Random) -> None:
    d.key = None


def _global(d: Draft, rng: random.Random) -> None:
    d.global_secret = GLOBAL_SECRET


def _signin(d: Draft, rng: random.Random) -> None:
    d.entity_check = False


def _nested(depth: int) -> object:
    value: object = {"leaf": "x"}
    for level in range(depth):
        value = {"level": level, "child": value} if level % 2 else [value, level]
    return value


def _tampered_payload(d: Draft, rng: random.Random) -> None:
    """Sign the payload, then send another one (the e-mail changed) under that signature."""

    def replace(token: str) -> str:
        header_segment, _, signature = token.split(".")
        changed = list(d.payload)
        set_member(changed, "email", jtext("mallory@example.com"))
        return f"{header_segment}.{b64u(jobject(changed))}.{signature}"

    d.token_edit = replace


def _tampered_header(d: Draft, rng: random.Random) -> None:
    def replace(token: str) -> str:
        _, payload_segment, signature = token.split(".")
        changed = list(d.header)
        set_member(changed, "kid", jtext("k2"))
        return f"{b64u(jobject(changed))}.{payload_segment}.{signature}"

    d.token_edit = replace


def _sign_with(secret: Callable[[Draft, random.Random], bytes]) -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        d.key = secret(d, rng)

    return apply


def _sign_alg(alg: str) -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        d.sign_alg = alg

    return apply


def _edit_segment(which: str, edit: Edit) -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        if which == "header":
            d.header_edit = edit
        else:
            d.payload_edit = edit

    return apply


def _replace_part(index: int, text: str) -> Edit:
    def edit(token: str) -> str:
        parts = token.split(".")
        parts[index] = text
        return ".".join(parts)

    return edit


def _insert_at_middle(text: str) -> Edit:
    def edit(token: str) -> str:
        middle = len(token) // 2
        return token[:middle] + text + token[middle:]

    return edit


def _std_alphabet(segment: str) -> str:
    return segment.replace("-", "+").replace("_", "/") + ("+" if "-" not in segment else "")


_WEIRD_STRING_BYTES: Final = b'"Ada\xff\xfeLovelace"'


def _families() -> dict[str, dict[str, Variant]]:
    m, o = MAIN_PROJECT, OTHER_PROJECT
    tiledesk = "https://tiledesk.com"
    bad = {"toString": 1}

    def no_op(d: Draft, rng: random.Random) -> None:
        return None

    valid: dict[str, Variant] = {
        "minimal": _all(_drop("email"), _drop("firstname"), _drop("lastname")),
        "full": _all(
            _claim("firstname", "Ada"),
            _claim("lastname", "Lovelace"),
            _claim("attributes", {"plan": "pro", "seats": 3}),
            _relative_time("iat", -60),
            _relative_time("exp", 3600),
        ),
        "nbf_past": _relative_time("nbf", -120),
        "iss_jti_kid": _all(
            _claim("iss", tiledesk), _claim("jti", "j-1"), _header("kid", "default")
        ),
        "role_agent": _claim("role", "agent"),
        "sub_guest": _claim("sub", "guest"),
        "ascii_alias_project": _set_aud(
            f"{tiledesk}/projects/{ASCII_PROJECT_ALIAS}", project=ASCII_PROJECT
        ),
        "ascii_project_hex": _set_aud(
            f"{tiledesk}/projects/{ASCII_PROJECT}", project=ASCII_PROJECT
        ),
        "unicode_names": _all(_claim("firstname", "Zoë"), _claim("lastname", "李")),
        "many_claims": _all(*(_claim(f"custom_{index}", index) for index in range(40))),
        "prefix_other_project": _claim("_id", f"{o}_user-1"),
        "other_project": _set_aud(f"{tiledesk}/projects/{o}", project=o),
        "typ_absent": _drop_header("typ"),
        "no_typ_hs512": _all(_drop_header("typ"), lambda d, r: d.alg("HS512")),
        "long_strings": _claim("attributes", {"note": "x" * 4000}),
        "no_extra": no_op,
    }

    signature: dict[str, Variant] = {
        "wrong_secret": _sign_with(lambda d, r: uuid_like(r).encode()),
        "other_project_secret": _sign_with(
            lambda d, r: d.secret_of(o if d.aud_project != o else m)
        ),
        "secret_uppercase": _sign_with(lambda d, r: d.secret_of(d.aud_project).upper()),
        "global_secret_for_project_aud": _sign_with(lambda d, r: GLOBAL_SECRET.encode()),
        "empty_key": _sign_with(lambda d, r: b""),
        "secret_with_newline": _sign_with(lambda d, r: d.secret_of(d.aud_project) + b"\n"),
        "header_hs256_signed_hs384": _all(lambda d, r: d.alg("HS256"), _sign_alg("HS384")),
        "header_hs512_signed_hs256": _all(lambda d, r: d.alg("HS512"), _sign_alg("HS256")),
        "tampered_payload": _tampered_payload,
        "tampered_header": _tampered_header,
        "removed_keep_dot": _signature_edit(lambda s: ""),
        "removed_no_dot": _token_edit(lambda t: t.rsplit(".", 1)[0]),
        "truncated_one": _signature_edit(lambda s: s[:-1]),
        "truncated_half": _signature_edit(lambda s: s[: len(s) // 2]),
        "extended": _signature_edit(lambda s: s + "A"),
        "extended_four": _signature_edit(lambda s: s + "AAAA"),
        "noncanonical_last_char": _signature_edit(noncanonical_tail),
        "padded": _signature_edit(lambda s: s + "="),
        "standard_alphabet": _signature_edit(_std_alphabet),
        "whitespace_inside": _signature_edit(lambda s: s[:10] + " " + s[10:]),
        "spaces_only": _signature_edit(lambda s: "   "),
        "zeros": _signature_edit(lambda s: "A" * len(s)),
        "lowercased": _signature_edit(lambda s: s.lower()),
    }

    aud: dict[str, Variant] = {
        "missing": _drop_aud,
        "empty": _set_aud("", key="global"),
        "not_a_url": _aud_raw(lambda d: f"tiledesk projects {d.aud_project}"),
        "relative_path": _aud_raw(lambda d: f"/projects/{d.aud_project}"),
        "number": _set_aud(5, key="keep"),
        "zero": _set_aud(0, key="global"),
        "true": _set_aud(True, key="keep"),
        "false": _set_aud(False, key="global"),
        "null": _set_aud(None, key="global"),
        "array_one_url": _aud_raw(lambda d: [d.aud_for(d.aud_project)]),
        "array_two_urls": _aud_raw(lambda d: [d.aud_for(d.aud_project), d.aud_for(o)]),
        "array_empty": _set_aud([], key="keep"),
        "array_with_bad_object": _aud_raw(lambda d: [d.aud_for(d.aud_project), bad]),
        "array_nested": _aud_raw(lambda d: [[d.aud_for(d.aud_project)]]),
        "object": _aud_raw(lambda d: {"url": d.aud_for(d.aud_project)}),
        "object_tostring": _set_aud(bad, key="keep"),
        "object_valueof": _set_aud({"valueOf": 1}, key="keep"),
        "other_host": _aud_raw(lambda d: f"https://evil.example/projects/{d.aud_project}"),
        "http_scheme": _aud_raw(lambda d: f"http://tiledesk.com/projects/{d.aud_project}"),
        "custom_scheme": _aud_raw(lambda d: f"tiledesk:/projects/{d.aud_project}"),
        "custom_scheme_opaque": _aud_raw(lambda d: f"tiledesk:projects/{d.aud_project}"),
        "mailto": _aud_raw(lambda d: f"mailto:{d.aud_project}@tiledesk.com", key="global"),
        "uppercase_hex": _aud_raw(lambda d: d.aud_for(d.aud_project.upper())),
        "mixed_case_hex": _aud_raw(
            lambda d: d.aud_for(d.aud_project[:12].upper() + d.aud_project[12:])
        ),
        "id_not_hex": _aud_raw(lambda d: d.aud_for("zz" + d.aud_project[2:])),
        "id_23": _aud_raw(lambda d: d.aud_for(d.aud_project[:-1])),
        "id_25": _aud_raw(lambda d: d.aud_for(d.aud_project + "0")),
        "id_12_unknown": _aud_raw(lambda d: d.aud_for("zyxwvutsrqpo")),
        "id_unknown_hex": _aud_raw(lambda d: d.aud_for(UNKNOWN_PROJECT)),
        "trailing_slash": _aud_raw(lambda d: d.aud_for(d.aud_project, "/")),
        "extra_path": _aud_raw(lambda d: d.aud_for(d.aud_project, "/widgets/1")),
        "query": _aud_raw(lambda d: d.aud_for(d.aud_project, "?lang=it")),
        "fragment": _aud_raw(lambda d: d.aud_for(d.aud_project, "#top")),
        "query_and_fragment": _aud_raw(lambda d: d.aud_for(d.aud_project, "?a=1#b")),
        "backslashes": _aud_raw(lambda d: f"https:\\\\tiledesk.com\\projects\\{d.aud_project}"),
        "capitalised_projects": _aud_raw(
            lambda d: f"{tiledesk}/Projects/{d.aud_project}", key="global"
        ),
        "double_slash": _aud_raw(lambda d: f"{tiledesk}//projects/{d.aud_project}", key="global"),
        "percent_encoded_id": _aud_raw(
            lambda d: d.aud_for(
                "".join(f"%{ord(c):02X}" for c in d.aud_project[:4]) + d.aud_project[4:]
            )
        ),
        "percent_encoded_slash": _aud_raw(
            lambda d: f"{tiledesk}/projects%2F{d.aud_project}", key="global"
        ),
        "dot_segments": _aud_raw(lambda d: f"{tiledesk}/x/../projects/{d.aud_project}"),
        "tab_inside": _aud_raw(lambda d: f"{tiledesk}/pro\tjects/{d.aud_project}"),
        "newline_inside": _aud_raw(lambda d: f"{tiledesk}/projects/\n{d.aud_project}"),
        "userinfo_and_port": _aud_raw(
            lambda d: f"https://u:p@tiledesk.com:8443/projects/{d.aud_project}"
        ),
        "ipv6_host": _aud_raw(lambda d: f"https://[::1]/projects/{d.aud_project}"),
        "uppercase_scheme_host": _aud_raw(
            lambda d: f"HTTPS://TILEDESK.COM/projects/{d.aud_project}"
        ),
        "bots_id": _aud_raw(lambda d: f"{tiledesk}/bots/{d.aud_project}"),
        "bots_no_id": _aud_raw(lambda d: f"{tiledesk}/bots/"),
        "bots_not_hex": _aud_raw(lambda d: f"{tiledesk}/bots/my-bot"),
        "subscriptions_id": _aud_raw(lambda d: f"{tiledesk}/subscriptions/{d.aud_project}"),
        "subscriptions_no_id": _aud_raw(lambda d: f"{tiledesk}/subscriptions"),
        "projects_no_id": _aud_raw(lambda d: f"{tiledesk}/projects/"),
        "projects_bare": _aud_raw(lambda d: f"{tiledesk}/projects"),
        "leading_trailing_spaces": _aud_raw(lambda d: f"  {d.aud_for(d.aud_project)} "),
        "tiledesk_root": _set_aud(tiledesk, key="global"),
        "tiledesk_root_slash": _set_aud(tiledesk + "/", key="global"),
        "users_path": _aud_raw(lambda d: f"{tiledesk}/users/{d.aud_project}", key="global"),
        "docs_example_other_project": _set_aud(f"{tiledesk}/projects/{o}", project=m),
    }

    sub: dict[str, Variant] = {
        "userexternal": _claim("sub", "userexternal"),
        "guest": _claim("sub", "guest"),
        "user": _claim("sub", "user"),
        "bot": _claim("sub", "bot"),
        "subscription": _claim("sub", "subscription"),
        "agent": _claim("sub", "agent"),
        "missing": _drop("sub"),
        "capitalised": _claim("sub", "UserExternal"),
        "trailing_space": _claim("sub", "userexternal "),
        "empty": _claim("sub", ""),
        "array": _claim("sub", ["userexternal"]),
        "array_guest_nested": _claim("sub", [["guest"]]),
        "array_bot": _claim("sub", ["bot"]),
        "array_two": _claim("sub", ["userexternal", "guest"]),
        "number": _claim("sub", 5),
        "null": _claim("sub", None),
        "true": _claim("sub", True),
        "object": _claim("sub", {}),
        "object_tostring": _claim("sub", bad),
        "object_valueof": _claim("sub", {"valueOf": 1}),
        "escaped": _raw("sub", b'"\\u0075serexternal"'),
        "nul_suffix": _raw("sub", b'"userexternal\\u0000"'),
        "invalid_utf8_suffix": _raw("sub", b'"userexternal\xff"'),
    }

    ident: dict[str, Variant] = {
        "string": _claim("_id", "ext-user-7"),
        "objectid_like": _claim("_id", OTHER_PROJECT),
        "missing": _drop("_id"),
        "null": _claim("_id", None),
        "empty": _claim("_id", ""),
        "zero": _claim("_id", 0),
        "false": _claim("_id", False),
        "true": _claim("_id", True),
        "number": _claim("_id", 42),
        "huge_number": _raw("_id", b"9" * 400),
        "object": _claim("_id", {"a": 1}),
        "object_tostring": _claim("_id", bad),
        "object_valueof": _claim("_id", {"valueOf": 1}),
        "array_empty": _claim("_id", []),
        "array": _claim("_id", ["x"]),
        "array_with_bad_object": _claim("_id", [bad]),
        "doc_legacy": _all(_drop("_id"), _claim("_doc", {"_id": "legacy-1"})),
        "doc_without_id": _all(_drop("_id"), _claim("_doc", {})),
        "doc_null_id": _all(_drop("_id"), _claim("_doc", {"_id": None})),
        "doc_zero": _all(_drop("_id"), _claim("_doc", 0)),
        "doc_empty_string": _all(_drop("_id"), _claim("_doc", "")),
        "doc_false": _all(_drop("_id"), _claim("_doc", False)),
        "doc_null": _all(_drop("_id"), _claim("_doc", None)),
        "doc_string": _all(_drop("_id"), _claim("_doc", "abc")),
        "doc_id_empty": _all(_drop("_id"), _claim("_doc", {"_id": ""})),
        "zero_with_doc": _all(_claim("_id", 0), _claim("_doc", {"_id": "legacy-2"})),
        "empty_with_doc": _all(_claim("_id", ""), _claim("_doc", {"_id": "legacy-3"})),
        "null_with_doc": _all(_claim("_id", None), _claim("_doc", {"_id": "legacy-4"})),
        "false_with_doc_null": _all(_claim("_id", False), _claim("_doc", None)),
        "string_with_doc": _all(_claim("_id", "both-1"), _claim("_doc", {"_id": "legacy-5"})),
    }

    names: dict[str, Variant] = {
        "firstname_tostring": _claim("firstname", bad),
        "lastname_tostring": _claim("lastname", bad),
        "firstname_valueof": _claim("firstname", {"valueOf": 1}),
        "firstname_both_keys": _claim("firstname", {"valueOf": 1, "toString": 2}),
        "firstname_array": _claim("firstname", [1, 2]),
        "lastname_array_with_bad": _claim("lastname", ["a", bad]),
        "firstname_nested_arrays": _claim("firstname", [[["a"]], None]),
        "firstname_number": _claim("firstname", 5),
        "firstname_zero": _claim("firstname", 0),
        "lastname_null": _claim("lastname", None),
        "firstname_empty": _claim("firstname", ""),
        "firstname_true": _claim("firstname", True),
        "lastname_object": _claim("lastname", {}),
        "firstname_falsy_object_key": _claim("firstname", {"toString": 0}),
        "both_missing": _all(_drop("firstname"), _drop("lastname")),
        "invalid_utf8": _raw("firstname", _WEIRD_STRING_BYTES),
        "lone_surrogate_escape": _raw("lastname", b'"\\ud800x"'),
        "fullname_claim": _claim("fullName", bad),
        "id_claim": _claim("id", bad),
    }

    logged: dict[str, Variant] = {
        "message_tostring": _claim("message", bad),
        "message_array_bad": _claim("message", [bad]),
        "message_valueof": _claim("message", {"valueOf": 1}),
        "message_string": _claim("message", "hello"),
        "message_tostring_unsigned": _all(_claim("message", bad), _unsigned),
        "padding_error_no_id": _all(
            _claim("padding", {"error": bad}), _aud_raw(lambda d: f"{tiledesk}/projects/")
        ),
        "padding_warn_unknown_project": _all(
            _claim("padding", {"warn": bad}), _aud_raw(lambda d: d.aud_for(UNKNOWN_PROJECT))
        ),
        "padding_warn_found_project": _claim("padding", {"warn": bad}),
        "padding_debug_only": _claim("padding", {"debug": bad}),
        "padding_warn_percent_id": _all(
            _claim("padding", {"warn": bad}), _aud_raw(lambda d: d.aud_for("%sabcdefghij"))
        ),
        "id_project_tostring_bots_aud": _all(
            _claim("id_project", bad), _aud_raw(lambda d: f"{tiledesk}/bots/{d.aud_project}")
        ),
        "id_project_tostring_sub_bot": _all(_claim("id_project", bad), _claim("sub", "bot")),
        "id_project_tostring_userexternal": _claim("id_project", bad),
        "proto_key": _raw("__proto__", b'{"_id":"from-proto","sub":"bot"}'),
        "proto_only_id": _all(_drop("_id"), _raw("__proto__", b'{"_id":"from-proto"}')),
        "payload_tostring_key": _claim("toString", 1),
        "payload_valueof_key": _claim("valueOf", 1),
        "exception_flag": _claim("exception", True),
        "level_key": _claim("level", bad),
        "stack_key": _claim("stack", bad),
    }

    time: dict[str, Variant] = {
        "exp_past": _relative_time("exp", -86400),
        "exp_now_minus_1": _relative_time("exp", -1),
        "exp_now": _relative_time("exp", 0),
        "exp_now_plus_1": _relative_time("exp", 1),
        "exp_future": _relative_time("exp", 86400 * 30),
        "exp_plus_half": _relative_time("exp", 0.5),
        "exp_minus_half": _relative_time("exp", -0.5),
        "exp_string": _claim("exp", "123"),
        "exp_string_future": _raw("exp", b'"4102444800"'),
        "exp_null": _claim("exp", None),
        "exp_true": _claim("exp", True),
        "exp_array": _raw("exp", b"[4102444800]"),
        "exp_object": _claim("exp", {}),
        "exp_huge": _raw("exp", b"1e300"),
        "exp_overflow": _raw("exp", b"1e400"),
        "exp_400_digits": _raw("exp", b"9" * 400),
        "exp_negative_400_digits": _raw("exp", b"-" + b"9" * 400),
        "exp_negative": _claim("exp", -1),
        "exp_zero": _claim("exp", 0),
        "exp_milliseconds": _milliseconds("exp"),
        "exp_exponent_form": _raw("exp", b"4.1e9"),
        "exp_fraction_zero": _raw("exp", b"4102444800.0"),
        "exp_minus_zero": _raw("exp", b"-0"),
        "nbf_past": _relative_time("nbf", -60),
        "nbf_now": _relative_time("nbf", 0),
        "nbf_now_plus_1": _relative_time("nbf", 1),
        "nbf_future": _relative_time("nbf", 3600),
        "nbf_plus_half": _relative_time("nbf", 0.5),
        "nbf_minus_half": _relative_time("nbf", -0.5),
        "nbf_string": _claim("nbf", "123"),
        "nbf_null": _claim("nbf", None),
        "nbf_true": _claim("nbf", True),
        "nbf_array": _raw("nbf", b"[0]"),
        "nbf_huge": _raw("nbf", b"1e300"),
        "nbf_400_digits": _raw("nbf", b"1" + b"0" * 399),
        "nbf_negative": _claim("nbf", -5),
        "nbf_bad_exp_bad": _all(_claim("nbf", "x"), _claim("exp", "y")),
        "nbf_future_exp_past": _all(_relative_time("nbf", 60), _relative_time("exp", -60)),
        "iat_string": _claim("iat", "yesterday"),
        "iat_null": _claim("iat", None),
        "iat_future": _relative_time("iat", 86400 * 365),
        "iat_huge": _raw("iat", b"1e300"),
        "iat_array": _claim("iat", []),
        "iat_object": _claim("iat", {"t": 1}),
        "iat_float": _relative_time("iat", -0.25),
        "iat_negative": _claim("iat", -100),
        "iat_milliseconds": _milliseconds("iat"),
    }

    header: dict[str, Variant] = {
        "alg_none_signed": lambda d, r: d.head("alg", "none"),
        "alg_none_unsigned": _all(_header("alg", "none"), _unsigned),
        "alg_None_unsigned": _all(_header("alg", "None"), _unsigned),
        "alg_NONE_signed": _header("alg", "NONE"),
        "alg_none_unsigned_no_aud": _all(_header("alg", "none"), _unsigned, _drop_aud),
        "alg_hs256_unsigned": _all(lambda d, r: d.alg("HS256"), _unsigned),
        "alg_missing": _drop_header("alg"),
        "alg_null": _header("alg", None),
        "alg_number": _header("alg", 5),
        "alg_lowercase": _header("alg", "hs256"),
        "alg_trailing_space": _header("alg", "HS256 "),
        "alg_array": _header("alg", ["HS256"]),
        "alg_rs256_hmac_signed": _header("alg", "RS256"),
        "alg_es256_hmac_signed": _header("alg", "ES256"),
        "alg_ps256_hmac_signed": _header("alg", "PS256"),
        "alg_hs_only": _header("alg", "HS"),
        "typ_absent": _drop_header("typ"),
        "typ_lowercase": _header("typ", "jwt"),
        "typ_jws": _header("typ", "JWS"),
        "typ_number": _header("typ", 5),
        "cty_jwt": _header("cty", "JWT"),
        "crit": _header("crit", ["exp"]),
        "kid": _header("kid", "../../etc/passwd"),
        "jku": _header("jku", "https://evil.example/jwks.json"),
        "x5u_and_jwk": _all(
            _header("x5u", "https://evil.example/c"), _header("jwk", {"kty": "oct"})
        ),
        "b64_false": _header("b64", False),
        "duplicate_alg_none_last": _dup_header_alg("HS256", "none"),
        "duplicate_alg_hs_last": _dup_header_alg("none", "HS256"),
        "empty_object": _header_raw(b"{}"),
        "array": _header_raw(b'["HS256"]'),
        "number": _header_raw(b"5"),
        "zero": _header_raw(b"0"),
        "string_zero": _header_raw(b'"0"'),
        "string": _header_raw(b'"HS256"'),
        "false": _header_raw(b"false"),
        "true": _header_raw(b"true"),
        "null": _header_raw(b"null"),
        "not_json": _header_raw(b"alg=HS256"),
        "whitespace_around": _header_wrap(b" \n", b"\t "),
        "latin1_bytes": _latin1_header,
        "utf8_bytes": _header("kid", "clé-€"),
        "bom": _bom_header,
        "nested": _header("ext", _nested(12)),
    }

    shape: dict[str, Variant] = {
        "array_typ": _payload_raw(b'[{"_id":"a","sub":"userexternal"}]'),
        "array_no_typ": _all(_drop_header("typ"), _payload_raw(b'["userexternal"]')),
        "string_typ": _payload_raw(b'"userexternal"'),
        "string_no_typ": _all(_drop_header("typ"), _payload_raw(b'"hello"')),
        "number_typ": _payload_raw(b"42"),
        "null_typ": _payload_raw(b"null"),
        "null_no_typ": _all(_drop_header("typ"), _payload_raw(b"null")),
        "true_typ": _payload_raw(b"true"),
        "not_json_typ": _payload_raw(b"_id=1&sub=userexternal"),
        "not_json_no_typ": _all(_drop_header("typ"), _payload_raw(b"_id=1&sub=userexternal")),
        "empty_object": _payload_raw(b"{}"),
        "empty_bytes_typ": _payload_raw(b""),
        "whitespace_around": _wrap_payload(b" \r\n", b"\n "),
        "bom_typ": _wrap_payload(b"\xef\xbb\xbf", b""),
        "bom_no_typ": _all(_drop_header("typ"), _wrap_payload(b"\xef\xbb\xbf", b""), _global_key),
        "trailing_garbage_typ": _wrap_payload(b"", b"x"),
        "trailing_comma_typ": _trailing_comma,
        "single_quotes_typ": _payload_raw(b"{'_id':'a'}"),
        "duplicate_exp_future_last": _dup("exp", -60, 3600),
        "duplicate_exp_past_last": _dup("exp", 3600, -60),
        "duplicate_aud_good_last": _dup_aud(first_bad=True),
        "duplicate_aud_bad_last": _dup_aud(first_bad=False),
        "duplicate_sub_userexternal_last": _dup_raw("sub", jtext("bot"), jtext("userexternal")),
        "duplicate_sub_bot_last": _dup_raw("sub", jtext("userexternal"), jtext("bot")),
        "duplicate_id_null_last": _dup_raw("_id", jtext("a"), b"null"),
        "duplicate_id_value_last": _dup_raw("_id", b"null", jtext("b")),
        "deep_attributes": _deep_attributes,
        "invalid_utf8_in_id": _raw("_id", b'"user\xc3(1"'),
        "invalid_utf8_in_aud": _aud_bytes(b"\xff"),
        "overlong_utf8": _raw("lastname", b'"\xc0\xafx"'),
        "utf8_surrogate_bytes": _raw("lastname", b'"\xed\xa0\x80"'),
        "nul_in_email": _raw("email", b'"a\\u0000@example.com"'),
        "huge_payload": _claim("attributes", {f"k{index}": "v" * 50 for index in range(300)}),
        "unicode_keys": _claim("prénom", "Ada"),
        "escaped_key_sub": _escaped_key_sub,
    }

    structure: dict[str, Variant] = {
        "two_parts": _token_edit(lambda t: t.rsplit(".", 1)[0]),
        "four_parts": _token_edit(lambda t: t + ".e30"),
        "four_parts_empty": _token_edit(lambda t: t + "."),
        "empty_header": _token_edit(_replace_part(0, "")),
        "empty_payload": _token_edit(_replace_part(1, "")),
        "only_dots": _token_edit(lambda t: ".."),
        "empty_token": _token_edit(lambda t: ""),
        "header_len_1_mod_4": _one_mod_four("header"),
        "payload_len_1_mod_4": _one_mod_four("payload"),
        "header_noncanonical": _edit_segment("header", noncanonical_tail),
        "payload_noncanonical": _edit_segment("payload", noncanonical_tail),
        "header_padded": _edit_segment("header", lambda s: s + "=" * (-len(s) % 4 or 1)),
        "payload_padded": _edit_segment("payload", lambda s: s + "=" * (-len(s) % 4 or 1)),
        "payload_standard_alphabet": _edit_segment("payload", _std_alphabet),
        "leading_space": _token_edit(lambda t: " " + t),
        "trailing_newline": _token_edit(lambda t: t + "\n"),
        "trailing_crlf": _token_edit(lambda t: t + "\r\n"),
        "leading_tab": _token_edit(lambda t: "\t" + t),
        "space_then_garbage": _token_edit(lambda t: t + " garbage"),
        "space_inside": _token_edit(_insert_at_middle(" ")),
        "tab_inside": _token_edit(_insert_at_middle("\t")),
        "newline_inside": _token_edit(_insert_at_middle("\n")),
        "nul_inside": _token_edit(_insert_at_middle("\x00")),
        "del_inside": _token_edit(_insert_at_middle("\x7f")),
        "nbsp_inside": _token_edit(_insert_at_middle("\u00a0")),
        "latin1_char_inside": _token_edit(_insert_at_middle("é")),
        "euro_inside": _token_edit(_insert_at_middle("€")),
        "jwt_prefix_included": _token_edit(lambda t: "JWT " + t),
        "bearer_prefix_included": _token_edit(lambda t: "Bearer " + t),
        "quoted": _token_edit(lambda t: f'"{t}"'),
        "dot_prefix": _token_edit(lambda t: "." + t),
    }

    global_family: dict[str, Variant] = {
        "aud_missing": _all(_global, _drop_aud),
        "aud_tiledesk": _all(_global, _set_aud(tiledesk, key="global")),
        "aud_tiledesk_sub_user": _all(
            _global, _set_aud(tiledesk, key="global"), _claim("sub", "user")
        ),
        "aud_missing_project_secret": _all(_global, _drop("aud")),
        "project_aud_global_signed": _all(_global, _sign_with(lambda d, r: GLOBAL_SECRET.encode())),
        "capitalised_projects": _all(_global, _set_aud(f"{tiledesk}/Projects/{m}", key="global")),
        "payload_array": _all(_global, _global_key, _payload_raw(b"[1,2]")),
        "payload_null_typ": _all(_global, _global_key, _payload_raw(b"null")),
        "payload_string_typ": _all(_global, _global_key, _payload_raw(b'"x"')),
        "payload_number_no_typ": _all(
            _global, _global_key, _drop_header("typ"), _payload_raw(b"7")
        ),
        "alg_none_unsigned": _all(_global, _drop_aud, _header("alg", "none"), _unsigned),
        "header_zero": _all(_global, _drop_aud, _header_raw(b"0")),
        "signin_no_sub": _all(_global, _drop_aud, _drop("sub"), _signin),
        "message_tostring": _all(_global, _drop_aud, _claim("message", bad)),
        "expired": _all(_global, _drop_aud, _relative_time("exp", -10)),
    }

    signin: dict[str, Variant] = {
        "sub_user": _all(_signin, _claim("sub", "user")),
        "sub_missing": _all(_signin, _drop("sub")),
        "sub_bot": _all(_signin, _claim("sub", "bot")),
        "id_missing": _all(_signin, _drop("_id")),
        "id_empty": _all(_signin, _claim("_id", "")),
        "id_zero_doc_legacy": _all(_signin, _claim("_id", 0), _claim("_doc", {"_id": "x"})),
        "firstname_tostring": _all(_signin, _claim("firstname", bad)),
        "sub_tostring": _all(_signin, _claim("sub", bad)),
        "expired": _all(_signin, _relative_time("exp", -1)),
        "wrong_secret": _all(_signin, _sign_with(lambda d, r: b"not-the-secret")),
    }

    return {
        "valid": valid,
        "signature": signature,
        "aud": aud,
        "sub": sub,
        "id": ident,
        "names": names,
        "logged": logged,
        "time": time,
        "header": header,
        "shape": shape,
        "structure": structure,
        "global": global_family,
        "signin": signin,
    }


# -- variant helpers that need more than one line ---------------------------------------------


def _milliseconds(key: str) -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        d.claim(key, (d.now + 3600) * 1000)

    return apply


def _global_key(d: Draft, rng: random.Random) -> None:
    d.global_key()


def _dup_header_alg(first: str, last: str) -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        drop_member(d.header, "alg")
        d.header.insert(0, ("alg", jtext(first)))
        d.header.append(("alg", jtext(last)))
        if last in HASHES:
            d.sign_alg = last

    return apply


def _header_wrap(before: bytes, after: bytes) -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        d.header_raw = before + jobject(d.header) + after

    return apply


def _one_mod_four(which: str) -> Variant:
    """A segment of length 1 mod 4: a JSON text of 3n bytes, then one more character."""

    def apply(d: Draft, rng: random.Random) -> None:
        members = d.header if which == "header" else d.payload
        bare = len(jobject([*members, ("pad", b'""')]))
        members.append(("pad", jtext("x" * (-bare % 3))))
        extra = rng.choice("AQgw")
        if which == "header":
            d.header_edit = lambda segment: segment + extra
        else:
            d.payload_edit = lambda segment: segment + extra

    return apply


def _latin1_header(d: Draft, rng: random.Random) -> None:
    d.header_raw = jobject(d.header)[:-1] + b',"kid":"caf\xe9"}'


def _bom_header(d: Draft, rng: random.Random) -> None:
    d.header_raw = b"\xef\xbb\xbf" + jobject(d.header)


def _wrap_payload(before: bytes, after: bytes) -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        d.payload_raw = before + jobject(d.payload) + after

    return apply


def _trailing_comma(d: Draft, rng: random.Random) -> None:
    d.payload_raw = jobject(d.payload)[:-1] + b",}"


def _dup(key: str, first: int, last: int) -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        d.drop(key)
        d.payload.append((key, jtext(d.now + first)))
        d.payload.append((key, jtext(d.now + last)))

    return apply


def _dup_raw(key: str, first: bytes, last: bytes) -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        d.drop(key)
        d.payload.append((key, first))
        d.payload.append((key, last))

    return apply


def _dup_aud(*, first_bad: bool) -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        good = jtext(d.aud_for(d.aud_project))
        wrong = jtext(d.aud_for(OTHER_PROJECT if d.aud_project != OTHER_PROJECT else MAIN_PROJECT))
        d.drop("aud")
        d.payload.append(("aud", wrong if first_bad else good))
        d.payload.append(("aud", good if first_bad else wrong))

    return apply


def _aud_bytes(inner: bytes) -> Variant:
    def apply(d: Draft, rng: random.Random) -> None:
        aud = d.aud_for(d.aud_project).encode("ascii")
        d.raw_claim("aud", b'"' + aud[:-3] + inner + aud[-3:] + b'"')

    return apply


def _deep_attributes(d: Draft, rng: random.Random) -> None:
    d.claim("attributes", _nested(rng.randrange(20, 40)))


def _escaped_key_sub(d: Draft, rng: random.Random) -> None:
    d.drop("sub")
    d.payload_raw = jobject(d.payload)[:-1] + b',"\\u0073ub":"userexternal"}'


# -- assembling the cases ------------------------------------------------------------------------

_FLAVOUR_ALGS: Final = ("HS256", "HS256", "HS256", "HS384", "HS512")


def _projects(rng: random.Random) -> dict[str, str]:
    return {
        MAIN_PROJECT: uuid_like(rng),
        OTHER_PROJECT: uuid_like(rng),
        ASCII_PROJECT: uuid_like(rng),
    }


def _base_draft(rng: random.Random, projects: dict[str, str]) -> Draft:
    now = NOW_BASE + rng.randrange(-5_000_000, 5_000_000)
    project = rng.choice((MAIN_PROJECT, MAIN_PROJECT, MAIN_PROJECT, OTHER_PROJECT))
    alg = rng.choice(_FLAVOUR_ALGS)
    user = rng.randrange(1, 10**9)
    payload: list[Member] = [
        ("_id", jtext(f"{project}_user-{user}")),
        ("sub", jtext("userexternal")),
        ("aud", jtext(f"https://tiledesk.com/projects/{project}")),
    ]
    if rng.random() < 0.8:
        payload.append(("email", jtext(f"user{user}@example.com")))
    if rng.random() < 0.5:
        payload.append(("firstname", jtext(rng.choice(("Ada", "Grace", "Alan", "Édith")))))
        payload.append(("lastname", jtext(rng.choice(("Lovelace", "Hopper", "Turing", "Piaf")))))
    if rng.random() < 0.3:
        payload.append(("iat", jtext(now - rng.randrange(0, 3600))))
    if rng.random() < 0.3:
        payload.append(("exp", jtext(now + rng.randrange(60, 86400))))
    if rng.random() < 0.15:
        payload.append(("attributes", jtext({"plan": "pro", "seats": rng.randrange(1, 9)})))
    rng.shuffle(payload)
    draft = Draft(
        header=[("alg", jtext(alg)), ("typ", jtext("JWT"))],
        payload=payload,
        sign_alg=alg,
        key=projects[project].encode("utf-8"),
        projects=dict(projects),
        now=now,
        aud_project=project,
    )
    if alg != "HS256":
        draft.tags.append(alg)
    return draft


def _schedule(
    rng: random.Random, families: dict[str, dict[str, Variant]], count: int
) -> list[tuple[str, str]]:
    every = [(family, variant) for family, variants in families.items() for variant in variants]
    rng.shuffle(every)
    if count <= len(every):
        return every[:count]
    extra = [rng.choice(every) for _ in range(count - len(every))]
    return every + extra


def generate_cases(count: int = DEFAULT_COUNT, seed: int = DEFAULT_SEED) -> list[dict[str, object]]:
    """``count`` cases for ``tiledesk_server.js``, the same for the same seed."""
    rng = random.Random(seed)
    projects = _projects(rng)
    families = _families()
    cases: list[dict[str, object]] = []
    for family, variant in _schedule(rng, families, count):
        draft = _base_draft(rng, projects)
        flavour = rng.random()
        if family not in {"global", "signin"}:
            if flavour < 0.12:
                draft.entity_check = False
            elif flavour < 0.24:
                draft.global_secret = GLOBAL_SECRET
        families[family][variant](draft, rng)
        if not draft.entity_check:
            draft.tags.append("signin")
        if draft.global_secret is not None:
            draft.tags.append("global")
        name = f"{family}:{variant}" + "".join(f"+{tag}" for tag in draft.tags)
        cases.append(
            {
                "name": name,
                "token": draft.token(),
                "projects": draft.projects,
                "now": draft.now,
                "global_secret": draft.global_secret,
                "entity_check": draft.entity_check,
            }
        )
    return cases


if __name__ == "__main__":  # pragma: no cover - a quick look at what is generated
    for case in generate_cases(20):
        print(case["name"], case["token"])
