"""The whole JSON API under schemathesis: every check, responses checked against the OpenAPI
document, and never a server error, on a store whose screen allows coaching (so the gated routes
run, not only their refusals).

Cases: EXAMPLES per operation and generation mode (valid and invalid input), derandomized so CI
sees the same cases every run; the test asserts the total reaches 5,000.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.core.result import Ok

from tests.integration.test_web_screen import full_answers
from tests.integration.web_helpers import BASE
from unhunch.config import Settings
from unhunch.web.app import create_app

pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("UNHUNCH_SCHEMATHESIS_EXAMPLES", "520"))
WANTED_CASES = 5000
SENT: dict[str, int] = {}
STATUSES: dict[str, Counter[int]] = {}

load_all_checks()
ALL_CHECKS = CHECKS.get_all()


def ready_to_coach(app: FastAPI) -> None:
    web = TestClient(app, base_url=BASE)
    assert web.post("/api/screen", json=full_answers()).json()["may_coach"] is True
    profile = {"pain": {"neck": 3, "lower_back": 2}, "minutes": 8, "setting": "desk"}
    assert web.put("/api/profile", json=profile).status_code == 200


# The app is built at import (schemathesis reads its OpenAPI document to make one test per
# operation); the fixture below points it at a fresh data folder before any case runs.
APP = create_app(Settings(home=Path("/nonexistent/unhunch-schemathesis")), port=8000)
schema = schemathesis.openapi.from_asgi(
    "/api/openapi.json", APP, headers={"host": BASE.removeprefix("http://")}
)
schema.config.update(base_url=BASE)
schema.config.generation.update(
    modes=["positive", "negative"], max_examples=EXAMPLES, deterministic=True
)
# Bodies are checked for meaning as well as shape (ids that exist in the library, every screen
# answer present, symptoms from the vocabulary), which a JSON schema states only in part: a
# schema-valid body that breaks such a rule is a named 422 (and its body must match Problems).
schema.config.checks.positive_data_acceptance.expected_statuses = [
    *schema.config.checks.positive_data_acceptance.expected_statuses,
    "422",
]


@pytest.fixture(scope="module")
def data_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("schemathesis-home")
    operations = sum(1 for op in schema.get_all_operations() if isinstance(op, Ok))
    total = sum(SENT.values())
    print(f"\nschemathesis: {total} cases over {len(SENT)} of {operations} operations")
    for key, statuses in STATUSES.items():
        print(f"  {key}: {SENT[key]} cases, statuses {dict(sorted(statuses.items()))}")
    if len(SENT) == operations and EXAMPLES >= 520:
        assert total >= WANTED_CASES, SENT


@pytest.fixture(autouse=True)
def coaching_store(data_home: Path, request: pytest.FixtureRequest) -> None:
    """Each operation starts on its own store where coaching is allowed (another operation's
    random screens may have ended in "see a doctor")."""
    APP.state.settings = Settings(home=data_home / request.node.name.replace("/", "_"))
    ready_to_coach(APP)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_api_operation_conforms_and_never_errors(case: schemathesis.Case) -> None:
    response = case.call_and_validate(checks=ALL_CHECKS)
    key = f"{case.operation.method.upper()} {case.operation.path}"
    SENT[key] = SENT.get(key, 0) + 1
    STATUSES.setdefault(key, Counter())[response.status_code] += 1
    assert response.status_code < 500
