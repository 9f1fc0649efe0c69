"""Security headers on every response, and a same-origin check on state-changing requests.

Local mode has no login, so the one thing a hostile page could do is make the browser post to
127.0.0.1 on the person's behalf (CSRF) or frame our pages. Browsers send `Sec-Fetch-Site` and
`Origin` on such requests; a cross-site one is refused before any route runs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

PAGE_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

# SVG pictures (figures, charts) are loaded with <img>, where no script ever runs; they carry
# their own small <style> blocks, so styles inside them are allowed and scripts are not.
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

Handler = Callable[[Request], Awaitable[Response]]


def is_cross_site(request: Request) -> bool:
    """True when a browser tells us the request came from another site."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None:
        return False  # not a browser-made cross-site request (curl, scripts, tests)
    if origin == "null":
        return True
    host = request.headers.get("host", "")
    return urlsplit(origin).netloc != host


async def security_middleware(request: Request, call_next: Handler) -> Response:
    if request.method not in SAFE_METHODS and is_cross_site(request):
        response: Response = PlainTextResponse(
            "Refused: this request came from another website.", status_code=403
        )
    else:
        response = await call_next(request)
    content_type = response.headers.get("content-type", "")
    csp = SVG_CSP if content_type.startswith("image/svg+xml") else PAGE_CSP
    response.headers["Content-Security-Policy"] = csp
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    # No other site may load our answers as an image, script or the like (no-cors reads).
    response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
    if not request.url.path.startswith("/static/"):
        # Pages hold health data: never kept in a shared or disk cache.
        response.headers.setdefault("Cache-Control", "no-store")
    return response
