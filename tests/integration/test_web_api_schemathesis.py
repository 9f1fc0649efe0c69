"""The whole JSON API under schemathesis: every check, responses checked against the OpenAPI
document, and never a server error, on a store whose screen allows coaching (so the gated routes
run, not only their refusals).

Cases: EXAMPLES per operation and generation mode (valid and invalid input), derandomized so CI
sees the same cases every run; the test asserts the total reaches 5,000.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.core.result import Ok

from tests.integration.web_helpers import BASE
from unhunch.config import Settings
from unhunch.services.screening import screening_content
from unhunch.web.app import create_app

pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("UNHUNCH_SCHEMATHESIS_EXAMPLES", "450"))
WANTED_CASES = 5000
SENT: dict[str, int] = {}

load_all_checks()
ALL_CHECKS = CHECKS.get_all()


def ready_to_coach(app: FastAPI) -> None:
    web = TestClient(app, base_url=BASE)
    answers = {
        "age": 40,
        "pain_weeks": 1,
        "improving": True,
        "new_pain": False,
        "long_term_steroids": False,
        "clinician_cleared": False,
        "answers": {i.id: False for i in screening_content().items},
    }
    assert web.post("/api/screen", json=answers).json()["may_coach"] is True
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


@pytest.fixture(scope="module", autouse=True)
def coaching_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    APP.state.settings = Settings(home=tmp_path_factory.mktemp("schemathesis-home"))
    ready_to_coach(APP)
    yield
    operations = sum(1 for op in schema.get_all_operations() if isinstance(op, Ok))
    total = sum(SENT.values())
    print(f"schemathesis: {total} cases over {len(SENT)} of {operations} operations: {SENT}")
    if len(SENT) == operations and EXAMPLES >= 450:
        assert total >= WANTED_CASES, SENT


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
    assert response.status_code < 500
