"""A bank statement delivered as a file (JSON Lines, one statement line each): the same payment
matching as the Kafka feed, for the embedded mode and for back office re-imports.

The file is read in chunks through the same unit of work as a Kafka batch: malformed lines are
dead-lettered, the outcomes and the position (line number, per file name) commit together, and an
import run again skips what it has done (and the ledger ignores a line id it has seen).
"""

from __future__ import annotations

from pathlib import Path

from consumers.batch import BatchOutcome, Message, apply_batch, load_positions
from consumers.dead_letters import DeadLetterSink
from consumers.payment_matching import PaymentMatching
from infrastructure.database import Database

CHUNK = 500


def import_statement(database: Database, matching: PaymentMatching, dead_letters: DeadLetterSink,
                     path: Path) -> list[BatchOutcome]:
    source = f"file:{path.name}"
    with database.transaction() as tx:
        start = load_positions(tx, matching.name).get((source, 0), 0)
    lines = path.read_bytes().splitlines()
    messages = [Message(source, 0, number, None, value, []) for number, value in enumerate(lines)
                if number >= start and value.strip()]
    return [apply_batch(database, matching, dead_letters, messages[i:i + CHUNK])
            for i in range(0, len(messages), CHUNK)]
