"""``--version`` for both programs, reading the package metadata only when asked (it costs
more than a frame at start-up)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

__all__ = ["VersionAction"]


class VersionAction(argparse.Action):
    """Print ``<prog> <version>`` on standard output (when there is one) and exit 0."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help=str(kwargs.get("help") or "show the version and exit"),
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from . import __version__  # noqa: PLC0415

        if sys.stdout is not None:  # a windowed build may have none
            print(f"{parser.prog} {__version__}", file=sys.stdout)
        parser.exit(0)
