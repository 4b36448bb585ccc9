"""The entry points on the embedded default: HTTP API and batch file, as a user would call them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from uuid import uuid4

from fastapi.testclient import TestClient

from api.app import create_app
from application.bootstrap import Container
from application.clock import FixedClock
from infrastructure.settings import Settings
from tests.factories import BUSINESS_NOW, issue, pay

ROOT = Path(__file__).resolve().parents[2]


def embedded(tmp_path: Path) -> Container:
    container = Container(Settings(database_url=None, kafka_bootstrap_servers=None,
                                   POLICY_CORE_DATA_DIR=str(tmp_path)), clock=FixedClock(BUSINESS_NOW))
    container.migrate()
    return container


def test_http_commands_and_read_model(tmp_path: Path) -> None:
    container = embedded(tmp_path)
    client = TestClient(create_app(container))
    command = issue().model_dump(mode="json")
    accepted = client.post("/commands", json=command)
    assert accepted.status_code == 200 and accepted.json()["aggregate_version"] == 1
    assert client.post("/commands", json=command).json()["duplicate"] is True

    reused = client.post("/commands", json={**command, "premium": "600.00"})
    assert (reused.status_code, reused.json()["rule"]) == (409, "command-id-unique")
    unknown = client.post("/commands", json=pay("2026000999").model_dump(mode="json"))
    assert (unknown.status_code, unknown.json()["rule"]) == (404, "policy-exists")
    malformed = client.post("/commands", json={**command, "command_id": str(uuid4()), "premium": "-5"})
    assert malformed.status_code == 422 and malformed.json()["detail"][0]["loc"][-1] == "premium"

    client.post("/commands", json=pay(amount="1000.00").model_dump(mode="json"))
    container.embedded_runner("contracts").catch_up()
    listed = client.get("/contracts", params={"advisor_id": "ADV-1"}).json()
    assert [(c["policy_number"], c["paid_to"]) for c in listed] == [("2026000001", "2026-02-28")]
    detail = client.get("/contracts/2026000001").json()
    assert (detail["total_paid"], detail["credit"], len(detail["payments"])) == ("1000.00", "0.00", 1)
    assert client.get("/contracts/2026000404").status_code == 404
    assert client.get("/contracts", params={"limit": 0}).status_code == 422
    container.close()


def test_batch_file_reports_each_line(tmp_path: Path) -> None:
    lines = [
        issue().model_dump_json(),
        '{"type": "IssuePolicy", "command_id": "nope"}',
        pay(amount="500.00").model_dump_json(),
        pay("2026000777").model_dump_json(),
        "",
    ]
    path = tmp_path / "commands.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "POLICY_CORE_DATA_DIR": str(tmp_path / "data"), "POLICY_CORE_LOG_LEVEL": "ERROR"}
    done = subprocess.run([sys.executable, "-m", "application.cli", "submit", str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "line 1: done -> version 1" in done.stdout
    assert "line 3: done -> version 2" in done.stdout
    assert "line 2: invalid command" in done.stderr
    assert "line 4: refused (policy-exists)" in done.stderr


def test_the_demo_runs_on_a_fresh_data_directory(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "application.cli", "demo", "--data-dir", str(tmp_path / "demo")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "VYPIS-0313-002   300.00 CZK parked [unknown-contract]" in done.stdout
    assert "lines recorded again: 0; policy 2026000101 still at version 3" in done.stdout
    assert "refused [notice-period-respected]" in done.stdout
    assert "2026000104 BELONGINGS_CARDS" in done.stdout and "ended 2026-04-30 (notice)" in done.stdout
    # On the business clock: 7 UO half-yearly, 200 of 389 paid -> pre-reminder, reminder, lapse at the deadline.
    assert "2026-03-31 2026000103 letter reminder" in done.stdout and "pay by 2026-05-10" in done.stdout
    assert "2026-05-11 2026000103 letter lapse_notice" in done.stdout
    assert "the policy ended 2026-05-10 (lapse_for_non_payment); debt 189.00 Kč stays claimable" in done.stdout
    assert "2026000103 unpaid_premium_before_lapse for ADV-" in done.stdout and ": expired 2026-05-11" in done.stdout
