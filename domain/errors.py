"""Named business-rule violations. Each carries the rule it broke so callers can report it."""


class DomainError(Exception):
    """A command broke a business rule; nothing was recorded."""

    rule: str = "domain-rule"

    def __init__(self, message: str, *, rule: str | None = None) -> None:
        super().__init__(message)
        if rule is not None:
            self.rule = rule
