"""Claim commands: the claim and the policy it affects change together, in one write.

A report registers the event on the policy (one claim per cover and event date) and checks
eligibility against the policy as it stood on the event date. An approval computes the benefit with
the cover's calculator (``domain/benefits``) and records what the payout ends on the policy through the
policy's own commands: a death ends the policy (the last adult insured) or the deceased's covers; a
calculator's ``ends_covers`` end those cover parts. An overdue deadline raises the advisor's intervention.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.domain import Aggregate

from aggregates.claim import Claim, claim_id_for
from aggregates.intervention import Intervention, InterventionType, intervention_id_for
from aggregates.policy import EndReason, Policy
from aggregates.policy_history import policy_as_of
from application.accident_claims import AccidentFacts, assess_accident
from application.belongings_claims import BelongingsFacts, assess_belongings, insured_by_family_cover
from application.hospital_claims import HOSPITAL_COVERS, hospital_benefit
from application.commands import (
    ApproveClaim,
    ClaimCommand,
    CloseClaim,
    DailyAllowanceFacts,
    DeathFacts,
    DeclineClaim,
    HospitalFacts,
    IllnessConsequencesFacts,
    IncapacityFacts,
    InjuryConsequencesFacts,
    InvalidityFacts,
    NoteClaimInvestigation,
    ReceiveClaimDocuments,
    RecordPayoutPaid,
    ReopenClaim,
    ReportClaim,
    RequestClaimDocuments,
    ReviewClaimDeadlines,
    SchedulePayout,
    SeriousIllnessFacts,
    TerminalIllnessFacts,
)
from application.workflow_meta import workflow_meta
from domain.benefits.covers import Cover
from domain.benefits.daily_allowance import DailyAllowanceVariant, daily_allowance_benefit
from domain.benefits.death import accidental_death_benefit, death_benefit, terminal_illness_advance
from domain.benefits.illness_consequences import IllnessConsequenceTier, illness_consequences_benefit, percent_payable
from domain.benefits.incapacity import IncapacityVariant, incapacity_benefit
from domain.benefits.injury_consequences import DamageThreshold, injury_consequences_benefit
from domain.benefits.invalidity import invalidity_benefit
from domain.benefits.progression import Progression
from domain.benefits.result import BenefitResult
from domain.benefits.serious_illness import SeriousIllnessVariant, in_situ_neoplasm_benefit, serious_illness_benefit
from domain.claims.causes import require_cause_covered, require_cause_covered_by_cover
from domain.claims.payout_routing import eur_czk_on
from domain.claims.preliminary_cover import preliminary_sum
from domain.dates import add_months, add_years
from domain.errors import DomainError
from domain.metadata import EventMetadata
from domain.policy_covers import cover_keys
from domain.products.accident import AccidentRules
from domain.products.belongings import BelongingsRules
from domain.products.data.illustrative_rates import ILLUSTRATIVE_PRELIMINARY_LIMITS
from domain.products.flexi import FlexiRules
from domain.products.model import ProductVersion

if TYPE_CHECKING:
    from application.policy_service import PolicyService

DEATH_COVERS = frozenset({"basic_death", "supplementary_death", "accidental_death"})
# The calculators' names for the covers a payout ends, in the product's cover codes.
_COVER_CODES = {Cover.BASIC_DEATH: "basic_death", Cover.SUPPLEMENTARY_DEATH: "supplementary_death",
                Cover.ACCIDENTAL_DEATH: "accidental_death", Cover.SERIOUS_ILLNESS: "serious_illness",
                Cover.IN_SITU_NEOPLASM: "in_situ"}
Facts = (DeathFacts | HospitalFacts | SeriousIllnessFacts | DailyAllowanceFacts | IncapacityFacts | InvalidityFacts
         | InjuryConsequencesFacts | TerminalIllnessFacts | IllnessConsequencesFacts | BelongingsFacts)
INJURY_THRESHOLDS = {"accident_permanent_consequences_from_0_5": DamageThreshold.FROM_HALF_PERCENT,
                     "accident_permanent_consequences_from_10": DamageThreshold.FROM_TEN_PERCENT}
PROGRESSIONS = {"fourfold_progression": Progression.FOUR_FOLD, "tenfold_progression_plus": Progression.TEN_FOLD_PLUS}
INVALIDITY = {"invalidity_1": 1, "invalidity_2": 2, "invalidity_3": 3}
# "zbaven povinnosti platit běžné pojistné, jestliže byl uznán invalidním (invalidita 2. nebo 3. stupně)";
# "doba, po kterou neposkytujeme plnění, je 1 rok od počátku pojištění" (not after an accident).
WAIVER_FROM_DEGREE, WAIVER_WAITING_YEARS = 2, 1
DAILY_ALLOWANCE = {"daily_allowance_do8": DailyAllowanceVariant.DO8, "daily_allowance_do29": DailyAllowanceVariant.DO29}
INCAPACITY = {"sickness_incapacity_pn15": IncapacityVariant.PN15, "sickness_incapacity_pn57": IncapacityVariant.PN57}
# What a claim step takes from its command, besides ``today`` and ``meta``.
_STEPS: dict[type, str] = {
    RequestClaimDocuments: "request_documents",
    ReceiveClaimDocuments: "receive_documents",
    NoteClaimInvestigation: "note_investigation",
    RecordPayoutPaid: "record_payout_paid",
    CloseClaim: "close",
    ReopenClaim: "reopen",
}


class ClaimNotFound(DomainError):
    rule = "claim-exists"


class BenefitNotAssessed(DomainError):
    rule = "benefit-calculator-for-cover"


class ClaimDesk:
    def __init__(self, service: PolicyService) -> None:
        self._service = service

    def decide(self, command: ClaimCommand, meta: EventMetadata, touched: dict[Any, Aggregate],
               today: date) -> list[Aggregate]:
        """The aggregates the command changes; the claim first."""
        if isinstance(command, ReportClaim):
            return self._report(command, meta, touched, today)
        claim: Claim = self._service.load(claim_id_for(command.claim_number), touched, ClaimNotFound,
                                          f"no claim with number {command.claim_number}")
        if isinstance(command, ApproveClaim):
            return [claim, *self._approve(claim, command, meta, touched, today)]
        if isinstance(command, SchedulePayout):
            claim.schedule_payout(**command.payload(exclude=frozenset({"claim_number"})),
                                  eur_czk=eur_czk_on(command.scheduled_on), today=today, meta=meta)
            return [claim]
        if isinstance(command, ReviewClaimDeadlines):
            return [claim, *self._review(claim, command.on, meta, touched)]
        if isinstance(command, DeclineClaim):
            claim.decline(grounds=command.grounds, decided_on=command.decided_on, today=today, meta=meta,
                          letter=_letter(claim, self._policy(claim.policy_number, touched)))
            return [claim]
        getattr(claim, _STEPS[type(command)])(**command.payload(exclude=frozenset({"claim_number"})), today=today,
                                              meta=meta)
        return [claim]

    def _report(self, command: ReportClaim, meta: EventMetadata, touched: dict[Any, Aggregate],
                today: date) -> list[Aggregate]:
        policy = self._policy(command.policy_number, touched)
        product = self._product(policy)
        require_cause_covered(product, command.cause)
        require_cause_covered_by_cover(product, command.cover_key.split("/")[1],
                                       _terms_of(policy, command.cover_key).get("variant"), command.cause)
        policy.register_claim(claim_number=command.claim_number, cover_key=command.cover_key,
                              event_date=command.event_date, reported_on=command.reported_on, meta=meta)
        if policy.preliminarily_covered(command.event_date):
            return [self._report_under_preliminary_cover(command, policy, meta, today), policy]
        then = policy_as_of(self._service.events.get(policy.id), command.event_date)
        claim = Claim.report(**command.payload(), policy_then=then, today=today, meta=meta,
                             waiting_until=_waiting_until(product, policy, command.cover_key, command.cause),
                             cover_ended_by=policy.cover_ended_by_terms(command.cover_key, command.event_date, product),
                             insured_by_cover=insured_by_family_cover(product.rules, policy.insured, command.event_date)
                             if isinstance(product.rules, BelongingsRules) else None)
        return [claim, policy]

    def _report_under_preliminary_cover(self, command: ReportClaim, policy: Policy, meta: EventMetadata,
                                        today: date) -> Claim:
        """An accident between the signature and the start: the covers in force on the start date, each
        insuring what its line's preliminary limit leaves (``domain/claims/preliminary_cover``)."""
        at_start = policy_as_of(self._service.events.get(policy.id), policy.start_date)
        covered = preliminary_sum(command.cover_key, command.cause, at_start.covers, ILLUSTRATIVE_PRELIMINARY_LIMITS)
        return Claim.report(**command.payload(), policy_then=at_start.model_copy(update={
            "covers": {command.cover_key: covered}}), waiting_until=None, preliminary_cover=True, today=today,
            meta=meta)

    def _approve(self, claim: Claim, command: ApproveClaim, meta: EventMetadata, touched: dict[Any, Aggregate],
                 today: date) -> list[Aggregate]:
        policy = self._policy(claim.policy_number, touched)
        result = assess(claim, policy, self._product(policy), command.facts, command.decided_on)
        ends = _ended_parts(claim, policy, result, command.facts)
        claim.approve(amount=result.amount, ends_cover_keys=ends, decided_on=command.decided_on, today=today,
                      letter=_letter(claim, policy), meta=meta,
                      breakdown=[{"description": line.description, "amount": line.amount} for line in result.breakdown])
        if isinstance(command.facts, DeathFacts) and _last_adult(policy, claim.insured_id):
            # A death under the preliminary cover ends the policy on its start: it never ran.
            policy.end(end_reason=EndReason.DEATH, ended_on=max(command.facts.died_on, policy.start_date),
                       received_on=claim.reported_on,
                       benefits_paid=result.amount, product=self._product(policy), today=today, meta=meta)
        else:
            effective = max(claim.event_date, policy.start_date)  # an accident under the preliminary cover: the start
            for key in ends:
                policy.end_cover_after_claim(cover_key=key, effective_from=effective,
                                             claim_number=claim.claim_number, meta=meta)
            for group in sorted(result.ends_groups):
                policy.end_diagnosis_group(cover_key=claim.cover_key, group=group, effective_from=effective,
                                           claim_number=claim.claim_number, meta=meta)
        if isinstance(command.facts, BelongingsFacts):
            policy.count_belongings_payout(event_date=claim.event_date, claim_number=claim.claim_number, meta=meta)
        if isinstance(command.facts, IllnessConsequencesFacts):
            percent = percent_payable(IllnessConsequenceTier(Decimal(command.facts.tier_percent)),
                                      policy.illness_consequences_percent(claim.cover_key, claim.claim_number))
            policy.record_illness_consequences_paid(cover_key=claim.cover_key, percent=percent,
                                                    claim_number=claim.claim_number, meta=meta)
        if isinstance(command.facts, TerminalIllnessFacts):
            policy.record_terminal_advance(cover_key=claim.cover_key, amount=result.amount,
                                           claim_number=claim.claim_number, meta=meta)
        if isinstance(command.facts, InvalidityFacts) and _premium_waived(claim, policy, command.facts):
            policy.start_premium_waiver(effective_from=command.facts.recognised_on, claim_number=claim.claim_number,
                                        meta=meta)
        return [policy]

    def _review(self, claim: Claim, on: date, meta: EventMetadata, touched: dict[Any, Aggregate]) -> list[Aggregate]:
        """Each deadline passed raises the advisor's intervention, once (deterministic id)."""
        raised: list[Aggregate] = []
        policy = self._policy(claim.policy_number, touched)
        for kind in claim.review_deadlines(today=on, letter=_letter(claim, policy), meta=meta):
            cause = f"{claim.claim_number}:{kind}"
            if intervention_id_for(InterventionType.CLAIM_OVERDUE, claim.policy_number, cause) in touched:
                continue
            raised.append(Intervention.raise_intervention(
                intervention_type=InterventionType.CLAIM_OVERDUE, policy_number=claim.policy_number,
                client_name=policy.policyholder_name, advisor_id=policy.advisor_id, due_date=on, cause_reference=cause,
                description=f"Claim {claim.claim_number}: the {kind} deadline has passed; tell the client why",
                raised_on=on, meta=meta))
        return raised

    def review_deadlines(self, claim_numbers: list[str], on: date, cause: UUID | None = None) -> int:
        """The claims' deadlines passed by business day ``on``, recorded once, in one write; returns how
        many claims became overdue. Replaying a day records nothing new (the claim remembers)."""
        touched: dict[Any, Aggregate] = {}
        for number in claim_numbers:
            claim: Claim = self._service.load(claim_id_for(number), touched, ClaimNotFound, f"no claim {number}")
            raised = self._review(claim, on, workflow_meta("claim-deadlines", number, on, cause, self._service.clock),
                                  touched)
            if claim.pending_events:
                touched.update((aggregate.id, aggregate) for aggregate in (claim, *raised))
        changed = [aggregate for aggregate in touched.values() if aggregate.pending_events]
        if changed:
            self._service.save(*changed)
        return sum(isinstance(aggregate, Claim) for aggregate in changed)

    def _policy(self, number: str, touched: dict[Any, Aggregate]) -> Policy:
        return self._service.load_policy(number, touched)

    def _product(self, policy: Policy) -> ProductVersion:
        return self._service.catalogue.get(policy.product_code, policy.product_version)

    def claim(self, claim_number: str) -> Claim:
        try:
            return self._service.repository.get(claim_id_for(claim_number))
        except AggregateNotFoundError:
            raise ClaimNotFound(f"no claim with number {claim_number}") from None


def _letter(claim: Claim, policy: Policy) -> dict[str, Any]:
    """A letter about the claim goes to the policyholder, the way the policy's letters go."""
    return {**policy.letter_addressee(), "claim_number": claim.claim_number}


def assess(claim: Claim, policy: Policy, product: ProductVersion, facts: Facts, decided_on: date) -> BenefitResult:
    """The cover's calculator on the facts: the seed's rule, cited in each calculator."""
    code = claim.cover_key.split("/")[1]
    at = policy.covers_on
    if isinstance(product.rules, AccidentRules) and isinstance(facts, AccidentFacts):
        return assess_accident(product.rules.tariff, code, claim.sum_insured, claim.event_date, facts)
    if isinstance(facts, BelongingsFacts):
        return assess_belongings(_terms_of(policy, claim.cover_key)["variant"], claim.cause, claim.event_date, facts,
                                 [day for number, day in policy.belongings_payouts.items()
                                  if number != claim.claim_number], decided_on)
    if isinstance(facts, SeriousIllnessFacts) and code == "serious_illness":
        variant = SeriousIllnessVariant(_terms_of(policy, claim.cover_key).get("variant", "basic"))
        return serious_illness_benefit(variant, facts.group, claim.sum_insured, facts.confirmed_on, decided_on,
                                       facts.died_on, frozenset(policy.ended_groups.get(claim.cover_key, [])))
    if isinstance(facts, SeriousIllnessFacts) and code == "in_situ":
        serious = f"{claim.insured_id}/serious_illness/0"
        return in_situ_neoplasm_benefit(at(claim.event_date).get(serious, Decimal(0)))
    if isinstance(facts, DeathFacts) and code in {"basic_death", "supplementary_death"}:
        return death_benefit(at(facts.died_on).get(claim.cover_key, claim.sum_insured),
                             terminal_advance_paid=policy.terminal_advances.get(claim.cover_key, Decimal(0)))
    if isinstance(facts, TerminalIllnessFacts) and code == "supplementary_death":
        history = policy.cover_history[claim.cover_key]
        return terminal_illness_advance(claim.sum_insured, facts.prognosis_confirmed_on, history[0][0],
                                        policy.end_date or facts.prognosis_confirmed_on)
    if isinstance(facts, InjuryConsequencesFacts) and code in INJURY_THRESHOLDS:
        progression = PROGRESSIONS[_terms_of(policy, claim.cover_key).get("variant", "fourfold_progression")]
        return injury_consequences_benefit(facts.damage_percent, claim.sum_insured, progression,
                                           INJURY_THRESHOLDS[code])
    if isinstance(facts, DeathFacts) and code == "accidental_death":
        return accidental_death_benefit(at(facts.died_on).get(claim.cover_key, claim.sum_insured), claim.sum_insured,
                                        facts.traffic_accident)
    if isinstance(facts, DailyAllowanceFacts) and code in DAILY_ALLOWANCE:
        # "od 85. dne ... dvojnásobek, od 183. dne ... trojnásobek": the adult daily allowance progresses.
        return daily_allowance_benefit(DAILY_ALLOWANCE[code], claim.sum_insured, facts.healing_days,
                                       facts.table_maximum_days, with_progression=True)
    if isinstance(facts, IncapacityFacts) and (code in INCAPACITY or code == "sickness_incapacity_pn29"):
        variant = INCAPACITY.get(code) or (IncapacityVariant.PN29_FROM_DAY_1
                                           if _terms_of(policy, claim.cover_key).get("variant") == "from_day_1"
                                           else IncapacityVariant.PN29_FROM_DAY_29)
        return incapacity_benefit(variant, claim.sum_insured, facts.incapacity_days,
                                  facts.self_employed_without_sickness_insurance)
    if isinstance(facts, InvalidityFacts) and code in INVALIDITY:
        if facts.degree != INVALIDITY[code]:
            raise BenefitNotAssessed(f"degree {facts.degree} is claimed on the degree {INVALIDITY[code]} cover")
        in_force = at(claim.event_date)
        sums = {degree: in_force[key] for name, degree in INVALIDITY.items()
                if (key := f"{claim.insured_id}/{name}/0") in in_force}
        return invalidity_benefit(facts.degree, sums, traffic_accident=facts.traffic_accident)
    if isinstance(facts, IllnessConsequencesFacts) and code == "illness_permanent_consequences":
        return illness_consequences_benefit(IllnessConsequenceTier(Decimal(facts.tier_percent)), claim.sum_insured,
                                            policy.illness_consequences_percent(claim.cover_key, claim.claim_number))
    if isinstance(facts, HospitalFacts) and code in HOSPITAL_COVERS:
        return hospital_benefit(code, claim.sum_insured, facts, _insured(policy, claim.insured_id)["birth_date"],
                                claim.event_date)
    raise BenefitNotAssessed(f"{facts.kind} facts do not decide a benefit of {code} (no calculator wired for it)")


def _ended_parts(claim: Claim, policy: Policy, result: BenefitResult, facts: Facts) -> list[str]:
    """Cover parts the payout ends: the deceased's, or those the calculator names."""
    in_force = policy.covers_on(claim.event_date)
    if isinstance(facts, DeathFacts):
        return sorted(key for key in in_force if key.startswith(f"{claim.insured_id}/"))
    ended = {_COVER_CODES[cover] for cover in result.ends_covers}
    ended |= {name for name, degree in INVALIDITY.items() if degree in result.ends_degrees}
    return sorted(key for key in in_force if key.startswith(f"{claim.insured_id}/") and key.split("/")[1] in ended)


def _premium_waived(claim: Claim, policy: Policy, facts: InvalidityFacts) -> bool:
    """The waiver cover of this insured, who is the policyholder, degree 2 or 3, after its year's wait."""
    insured = _insured(policy, claim.insured_id)
    covered = f"{claim.insured_id}/premium_waiver/0" in policy.covers_on(claim.event_date)
    waited = claim.cause == "accident" or claim.event_date >= add_years(policy.start_date, WAIVER_WAITING_YEARS)
    return (covered and bool(insured.get("is_policyholder")) and facts.degree >= WAIVER_FROM_DEGREE and waited
            and policy.premium_waived_from is None)


def _insured(policy: Policy, insured_id: str) -> dict[str, Any]:
    return next((person for person in policy.insured if person["id"] == insured_id), {})


def _terms_of(policy: Policy, cover_key: str) -> dict[str, Any]:
    return next((record for key, record in zip(cover_keys(policy.cover_terms), policy.cover_terms) if key == cover_key),
                {})


def _last_adult(policy: Policy, insured_id: str) -> bool:
    adults = [person["id"] for person in policy.insured if person.get("kind") == "adult"]
    return not adults or adults == [insured_id]


def _waiting_until(product: ProductVersion, policy: Policy, cover_key: str, cause: str) -> date | None:
    """"Čekací doba" counts from the cover's start (a part added later: from its own start); some covers
    wait for illness only."""
    if not isinstance(product.rules, FlexiRules):
        return None
    definition = product.rules.covers.get(cover_key.split("/")[1])
    if definition is None or not definition.waiting_period_months:
        return None
    if definition.waiting_period_illness_only and cause != "illness":
        return None
    started = min(day for day, _, _ in policy.cover_history.get(cover_key, [(policy.start_date, None, False)]))
    return add_months(started, definition.waiting_period_months)
