"""The catalogue's data: one module per product source, each exposing its ProductVersion objects."""

from domain.products.data.accident_2016_12 import ACCIDENT_7UO_2016_12, ACCIDENT_23UO_2016_12, ACCIDENT_53UD_2016_12
from domain.products.data.belongings_framework_contract import BELONGINGS_2022_01, BELONGINGS_2024_11
from domain.products.data.flexi_2023_04 import FLEXI_2023_04

ALL_VERSIONS = (
    FLEXI_2023_04,
    ACCIDENT_7UO_2016_12,
    ACCIDENT_23UO_2016_12,
    ACCIDENT_53UD_2016_12,
    BELONGINGS_2022_01,
    BELONGINGS_2024_11,
)
