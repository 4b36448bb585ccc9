"""HTTP entry point: wire payloads become commands at the edge; read models are served as views.

Errors name the rule they broke: 422 for a payload that is not a valid command, 404 for an
unknown contract or intervention, 409 for a command refused by a business rule.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

from fastapi import Body, FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from aggregates.policy import POLICY_NUMBER
from aggregates.policy_history import PolicyAsOf
from application.bootstrap import Container
from application.commands import AnyCommand
from application.policy_service import InterventionNotFound, PolicyNotFound
from application.quotes import FlexiOffer, FlexiQuote, quote_flexi_offer
from domain.errors import DomainError
from projections.claim_views import ClaimView, claim_detail, list_claims
from projections.bank_statement_views import StatementLineView, list_lines
from projections.contract_views import ContractDetail, ContractSummary, contract_detail, list_contracts
from projections.intervention_views import InterventionFilter, intervention_detail, list_interventions
from projections.interventions import InterventionRow

_NOT_FOUND = (PolicyNotFound, InterventionNotFound)


class CommandAccepted(BaseModel):
    command_id: UUID
    aggregate_id: UUID
    aggregate_version: int
    duplicate: bool


class RuleBroken(BaseModel):
    rule: str
    detail: str


def create_app(container: Container) -> FastAPI:
    app = FastAPI(title="policy-core", version="0.1.0", description=__doc__)

    @app.exception_handler(DomainError)
    async def _refused(_: Request, error: DomainError) -> JSONResponse:
        status = 404 if isinstance(error, _NOT_FOUND) else 409
        return JSONResponse(status_code=status, content={"rule": error.rule, "detail": str(error)})

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "mode": "embedded" if container.settings.embedded else "postgresql"}

    @app.post("/commands", response_model=CommandAccepted,
              responses={404: {"model": RuleBroken}, 409: {"model": RuleBroken}})
    def execute(command: Annotated[AnyCommand, Body(discriminator="type")]) -> CommandAccepted:
        outcome = container.policies.execute(command)
        return CommandAccepted(command_id=outcome.command_id, aggregate_id=outcome.aggregate_id,
                               aggregate_version=outcome.aggregate_version, duplicate=outcome.duplicate)

    @app.post("/quotes/flexi", response_model=FlexiQuote, responses={409: {"model": RuleBroken}})
    def quote_flexi(offer: FlexiOffer) -> FlexiQuote:
        """FLEXI's level premium for an offer, from the life-reserve projection; nothing is recorded."""
        return quote_flexi_offer(container.policies.catalogue, offer)

    @app.get("/policies/{policy_number}", response_model=PolicyAsOf, responses={404: {"model": RuleBroken}})
    def policy(policy_number: str, on: date | None = None, known_at: datetime | None = None) -> PolicyAsOf:
        """From the event store: the policy on business date ``on`` as the insurer knew it at ``known_at``."""
        return container.policies.policy_as_of(policy_number, on or container.policies.clock.today(), known_at)

    @app.get("/contracts", response_model=list[ContractSummary])
    def contracts(
        advisor_id: str | None = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> list[ContractSummary]:
        return list_contracts(container.database, advisor_id, limit, offset)

    @app.get("/contracts/{policy_number}", response_model=ContractDetail, responses={404: {"model": RuleBroken}})
    def contract(policy_number: str) -> ContractDetail:
        detail = contract_detail(container.database, policy_number)
        if detail is None:
            raise HTTPException(404, detail={"rule": "contract-exists", "detail": f"no contract {policy_number} in the read model"})
        return detail

    @app.get("/interventions", response_model=list[InterventionRow])
    def interventions(criteria: Annotated[InterventionFilter, Query()]) -> list[InterventionRow]:
        """All interventions, open and closed, soonest due first: "vidí všechny intervence, nikoliv pouze nevyřízené"."""
        return list_interventions(container.database, criteria)

    @app.get("/interventions/{intervention_id}", response_model=InterventionRow, responses={404: {"model": RuleBroken}})
    def intervention(intervention_id: UUID) -> InterventionRow:
        view = intervention_detail(container.database, intervention_id)
        if view is None:
            raise HTTPException(404, detail={"rule": "intervention-exists",
                                             "detail": f"no intervention {intervention_id} in the read model"})
        return view

    @app.get("/claims", response_model=list[ClaimView])
    def claims(
        policy_number: Annotated[str, Query(pattern=POLICY_NUMBER.pattern)] | None = None,
        status: Literal["reported", "waiting_for_documents", "approved", "declined", "payout_scheduled", "paid",
                        "closed"] | None = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> list[ClaimView]:
        """The claims of a policy (a client's contract) with where each one is."""
        return list_claims(container.database, policy_number, status, limit, offset)

    @app.get("/claims/{claim_number}", response_model=ClaimView, responses={404: {"model": RuleBroken}})
    def claim(claim_number: str) -> ClaimView:
        detail = claim_detail(container.database, claim_number)
        if detail is None:
            raise HTTPException(404, detail={"rule": "claim-exists", "detail": f"no claim {claim_number} in the read model"})
        return detail

    @app.get("/bank-statement-lines", response_model=list[StatementLineView])
    def bank_statement_lines(
        outcome: Literal["recorded", "duplicate", "parked"] | None = None,
        reason: Annotated[str, Query(pattern=r"^[a-z0-9-]{1,80}$")] | None = None,
        policy_number: Annotated[str, Query(pattern=POLICY_NUMBER.pattern)] | None = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> list[StatementLineView]:
        """Back office: the lines of the bank feed; ``outcome=parked`` lists what waits for a person, with why;
        ``policy_number`` gives a contract's ledger."""
        return list_lines(container.database, outcome, reason, policy_number, limit, offset)

    return app
