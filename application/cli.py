"""``policy-core``: the processes and jobs of the system, one subcommand each."""

from __future__ import annotations

import signal
import sys
import threading
from datetime import datetime
from pathlib import Path
from uuid import uuid4

import typer
from pydantic import ValidationError

from application.bootstrap import CONSUMERS, Container
from application.commands import AdvanceBusinessDate, command_adapter
from domain.errors import DomainError
from domain.metadata import Channel
from infrastructure.settings import Settings
from observability.logging import configure_logging
from observability.tracing import configure_tracing

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)


def _container(service: str) -> Container:
    try:
        settings = Settings()
    except ValidationError as error:
        typer.echo(f"configuration error: {error}", err=True)
        raise typer.Exit(2) from None
    configure_logging(settings.log_level)
    configure_tracing(f"policy-core-{service}", console=settings.traces == "console")
    return Container(settings)


def _stop_on_signals() -> threading.Event:
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    return stop


@app.command()
def migrate() -> None:
    """Apply database migrations and create the Kafka topics (when Kafka is configured)."""
    container = _container("migrate")
    applied = container.migrate()
    typer.echo(f"migrations applied: {applied or 'none (up to date)'}")


@app.command()
def relay() -> None:
    """Publish recorded events to Kafka, following the event store's notification log."""
    container = _container("relay")
    container.migrate()
    container.relay().run(_stop_on_signals())


@app.command()
def consume(projection: str = typer.Argument(..., help=f"one of: {', '.join(CONSUMERS)}")) -> None:
    """Run a projection or a workflow as a Kafka consumer group."""
    container = _container(f"consumer-{projection}")
    container.migrate()
    container.kafka_runner(projection).run(_stop_on_signals())


@app.command()
def follow(projection: str = typer.Argument("contracts")) -> None:
    """Embedded mode: keep a projection up to date from the event store, without Kafka."""
    container = _container(f"follower-{projection}")
    container.migrate()
    runner, stop = container.embedded_runner(projection), _stop_on_signals()
    while not stop.is_set():
        if runner.process_next_page() is None:
            stop.wait(0.5)


@app.command()
def rebuild(projection: str = typer.Argument("contracts")) -> None:
    """Empty a read model and forget its positions; embedded mode then rebuilds it in place.

    With Kafka, restart the projection's consumers afterwards: they start from the beginning."""
    container = _container(f"rebuild-{projection}")
    container.migrate()
    container.reset_projection(projection)
    if not container.settings.embedded:
        typer.echo(f"{projection}: emptied; restart `policy-core consume {projection}` to rebuild from the topic")
        return
    total = 0

    def progress(outcome: object) -> None:
        nonlocal total
        total += outcome.applied  # type: ignore[attr-defined]
        typer.echo(f"\r{projection}: {total} events applied", nl=False, err=True)

    container.embedded_runner(projection, on_batch=progress).catch_up()
    typer.echo(f"\n{projection}: rebuilt from {total} events")


@app.command()
def submit(path: Path = typer.Argument(..., exists=True, dir_okay=False, help="JSON Lines, one command a line")) -> None:
    """Execute commands from a file (batch channel); each line succeeds or fails on its own."""
    container = _container("submit")
    failures = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            outcome = container.policies.execute(command_adapter.validate_json(line))
        except ValidationError as error:
            failures += 1
            typer.echo(f"line {number}: invalid command: {error.errors()[0]['loc']}: {error.errors()[0]['msg']}", err=True)
        except DomainError as error:
            failures += 1
            typer.echo(f"line {number}: refused ({error.rule}): {error}", err=True)
        else:
            typer.echo(f"line {number}: {'already done' if outcome.duplicate else 'done'} -> version {outcome.aggregate_version}")
    raise typer.Exit(1 if failures else 0)


@app.command("import-statement")
def import_statement(path: Path = typer.Argument(..., exists=True, dir_okay=False,
                                                 help="JSON Lines, one bank-statement line each")) -> None:
    """Match a bank statement file: payments recorded once, other lines parked, malformed ones dead-lettered."""
    container = _container("import-statement")
    container.migrate()
    outcomes = container.import_statement(path)
    dead = [error for outcome in outcomes for error in outcome.dead_lettered]
    typer.echo(f"{sum(o.applied for o in outcomes)} lines matched or parked, "
               f"{sum(o.duplicates for o in outcomes)} seen before, {len(dead)} malformed")
    for error in dead:
        typer.echo(f"  malformed: {error}", err=True)
    raise typer.Exit(1 if dead else 0)


@app.command()
def clock(to: datetime = typer.Option(None, formats=["%Y-%m-%d"], help="start the business days up to this date"),
          actor: str = typer.Option("scheduler", help="who moves the clock")) -> None:
    """Show the business date, or move it forward: one tick per day, published on the event topics."""
    container = _container("clock")
    container.migrate()
    if to is not None:
        command = AdvanceBusinessDate(command_id=uuid4(), actor=actor, channel=Channel.BATCH, to=to.date())
        try:
            container.policies.execute(command)
        except DomainError as error:
            typer.echo(f"refused ({error.rule}): {error}", err=True)
            raise typer.Exit(1) from None
    typer.echo(f"business date: {container.policies.business_date() or 'not started (the wall-clock date applies)'}")


@app.command()
def api(host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the HTTP API (commands in, advisor read models out)."""
    import uvicorn

    from api.app import create_app

    container = _container("api")
    container.migrate()
    uvicorn.run(create_app(container), host=host, port=port, log_config=None)


@app.command()
def demo(data_dir: Path = typer.Option(Path("var/demo"), help="wiped and recreated")) -> None:
    """The main job on the embedded default: commands in, events stored, read model built."""
    from application.demo import run_demo

    configure_logging("WARNING")
    configure_tracing("policy-core-demo")
    sys.exit(run_demo(data_dir))


if __name__ == "__main__":
    app()
