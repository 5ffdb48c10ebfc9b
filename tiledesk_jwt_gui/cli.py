"""The command line, ``tiledesk-jwt``: argparse over the core, nothing else.

Exit codes: 0 accepted (verify) or success; 1 the token is rejected or cannot be decoded;
2 a usage error (bad options, a missing environment variable, an unreadable key file).
A secret is never taken as a plain argument (process lists show arguments) and never printed.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from .core import (
    HMAC_ALGORITHMS,
    CoreError,
    Key,
    Profile,
    Severity,
    Verdict,
    format_report,
    inspect_token,
    judge,
    load_key_text,
    parse_duration,
    parse_instant,
    parse_json,
    secret_key,
    sign_token,
    tiledesk_claims,
    verdict_to_dict,
)
from .core.encoding import JsonProblem, JSONValue
from .version_action import VersionAction

__all__ = ["main"]

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2
PROG = "tiledesk-jwt"


class UsageError(Exception):
    """Bad options or unusable input files: exit 2 with the message."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


_PLAIN_ARGUMENT_REFUSAL = (
    "a secret is never taken as a plain argument (process lists and shell history show it); "
    "use --secret-env NAME, --secret-file PATH or --ask"
)


class _RefusePlainSecret(argparse.Action):
    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        parser.error(f"{option_string}: {_PLAIN_ARGUMENT_REFUSAL}")


def _add_secret_options(parser: argparse.ArgumentParser, *, with_key: bool) -> None:
    group = parser.add_argument_group("key (never as a plain argument)")
    sources = group.add_mutually_exclusive_group()
    sources.add_argument(
        "--secret-env", metavar="NAME", help="read the HMAC secret from environment variable NAME"
    )
    sources.add_argument(
        "--secret-file",
        metavar="PATH",
        type=Path,
        help="read the HMAC secret from a file (one trailing newline is dropped)",
    )
    if with_key:
        sources.add_argument(
            "--key",
            metavar="PATH",
            type=Path,
            help="a PEM, JWK or JWKS file (public or private key)",
        )
    sources.add_argument("--ask", action="store_true", help="prompt for the secret without echo")
    group.add_argument(
        "--base64-secret",
        action="store_true",
        help="the secret is base64 (Tiledesk's own secrets are plain text)",
    )
    for name in ("--secret", "--password", "-s"):
        group.add_argument(name, nargs="?", action=_RefusePlainSecret, help=argparse.SUPPRESS)


def _add_token_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "token",
        nargs="?",
        default="-",
        metavar="TOKEN|-",
        help="the token, or - (the default) to read it from standard input",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Decode, verify and sign JSON Web Tokens offline, with the verdict the "
        "Tiledesk server would give a custom-auth token.",
    )
    parser.add_argument("--version", action=VersionAction, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    decode = commands.add_parser("decode", help="show a token's header, claims and problems")
    _add_token_argument(decode)
    decode.add_argument("--json", action="store_true", help="print one JSON object")

    verify = commands.add_parser("verify", help="check the signature and the verdict")
    _add_token_argument(verify)
    _add_secret_options(verify, with_key=True)
    verify.add_argument(
        "--project-id",
        metavar="ID",
        help="the project the secret belongs to (checks aud and the _id prefix)",
    )
    verify.add_argument(
        "--profile",
        choices=[p.value for p in Profile],
        default="tiledesk",
        help="tiledesk (default): the server's verdict; generic: RFC 7519 only",
    )
    verify.add_argument(
        "--at", metavar="TIME", help="judge as of TIME: Unix seconds or ISO 8601 (default: now)"
    )
    verify.add_argument(
        "--leeway",
        metavar="SECONDS",
        type=float,
        default=0.0,
        help="clock tolerance for exp and nbf (default 0, as the server)",
    )
    verify.add_argument("--json", action="store_true", help="print one JSON object")

    sign = commands.add_parser("sign", help="compose and sign a Tiledesk custom-auth token")
    sign.add_argument(
        "--project-id",
        metavar="ID",
        required=True,
        help="the 24-hex project id: fills aud and the _id prefix",
    )
    _add_secret_options(sign, with_key=False)
    sign.add_argument("--user-id", metavar="ID", help="_id becomes <project id>_ID")
    sign.add_argument("--email", metavar="E")
    sign.add_argument("--firstname", metavar="F")
    sign.add_argument("--lastname", metavar="L")
    sign.add_argument("--attributes", metavar="JSON", help="a JSON object of attributes")
    sign.add_argument(
        "--claims",
        metavar="FILE|-",
        help="a JSON object merged into the claims (- reads standard input)",
    )
    sign.add_argument("--alg", choices=HMAC_ALGORITHMS, default="HS256")
    sign.add_argument(
        "--expires-in", metavar="DURATION", help="set exp this far ahead: 90s, 5m, 1h, 2d"
    )
    sign.add_argument("--header", metavar="FILE", help="a JSON object of extra header members")
    return parser


def _tolerant_streams() -> None:
    # Tokens may carry lone surrogates or bytes the terminal cannot show: escape them instead
    # of failing. In --json output the escape reads back as the same JSON string.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "decode":
            return _decode(args)
        if args.command == "verify":
            return _verify(args)
        return _sign(args)
    except (UsageError, CoreError) as exc:
        _say(f"{PROG}: error: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        _say(f"{PROG}: interrupted")
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


def _say(message: str, stream: TextIO | None = None) -> None:
    print(message, file=stream or sys.stderr)


def _read_token(argument: str) -> str:
    if argument != "-":
        return argument
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError("no token given: pass it as an argument or pipe it to standard input")
    text = sys.stdin.read()
    # The newline that ends piped input is not part of the token: no notice for it.
    return text[:-1] if text.endswith("\n") and not text.endswith("\r\n") else text


def _read_text_file(path: Path, what: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read the {what} file {str(path)!r}: {exc.strerror}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"the {what} file {str(path)!r} is not UTF-8 text") from None


def _secret_text(args: argparse.Namespace) -> str | None:
    if args.secret_env:
        value = os.environ.get(args.secret_env)
        if value is None:
            raise UsageError(f"environment variable {args.secret_env} is not set")
        return value
    if args.secret_file:
        text = _read_text_file(args.secret_file, "secret")
        if text.endswith("\r\n"):
            return text[:-2]
        return text[:-1] if text.endswith("\n") else text
    if args.ask:
        import getpass  # noqa: PLC0415 (only --ask needs a terminal)

        try:
            return getpass.getpass("Secret (not shown): ")
        except EOFError:
            raise UsageError("--ask needs a terminal to type the secret in") from None
    return None


def _key(args: argparse.Namespace) -> Key | tuple[Key, ...] | None:
    if getattr(args, "key", None):
        return load_key_text(_read_text_file(args.key, "key"))
    text = _secret_text(args)
    if text is None:
        return None
    if not text:
        raise UsageError("the secret is empty")
    return secret_key(text, base64_encoded=args.base64_secret)


def _emit(verdict: Verdict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(verdict_to_dict(verdict), ensure_ascii=False, indent=2))
    else:
        print(format_report(verdict))


def _decode(args: argparse.Namespace) -> int:
    inspection = inspect_token(_read_token(args.token))
    verdict = judge(inspection, None)
    _emit(verdict, args.json)
    broken = any(issue.severity is Severity.ERROR for issue in inspection.issues)
    return EXIT_REJECTED if broken else EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    token = _read_token(args.token)
    key = _key(args)
    at = parse_instant(args.at) if args.at else None
    verdict = judge(
        token,
        key,
        profile=Profile(args.profile),
        project_id=args.project_id,
        at=at,
        leeway=args.leeway,
    )
    _emit(verdict, args.json)
    return EXIT_OK if verdict.accepted else EXIT_REJECTED


def _json_object(text: str, what: str) -> dict[str, JSONValue]:
    value = parse_json(text)
    if isinstance(value, JsonProblem):
        raise UsageError(f"the {what} is not JSON: {value.message}")
    if not isinstance(value, dict):
        raise UsageError(f"the {what} must be a JSON object")
    return value


def _sign(args: argparse.Namespace) -> int:
    text = _secret_text(args)
    if text is None:
        raise UsageError("sign needs a secret: --secret-env NAME, --secret-file PATH or --ask")
    if not text:
        raise UsageError("the secret is empty")
    key = secret_key(text, base64_encoded=args.base64_secret)
    extra: dict[str, JSONValue] | None = None
    if args.claims:
        claims_text = (
            _read_token("-") if args.claims == "-" else _read_text_file(Path(args.claims), "claims")
        )
        extra = _json_object(claims_text, "claims file")
    attributes = _json_object(args.attributes, "--attributes value") if args.attributes else None
    header = (
        _json_object(_read_text_file(Path(args.header), "header"), "header file")
        if (args.header)
        else None
    )
    expires_in = parse_duration(args.expires_in) if args.expires_in else None
    claims = tiledesk_claims(
        args.project_id,
        user_id=args.user_id,
        email=args.email,
        firstname=args.firstname,
        lastname=args.lastname,
        attributes=attributes,
        extra=extra,
        expires_in=expires_in,
    )
    if "_id" not in claims:
        raise UsageError("no _id: give --user-id, or an _id in the --claims file")
    if header is not None and "typ" not in header:
        header = {"typ": "JWT", **header}
    print(sign_token(header, claims, key, args.alg))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
