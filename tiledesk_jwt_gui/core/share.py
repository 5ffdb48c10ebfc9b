"""A report to hand to a colleague or a ticket: the verdict, every finding, the header and claims
with readable times, and the diagnosis when the signature fails, as Markdown or JSON.

It is built on ``report.verdict_to_dict`` (the ``--json`` contract), never a fork of it. A
report never holds the secret: a key is named by its fingerprint (``sha256:`` and 8 hex digits,
enough to tell two secrets apart, useless to an attacker), every string is scrubbed of the
secret in its usual encodings, and the token's signature is left out unless asked for (a live
token is a credential).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from .causes import SURROUNDING_WHITESPACE, remove_invisible, strip_bom, unquote
from .diagnose import CandidateSecret, diagnose_verdict, diagnosis_to_dict
from .errors import InputError
from .issues import Severity
from .judge import Verdict
from .keys import Key
from .report import headline, verdict_to_dict
from .secret_notes import secret_notes

__all__ = ["key_fingerprint", "share_markdown", "share_report"]

_EMAIL = re.compile(r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})")
_SCRUBBED = "[secret removed]"


def key_fingerprint(key: Key) -> str:
    """``sha256:`` and the first 8 hex digits of the key's bytes (a secret's, or a public key's
    DER encoding)."""
    if key.secret is not None:
        data = key.secret
    else:
        from cryptography.hazmat.primitives import serialization  # noqa: PLC0415

        data = key.public_key.public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    return "sha256:" + hashlib.sha256(data).hexdigest()[:8]


def _secret_forms(keys: Sequence[Key]) -> list[str]:
    """Every text form in which a secret could leak into a report: its bytes, and the bytes of
    its text without the invisible characters or quotes around it (the secret as it was meant:
    a report on a secret pasted with its newline must not hold the secret's base64 either), in
    base64 (both alphabets, padded or not) and hex (both cases)."""
    forms: set[str] = set()
    for key in keys:
        if key.secret is None:
            continue
        text = key.secret_text or ""
        variants = {key.secret}
        for cleaned in (text, text.strip(SURROUNDING_WHITESPACE), remove_invisible(text)):
            forms.add(cleaned)
            variants.add(cleaned.encode("utf-8", "surrogatepass"))
        bare = remove_invisible(strip_bom(text)).strip(SURROUNDING_WHITESPACE)
        for meant in (bare, unquote(bare)):
            forms.add(meant)
            variants.add(meant.encode("utf-8", "surrogatepass"))
        for data in variants:
            forms.update(
                (
                    base64.b64encode(data).decode(),
                    base64.b64encode(data).decode().rstrip("="),
                    base64.urlsafe_b64encode(data).decode(),
                    base64.urlsafe_b64encode(data).decode().rstrip("="),
                    data.hex(),
                    data.hex().upper(),
                )
            )
            with contextlib.suppress(UnicodeDecodeError):
                forms.add(data.decode("utf-8"))
    return sorted((f for f in forms if len(f) >= 6), key=len, reverse=True)


def _mask_email(text: str) -> str:
    return _EMAIL.sub(lambda m: f"{m.group(1)}***@{m.group(2)}", text)


def _clean(value: Any, forms: Sequence[str], mask: bool) -> Any:
    """A copy of a JSON-like value with the secret's forms scrubbed and e-mails masked."""
    if isinstance(value, str):
        for form in forms:
            value = value.replace(form, _SCRUBBED)
        return _mask_email(value) if mask else value
    if isinstance(value, list):
        return [_clean(item, forms, mask) for item in value]
    if isinstance(value, dict):
        return {_clean(k, forms, mask): _clean(v, forms, mask) for k, v in value.items()}
    return value


def share_report(
    verdict: Verdict,
    key: Key | Sequence[Key] | None,
    *,
    mask_email: bool = False,
    include_token: bool = False,
    candidates: Sequence[CandidateSecret] = (),
    project_id: str | None = None,
) -> dict[str, Any]:
    """The report as one JSON-ready object. Raises :class:`InputError` when ``mask_email`` and
    ``include_token`` are both asked (the token carries the claims, e-mail included)."""
    if mask_email and include_token:
        raise InputError(
            "--mask-email cannot hide the e-mail inside the token that --include-token adds; "
            "choose one"
        )
    keys: tuple[Key, ...] = () if key is None else (key,) if isinstance(key, Key) else tuple(key)
    inspection = verdict.inspection
    diagnosis = diagnose_verdict(verdict, key, candidates=candidates, project_id=project_id)
    single = keys[0] if len(keys) == 1 else None
    notes = secret_notes(single, inspection) if single is not None else ()
    base = verdict_to_dict(verdict)
    token: dict[str, Any] = {
        "characters": len(inspection.token),
        "segments": len(inspection.segments),
    }
    if include_token:
        token["text"] = inspection.token
    else:
        token["signature"] = "left out (a live token is a credential; --include-token adds it)"
    report: dict[str, Any] = {
        "headline": headline(verdict),
        "accepted": base["accepted"],
        "outcome": base["outcome"],
        "profile": base["profile"],
        "signature": base["signature"],
        "signature_detail": base["signature_detail"],
        "server": base["server"],
        # Issue 10 gives the verdict the sign-in flow (signin, createCustomToken, first call):
        # it belongs here, as data, when the verdict carries it.
        "flow": None,
        "keys": [
            {"description": k.description, "kid": k.kid, "fingerprint": key_fingerprint(k)}
            for k in keys
        ],
        "issues": base["issues"],
        "notices": base["notices"],
        "secret_notes": [
            {"code": n.cause.value, "verifies": n.verifies, "message": n.message} for n in notes
        ],
        "diagnosis": diagnosis_to_dict(diagnosis) if diagnosis is not None else None,
        "header": base["header"],
        "claims": base["payload"],
        "times": base["times"],
        "token": token,
        "evaluated_at": _utc(verdict.now),
        "emails_masked": mask_email,
    }
    cleaned: dict[str, Any] = _clean(report, _secret_forms(keys), mask_email)
    return cleaned


def _utc(seconds: float) -> str:
    try:
        return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    except (OverflowError, OSError, ValueError):
        return str(seconds)


# Markdown: what a token wrote must not become markup, links or images in a ticket.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]"
)


def _md(text: object) -> str:
    plain = _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", str(text))
    plain = plain.replace("&", "&amp;").replace("<", "&lt;").replace("\n", " ")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", plain)


def _code_block(value: Any) -> list[str]:
    text = json.dumps(value, ensure_ascii=True, indent=2)
    fence = "`" * max(3, max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    return [f"{fence}json", text, fence]


_MARKS = {Severity.ERROR.value: "✗", Severity.WARNING.value: "!", Severity.INFO.value: "·"}


def share_markdown(report: dict[str, Any]) -> str:
    """The report (from :func:`share_report`) as Markdown for a ticket or a chat."""
    lines = ["# Tiledesk JWT report", "", f"**Verdict:** {_md(report['headline'])}  "]
    lines.append(f"**Signature:** {_md(report['signature'])}: {_md(report['signature_detail'])}  ")
    server = report.get("server")
    if server:
        lines.append(
            f"**Server says:** {_md(server['reason'])} ({_md(server['stage'])}; key: "
            f"{_md(server['key'])})  "
        )
    if report.get("flow"):
        lines.append(f"**Sign-in flow:** {_md(report['flow'])}  ")
    for key in report["keys"]:
        kid = f", kid {_md(key['kid'])}" if key.get("kid") else ""
        lines.append(
            f"**Key:** {_md(key['description'])}{kid}, fingerprint `{key['fingerprint']}`  "
        )
    lines.append(f"**Evaluated at:** {_md(report['evaluated_at'])}, offline")
    diagnosis = report.get("diagnosis")
    if diagnosis:
        lines += ["", "## Why the signature fails", ""]
        cause = diagnosis["verified_with"]
        lines.append(
            f"Cause found: `{cause}`" if cause else "No known mistake explains it (checked below)."
        )
        lines.append("")
        for finding in diagnosis["findings"]:
            mark = "✓" if finding["verifies"] else "·"
            lines.append(f"- {mark} `{finding['code']}`: {_md(finding['explanation'])}")
    if report["secret_notes"]:
        lines += ["", "## The secret", ""]
        lines += [f"- `{n['code']}`: {_md(n['message'])}" for n in report["secret_notes"]]
    lines += ["", "## Findings", ""]
    if not report["issues"] and not report["notices"]:
        lines.append("None.")
    for issue in report["issues"]:
        claim = f"`{_md(issue['claim'])}` " if issue["claim"] else ""
        lines.append(
            f"- {_MARKS.get(issue['severity'], '·')} {issue['severity']}: {claim}"
            f"{_md(issue['message'])} (`{issue['code']}`)"
        )
    for notice in report["notices"]:
        lines.append(f"- note: {_md(notice['message'])} (`{notice['code']}`)")
    if report["times"]:
        lines += ["", "## Times", ""]
        for claim, info in report["times"].items():
            when = info["utc"] or "not a time"
            relative = f" ({_md(info['relative'])})" if info["relative"] else ""
            lines.append(f"- `{_md(claim)}`: {_md(when)}{relative}")
    lines += ["", "## Header", "", *_code_block(report["header"])]
    lines += ["", "## Claims", "", *_code_block(report["claims"])]
    token = report["token"]
    lines += ["", "## Token", ""]
    if "text" in token:
        lines += [
            "The whole token (a credential while it is valid):",
            "",
            *_code_block(token["text"]),
        ]
    else:
        lines.append(
            f"{token['segments']} segments, {token['characters']} characters; the signature is "
            f"{_md(token['signature'])}."
        )
    if report.get("emails_masked"):
        lines += ["", "_E-mail addresses are masked._"]
    return "\n".join(lines) + "\n"
