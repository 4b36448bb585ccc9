"""Benefit calculators for claims: pure functions from the facts of a claim to the amount due.

Each calculator cites the seed (``/work/shared/seeds/``) it implements. A claim the rules refuse
raises a ``DomainError`` naming the rule; a claim that qualifies returns a ``BenefitResult``.
"""
