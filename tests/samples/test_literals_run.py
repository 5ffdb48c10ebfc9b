"""Each language's string literals, compiled and run by that language: 400 random strings full
of quotes, backslashes, escapes-that-are-not, controls, bidi and astral characters must come
back exactly (one program per language prints them all)."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.samples.runners import GO_CACHE
from tiledesk_jwt_gui.core.literals import go_string, java_string, js_string, php_string

PIECES = [
    '"',
    "'",
    "\\",
    "`",
    "$",
    "${",
    "{$",
    "#{",
    "*/",
    "/*",
    "\\u000a",
    "\\u0022",
    "\\x41",
    "%s",
    "\n",
    "\r",
    "\t",
    "\x00",
    "\x1b",
    "\x7f",
    "\x85",
    "\x9b",
    "\u00a0",
    "\u2028",
    "\u2029",
    "\u202e",
    "\u2066",
    "\ufeff",
    "\ufffe",
    "é",
    "漢",
    "🙂",
    "👩🏽‍💻",
    "\U0010ffff",
    "?>",
    "<?php",
]
COUNT = 400


def random_strings(*, surrogates: bool) -> list[str]:
    chooser = random.Random(20261202)
    result = []
    for _ in range(COUNT):
        parts = []
        for _ in range(chooser.randint(0, 12)):
            roll = chooser.random()
            if roll < 0.5:
                parts.append(chooser.choice(PIECES))
            elif roll < 0.8:
                parts.append(chr(chooser.randint(0x20, 0x7E)))
            else:
                code = chooser.randint(0x80, 0x10FFFF)
                if 0xD800 <= code <= 0xDFFF and not surrogates:
                    code = 0xE000
                parts.append(chr(code))
        result.append("".join(parts))
    return result


def run(command: list[str], cwd: Path) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return done.stdout.decode("utf-8", "surrogatepass")


def need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not on PATH (make test-deps)")


def test_javascript_literals_read_back_exactly(tmp_path: Path) -> None:
    need("node")
    texts = random_strings(surrogates=True)
    program = "console.log(JSON.stringify([\n" + ",\n".join(map(js_string, texts)) + "]));\n"
    (tmp_path / "t.js").write_text(program, encoding="utf-8")
    assert json.loads(run(["node", "t.js"], tmp_path)) == texts


def test_php_literals_read_back_exactly(tmp_path: Path) -> None:
    need("php")
    texts = random_strings(surrogates=False)
    program = (
        "<?php\necho json_encode([\n" + ",\n".join(map(php_string, texts)) + "],"
        " JSON_THROW_ON_ERROR);\n"
    )
    (tmp_path / "t.php").write_text(program, encoding="utf-8")
    assert json.loads(run(["php", "t.php"], tmp_path)) == texts


def test_go_literals_read_back_exactly(tmp_path: Path) -> None:
    need("go")
    texts = random_strings(surrogates=False)
    program = (
        'package main\n\nimport (\n\t"encoding/json"\n\t"os"\n)\n\nfunc main() {\n'
        "\tjson.NewEncoder(os.Stdout).Encode([]string{\n"
        + "".join(f"\t\t{go_string(text)},\n" for text in texts)
        + "\t})\n}\n"
    )
    (tmp_path / "main.go").write_text(program, encoding="utf-8")
    GO_CACHE.mkdir(parents=True, exist_ok=True)
    command = ["env", "GO111MODULE=off", f"GOCACHE={GO_CACHE}", "go", "run", "main.go"]
    assert json.loads(run(command, tmp_path)) == texts


def test_java_literals_read_back_exactly(tmp_path: Path) -> None:
    need("javac")
    texts = random_strings(surrogates=True)
    program = (
        "public class T {\n  public static void main(String[] a) {\n    String[] s = {\n"
        + "".join(f"      {java_string(text)},\n" for text in texts)
        + "    };\n    for (String t : s) {\n      StringBuilder b = new StringBuilder();\n"
        "      for (int i = 0; i < t.length(); i++) b.append((int) t.charAt(i)).append(' ');\n"
        "      System.out.println(b.toString().trim());\n    }\n  }\n}\n"
    )
    (tmp_path / "T.java").write_text(program, encoding="ascii")
    run(["javac", "-encoding", "US-ASCII", "T.java"], tmp_path)
    lines = run(["java", "-cp", ".", "T"], tmp_path).split("\n")[:COUNT]
    for text, line in zip(texts, lines, strict=True):
        units = text.encode("utf-16-le", "surrogatepass")
        expected = [int.from_bytes(units[i : i + 2], "little") for i in range(0, len(units), 2)]
        assert [int(unit) for unit in line.split()] == expected
