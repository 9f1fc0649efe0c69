"""The web app's frame: headers on every response, cross-site refusal, errors that never 500."""

from __future__ import annotations

import logging

import pytest

from tests.integration.web_helpers import client


@pytest.mark.parametrize("path", ["/", "/library", "/exercises/chin_tucks", "/api/exercises"])
def test_every_response_carries_a_strict_csp_and_safety_headers(path: str) -> None:
    response = client().get(path)
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_pages_have_no_inline_script_or_style() -> None:
    html = client().get("/library").text
    assert "<script>" not in html and "<style" not in html and " style=" not in html
    assert '<html lang="en">' in html
    assert 'href="#main"' in html


def test_cross_site_post_is_refused_by_fetch_metadata() -> None:
    response = client().post("/api/sessions", headers={"sec-fetch-site": "cross-site"}, json={})
    assert response.status_code == 403


def test_cross_site_post_is_refused_by_origin() -> None:
    response = client().post("/", headers={"origin": "https://evil.example"})
    assert response.status_code == 403


def test_same_origin_post_is_not_refused_as_cross_site() -> None:
    response = client().post(
        "/", headers={"origin": "http://127.0.0.1:8000", "sec-fetch-site": "same-origin"}
    )
    assert response.status_code != 403


def test_unknown_page_is_a_friendly_404() -> None:
    response = client().get("/nowhere")
    assert response.status_code == 404
    assert "isn't here" in response.text


def test_access_log_drops_query_strings() -> None:
    from unhunch.web.logs import DropQueryString

    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5", "GET", "/diary?neck=7", "1.1", 200),
        None,
    )
    assert DropQueryString().filter(record)
    assert "neck=7" not in record.getMessage()
    assert "/diary" in record.getMessage()


def test_openapi_documents_every_api_route_and_no_page() -> None:
    paths = client().get("/api/openapi.json").json()["paths"]
    for wanted in (
        "/api/exercises",
        "/api/exercises/{exercise_id}",
        "/api/screen",
        "/api/profile",
        "/api/routine",
        "/api/timeline",
        "/api/stop-check",
        "/api/sessions",
        "/api/diary",
        "/api/progress",
    ):
        assert wanted in paths
    assert all(p.startswith("/api/") for p in paths)


@pytest.mark.parametrize(
    "path", ["/", "/api/exercises", "/static/app.css", "/nowhere", "/api/docs"]
)
def test_every_response_says_cross_origin_resource_policy_same_origin(path: str) -> None:
    assert client().get(path).headers["cross-origin-resource-policy"] == "same-origin"


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("DELETE", "/api/profile", {"GET", "PUT"}),
        ("PUT", "/api/diary", {"POST"}),
        ("DELETE", "/library", {"GET"}),
    ],
)
def test_405_names_the_allowed_methods(method: str, path: str, allowed: set[str]) -> None:
    response = client().request(method, path)
    assert response.status_code == 405
    assert allowed <= {m.strip() for m in response.headers["allow"].split(",")}


def test_api_docs_are_served_from_this_computer_without_inline_script() -> None:
    web = client()
    html = web.get("/api/docs").text
    assert (
        "<script>" not in html
        and "cdn" not in html.lower()
        and "//" not in html.replace("<!doctype", "").split("<body>")[1].split("src=")[0]
    )
    for asset in (
        "/api/docs/assets/swagger-ui-bundle.js",
        "/api/docs/assets/swagger-ui.css",
        "/static/api-docs.js",
    ):
        assert asset in html
        assert web.get(asset).status_code == 200


def test_openapi_documents_the_error_answers_with_their_shapes() -> None:
    doc = client().get("/api/openapi.json").json()
    put_profile = doc["paths"]["/api/profile"]["put"]["responses"]
    assert {"400", "413", "422"} <= set(put_profile)
    schema = put_profile["422"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/Problems"}
    assert "HTTPValidationError" not in doc["components"]["schemas"]


def test_openapi_documents_the_safety_refusal_on_gated_routes() -> None:
    paths = client().get("/api/openapi.json").json()["paths"]
    for path in ("/api/routine", "/api/timeline"):
        assert "403" in paths[path]["get"]["responses"]
    for path, method in (
        ("/api/diary", "post"),
        ("/api/profile", "put"),
        ("/api/sessions", "post"),
    ):
        assert "403" in paths[path][method]["responses"]  # the cross-site refusal


def test_a_gated_route_refuses_with_the_documented_shape_without_a_screen() -> None:
    response = client().get("/api/routine")
    assert response.status_code == 403
    assert response.json()["refused"] == "safety"
