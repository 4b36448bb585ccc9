"""Proof that a command was executed, saved atomically with the events it caused.

A retried command finds its receipt and gets the original outcome instead of recording its
events twice. The receipt's id is derived from the command id, so two concurrent deliveries
of one command collide on the event store's uniqueness constraint and only one succeeds.
"""

from __future__ import annotations

from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.metadata import EventMetadata

RECEIPT_NAMESPACE = uuid5(NAMESPACE_URL, "urn:policy-core:command-receipt")


def receipt_id_for(command_id: UUID) -> UUID:
    return uuid5(RECEIPT_NAMESPACE, str(command_id))


class CommandReceipt(Aggregate):
    @staticmethod
    def create_id(command_id: UUID, **_: object) -> UUID:
        return receipt_id_for(command_id)

    @event("Accepted")
    def __init__(
        self,
        command_id: UUID,
        command_type: str,
        payload_digest: str,
        aggregate_id: UUID,
        aggregate_version: int,
        meta: EventMetadata,
    ) -> None:
        self.command_type = command_type
        self.payload_digest = payload_digest
        self.aggregate_id = aggregate_id
        self.aggregate_version = aggregate_version
