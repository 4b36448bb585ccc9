"""Covers a benefit payout can end, named so the policy can be told which one stopped."""

from enum import Enum


class Cover(str, Enum):
    BASIC_DEATH = "basic-death"
    SUPPLEMENTARY_DEATH = "supplementary-death"
    ACCIDENTAL_DEATH = "accidental-death"
    SERIOUS_ILLNESS = "serious-illness"
    IN_SITU_NEOPLASM = "in-situ-neoplasm"
