"""A self-contained HTML page that signs in to the Tiledesk web widget with a token.

The page loads the widget only when asked, with ``autoStart: false`` (otherwise the widget
signs in anonymously first), and calls ``window.Tiledesk('signInWithCustomToken', 'JWT ' +
token)``: the ``JWT `` prefix is the page's job. ``onAuthStateChanged`` and every error are
shown as text. Its "Check without the widget" button makes the widget's two calls itself with
``fetch`` (the same method, path, headers and body) and shows each answer.

Every value put into the page (project id, token, server URL) goes in once, as JSON inside a
``<script type="application/json">`` element with ``<``, ``>``, ``&`` and the line separators
escaped, and reaches the fields through ``.value``; answers are shown through ``textContent``.
Nothing from a token or an answer is ever parsed as HTML.
"""

from __future__ import annotations

import json

from .errors import InputError
from .tiledesk import PROJECT_ID_PATTERN

__all__ = [
    "CHAT21_TOKEN_PATH",
    "CLOUD_API_URL",
    "CLOUD_WIDGET_URL",
    "SIGNIN_PATH",
    "checked_server",
    "script_json",
    "widget_page",
]

CLOUD_API_URL = "https://api.tiledesk.com/v3/"
CLOUD_WIDGET_URL = "https://widget.tiledesk.com/v6/launch.js"
SIGNIN_PATH = "auth/signinWithCustomToken"
CHAT21_TOKEN_PATH = "chat21/native/auth/createCustomToken"  # noqa: S105 (a route)
MAX_URL_CHARS = 2000


def script_json(value: object) -> str:
    """``value`` as JSON that can sit inside a ``<script>`` element: no ``</script>``, no
    ``<!--``, no characters that end a line in older JavaScript; ASCII only."""
    text = json.dumps(value, ensure_ascii=True)
    for raw, escaped in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


def checked_server(server: str) -> str:
    """The server URL, ending in ``/``; the cloud API when empty. A clear error otherwise."""
    cleaned = server.strip()
    if not cleaned:
        return CLOUD_API_URL
    if len(cleaned) > MAX_URL_CHARS:
        raise InputError(f"the server URL is longer than {MAX_URL_CHARS} characters")
    if not cleaned.lower().startswith(("http://", "https://")):
        raise InputError(f"the server URL {cleaned!r} must start with http:// or https://")
    if any(ch.isspace() or not ch.isprintable() for ch in cleaned):
        raise InputError("the server URL holds spaces or invisible characters")
    return cleaned if cleaned.endswith("/") else cleaned + "/"


def widget_page(project_id: str, token: str = "", server: str = CLOUD_API_URL) -> str:
    """The page for ``project_id``; ``token`` may be empty (the page has a field for it)."""
    if not PROJECT_ID_PATTERN.fullmatch(project_id):
        raise InputError(
            f"the project id {project_id!r} is not 24 hexadecimal characters "
            "(find it in the Tiledesk dashboard's project settings)"
        )
    config = {
        "projectId": project_id,
        "token": token.strip(),
        "server": checked_server(server),
        "cloudServer": CLOUD_API_URL,
        "cloudWidget": CLOUD_WIDGET_URL,
        "signinPath": SIGNIN_PATH,
        "chat21Path": CHAT21_TOKEN_PATH,
    }
    return _PAGE.replace("@CONFIG@", script_json(config))


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tiledesk widget sign-in test</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 52em; padding: 0 1em; }
  label { display: block; margin-top: .8em; font-weight: 600; }
  input, textarea { width: 100%; box-sizing: border-box; font: 13px ui-monospace, monospace; }
  textarea { height: 7em; }
  button { margin: 1em .5em 0 0; padding: .4em 1em; }
  pre { background: #f4f4f4; padding: .6em; white-space: pre-wrap; word-break: break-all; }
  .note { color: #555; font-size: 13px; }
</style>
<script type="application/json" id="tiledesk-config">@CONFIG@</script>
</head>
<body>
<h1>Tiledesk widget sign-in test</h1>
<p class="note">Made by tiledesk-jwt. The secret is not in this page: only a token, which
expires. Nothing is sent until you press a button.</p>

<label for="server">Tiledesk API server</label>
<input id="server" autocomplete="off" spellcheck="false">
<p class="note">Cloud: https://api.tiledesk.com/v3/ - self-hosted: your server, e.g.
https://tiledesk.example.com/api/</p>
<label for="widget-url">Widget script</label>
<input id="widget-url" autocomplete="off" spellcheck="false">
<label for="project">Project id</label>
<input id="project" autocomplete="off" spellcheck="false">
<label for="token">Token (without the JWT prefix: the page adds it)</label>
<textarea id="token" autocomplete="off" spellcheck="false"></textarea>

<button id="check" type="button">Check without the widget</button>
<button id="signin" type="button">Sign in with the widget</button>

<h2>Check without the widget</h2>
<p class="note">The widget's two calls, made by this page with fetch: the sign-in, then (only
when it succeeded) the chat token the widget asks for next.</p>
<h3>1. POST <span id="signin-url"></span></h3>
<pre id="signin-answer" data-status="">not made yet</pre>
<h3>2. POST <span id="chat21-url"></span></h3>
<pre id="chat21-answer" data-status="">not made yet</pre>

<h2>Widget</h2>
<pre id="widget-log">not loaded (press "Sign in with the widget")</pre>

<script>
"use strict";
(function () {
  const config = JSON.parse(document.getElementById("tiledesk-config").textContent);
  const field = (id) => document.getElementById(id);

  function serverBase() {
    let base = field("server").value.trim() || config.cloudServer;
    return base.endsWith("/") ? base : base + "/";
  }
  function widgetUrlFor(base) {
    if (base === config.cloudServer) return config.cloudWidget;
    try { return new URL("/widget/launch.js", base).href; } catch (e) { return ""; }
  }
  function token() { return field("token").value.trim(); }
  function showUrls() {
    field("signin-url").textContent = serverBase() + config.signinPath;
    field("chat21-url").textContent = serverBase() + config.chat21Path;
  }
  function show(id, status, text) {
    const element = field(id);
    element.dataset.status = String(status);
    element.textContent = text;
  }
  function log(text) {
    const element = field("widget-log");
    element.textContent = (element.dataset.used ? element.textContent + "\\n" : "") + text;
    element.dataset.used = "1";
  }
  function describe(value) {
    try { return typeof value === "string" ? value : JSON.stringify(value, null, 2); }
    catch (e) { return String(value); }
  }

  field("server").value = config.server;
  field("widget-url").value = widgetUrlFor(config.server);
  field("project").value = config.projectId;
  field("token").value = config.token;
  showUrls();
  field("server").addEventListener("input", () => {
    field("widget-url").value = widgetUrlFor(serverBase());
    showUrls();
  });

  async function post(path, body) {
    const init = {
      method: "POST",
      headers: { "Authorization": "JWT " + token(), "Content-Type": "application/json" },
    };
    if (body !== undefined) init.body = body;
    const answer = await fetch(serverBase() + path, init);
    const text = await answer.text();
    let json = null;
    try { json = JSON.parse(text); } catch (e) { json = null; }
    return { status: answer.status, text: text, json: json };
  }

  field("check").addEventListener("click", async () => {
    show("signin-answer", "", "waiting...");
    show("chat21-answer", "", "waiting for the sign-in");
    let first;
    try {
      first = await post(config.signinPath);
    } catch (error) {
      show("signin-answer", "none", "no answer: " + String(error));
      show("chat21-answer", "skipped", "not made: the sign-in got no answer");
      return;
    }
    show("signin-answer", first.status, first.status + "\\n" + first.text);
    const signedIn = first.status >= 200 && first.status < 300 && first.json &&
      first.json.success && first.json.token;
    if (!signedIn) {
      show("chat21-answer", "skipped",
        "not made: the widget stops here when the sign-in fails");
      return;
    }
    try {
      const second = await post(config.chat21Path, "{}");
      show("chat21-answer", second.status, second.status + "\\n" + second.text);
    } catch (error) {
      show("chat21-answer", "none", "no answer: " + String(error));
    }
  });

  field("signin").addEventListener("click", () => {
    if (document.getElementById("tiledesk-jssdk")) {
      log("the widget is already loaded: reload the page to try again");
      return;
    }
    window.tiledeskSettings = { projectid: field("project").value.trim(), autoStart: false };
    const queue = function () { queue.c(arguments); };
    queue.q = [];
    queue.c = function (args) { queue.q.push(args); };
    window.Tiledesk = queue;
    window.Tiledesk("onAuthStateChanged", function (event) {
      const detail = event && event.detail !== undefined ? event.detail : event;
      log("onAuthStateChanged: " + describe(detail));
    });
    window.Tiledesk("onLoadParams", function () { log("widget loaded"); });
    // Queued like every call made before the widget is loaded; the widget runs it at start.
    window.Tiledesk("signInWithCustomToken", "JWT " + token());
    const script = document.createElement("script");
    script.id = "tiledesk-jssdk";
    script.async = true;
    script.src = field("widget-url").value.trim();
    script.onerror = () => log("cannot load the widget script from " + script.src);
    log("loading " + script.src);
    document.head.appendChild(script);
  });
})();
</script>
</body>
</html>
"""
