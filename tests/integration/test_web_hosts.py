"""DNS rebinding: the app answers only the Host names it was started for, before any route runs."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.integration.test_web_screen import full_answers
from tests.integration.web_helpers import client
from unhunch.config import get_settings
from unhunch.core.errors import InputError
from unhunch.web.app import create_app
from unhunch.web.guard import allowed_hosts


@pytest.mark.parametrize(
    "path", ["/", "/api/profile", "/api/screen", "/static/app.css", "/api/openapi.json"]
)
@pytest.mark.parametrize("host", ["evil.example:8000", "evil.example", "localhost:9999", ""])
def test_a_foreign_host_gets_400_on_every_path(path: str, host: str) -> None:
    response = client().get(path, headers={"host": host})
    assert response.status_code == 400
    assert "answers only at its own address" in response.text
    assert response.headers["cross-origin-resource-policy"] == "same-origin"
    assert response.headers["content-type"].startswith("text/plain")


def test_a_rebinding_page_cannot_write_a_screen() -> None:
    answers = full_answers()
    headers = {
        "host": "evil.example:8000",
        "origin": "http://evil.example:8000",
        "sec-fetch-site": "same-origin",
    }
    assert client().post("/api/screen", json=answers, headers=headers).status_code == 400
    assert client().get("/api/screen").json()["latest"] is None


@pytest.mark.parametrize(
    "host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST:8000"]
)
def test_the_loopback_names_on_the_served_port_are_answered(host: str) -> None:
    assert client().get("/", headers={"host": host}).status_code == 200


def test_configured_extra_hosts_are_answered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNHUNCH_ALLOWED_HOSTS", "coach.example:8443, Other.example:80")
    app = create_app(get_settings(), port=8000)
    web = TestClient(app, base_url="http://coach.example:8443")
    assert web.get("/").status_code == 200
    assert web.get("/", headers={"host": "other.example:80"}).status_code == 200
    assert web.get("/", headers={"host": "evil.example:8443"}).status_code == 400


def test_a_configured_host_with_a_scheme_is_refused_naming_the_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("UNHUNCH_ALLOWED_HOSTS", "http://coach.example/")
    with pytest.raises(InputError, match="UNHUNCH_ALLOWED_HOSTS"):
        allowed_hosts(get_settings(), 8000)


def test_port_80_is_also_answered_without_a_port() -> None:
    hosts = allowed_hosts(get_settings(), 80)
    assert {"localhost", "127.0.0.1:80", "[::1]"} <= hosts


def test_the_address_served_on_is_answered() -> None:
    assert "127.0.0.2:8123" in allowed_hosts(get_settings(), 8123, "127.0.0.2")
    assert "[::1]:8123" in allowed_hosts(get_settings(), 8123, "::1")


def test_redirects_are_relative_never_built_from_the_host() -> None:
    response = client().post(
        "/profile",
        data={"pain_neck": "3", "minutes": "8", "setting": "desk"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"].startswith("/")


def test_a_slash_redirect_goes_to_the_host_that_was_allowed() -> None:
    response = client().get("/library/", headers={"host": "localhost:8000"}, follow_redirects=False)
    assert response.status_code == 307
    assert response.headers["location"] == "http://localhost:8000/library"
