"""The gate every request passes before any route runs: the Host it was sent to, the size of its
body, and whether a JSON body is JSON we can store.

DNS rebinding: a page on another site can point its own name at 127.0.0.1 and then read our
answers as same-origin. Its requests still carry its own name in `Host`, so answering only the
names this server was started for closes that door (the same-origin check cannot: the page's
Origin matches its Host).

Bodies are capped (a person's diary note is 1,000 characters; nothing we take is near 64 KiB) and
counted as they stream, so a 12 MB body is refused after the first 64 KiB, never read whole.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable

from starlette.datastructures import Headers
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from unhunch.config import Settings
from unhunch.core.errors import InputError
from unhunch.web.errors import TOO_LARGE

MAX_BODY_BYTES = 64 * 1024  # TOO_LARGE says so in words
MAX_DEPTH = 32
MAX_DIGITS = 15  # any count, minute or score we take fits; more is a mistake or an attack

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def allowed_hosts(settings: Settings, port: int, listen: str = "127.0.0.1") -> frozenset[str]:
    """The `Host` values this server answers: the loopback names on its port, the address it
    listens on, and `UNHUNCH_ALLOWED_HOSTS`. Port 80 is also allowed bare, as browsers send it."""
    shown = f"[{listen}]" if ":" in listen else listen
    names = {*LOOPBACK_NAMES, shown.lower()}
    hosts = {f"{name}:{port}" for name in names}
    if port == 80:
        hosts |= names
    for extra in settings.allowed_hosts:
        if any(c in extra for c in "/?#@ \t\\"):
            raise InputError(
                "UNHUNCH_ALLOWED_HOSTS",
                extra,
                "host names as the browser sends them, comma-separated, such as"
                " coach.example:8000 (no http://, no path)",
            )
    return frozenset(hosts | set(settings.allowed_hosts))


class BadBody(ValueError):
    """A JSON body we refuse, with what was wrong in words."""


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise BadBody(f"a number has more than {MAX_DIGITS} digits")
    return int(text)


def _finite_float(text: str) -> float:
    if len(text) > 40:
        raise BadBody("a number is written with more than 40 characters")
    value = float(text)
    if not math.isfinite(value):
        raise BadBody("a number is too large")
    return value


def _no_constant(text: str) -> float:
    raise BadBody(f"{text} is not a number JSON allows")


def check_json(body: bytes) -> None:
    """Raise BadBody unless `body` is UTF-8 JSON with sane numbers, text and nesting."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadBody("the body is not UTF-8 text") from None
    try:
        data = json.loads(
            text,
            parse_int=_bounded_int,
            parse_float=_finite_float,
            parse_constant=_no_constant,
        )
    except BadBody:
        raise
    except RecursionError:
        raise BadBody(f"the JSON is nested more than {MAX_DEPTH} levels deep") from None
    except ValueError as exc:
        message = exc.msg if isinstance(exc, json.JSONDecodeError) else "it cannot be read"
        raise BadBody(f"the body is not valid JSON ({message})") from None
    _check_tree(data)


def _check_tree(data: object) -> None:
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise BadBody(f"the JSON is nested more than {MAX_DEPTH} levels deep")
        children: Iterable[object] = ()
        if isinstance(item, dict):
            children = [*item.keys(), *item.values()]
        elif isinstance(item, list):
            children = item
        elif isinstance(item, str) and not _is_unicode(item):
            raise BadBody("a text holds a lone surrogate (\\ud800-\\udfff), which is not text")
        stack.extend((child, depth + 1) for child in children)


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_json(headers: Headers) -> bool:
    kind = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return kind == "application/json" or kind.endswith("+json")


def body_problem(message: str) -> Response:
    problem = {
        "field": "body",
        "value": "",
        "allowed": "JSON as the API describes",
        "message": message,
    }
    return JSONResponse({"detail": [problem]}, status_code=422)


def too_large() -> Response:
    return JSONResponse({"detail": TOO_LARGE}, status_code=413)


class Guard:
    """Pure ASGI middleware: wrong Host → 400, body over the cap → 413, bad JSON → 422."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts
        names = sorted(h for h in hosts if h.startswith("127.0.0.1")) or sorted(hosts)
        self.refusal = (
            "Refused: this server answers only at its own address"
            f" (http://{names[0]}/); the name this request was sent to is not one of them."
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if headers.get("host", "").lower() not in self.hosts:
            await PlainTextResponse(self.refusal, status_code=400)(scope, receive, send)
            return
        length = headers.get("content-length")
        if length is not None and not (length.isascii() and length.isdigit()):
            response: Response = PlainTextResponse("Bad Content-Length header.", status_code=400)
            await response(scope, receive, send)
            return
        if length is not None and int(length) > MAX_BODY_BYTES:
            await too_large()(scope, receive, send)
            return
        body, more = await read_capped(receive)
        if more:
            await too_large()(scope, receive, send)
            return
        if body and is_json(headers):
            try:
                check_json(body)
            except BadBody as exc:
                await body_problem(str(exc))(scope, receive, send)
                return
        await self.app(scope, replay(body, receive), send)


async def read_capped(receive: Receive) -> tuple[bytes, bool]:
    """The whole body if it fits the cap; (what was read, True) as soon as it does not."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks), False
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return b"", True
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks), False


def replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def again() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return again
