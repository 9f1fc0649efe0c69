"""`/api/docs`: the API's interactive documentation, served from this computer.

Swagger UI's files come from the pinned `swagger-ui-bundle-v2` package (no CDN, so it works
offline), and the page starts it from our own script file: no inline script, so the strict
Content-Security-Policy holds here too.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import APIRouter
from fastapi.staticfiles import StaticFiles
from starlette.responses import HTMLResponse

router = APIRouter()

ASSETS = "/api/docs/assets"

PAGE = f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>unhunch API</title>
  <link rel="icon" href="/static/icon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="{ASSETS}/swagger-ui.css">
</head>
<body>
  <main id="swagger-ui"></main>
  <script src="{ASSETS}/swagger-ui-bundle.js"></script>
  <script src="/static/api-docs.js"></script>
</body>
</html>
"""


@router.get("/api/docs", response_class=HTMLResponse, include_in_schema=False)
def api_docs() -> HTMLResponse:
    return HTMLResponse(PAGE)


def assets() -> StaticFiles:
    """Swagger UI's files as the package ships them (one `vendor/swagger-ui-X.Y.Z` folder)."""
    vendor = Path(str(resources.files("swagger_ui_bundle") / "vendor"))
    (folder,) = vendor.glob("swagger-ui-*")
    return StaticFiles(directory=str(folder))
