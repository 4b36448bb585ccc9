import pytest
from pydantic import ValidationError

from infrastructure.settings import Settings


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("database_url", "mysql://x", "must be a postgresql:// URL"),
        ("kafka_bootstrap_servers", "localhost", "is not host:port"),
        ("POLICY_CORE_TOPIC_PREFIX", "Bad Prefix!", "string_pattern_mismatch"),
        ("POLICY_CORE_RELAY_PAGE_SIZE", 5000, "less than or equal to 1000"),
    ],
)
def test_bad_configuration_names_the_rule(field: str, value: object, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        Settings(**{field: value})
    assert message in str(error.value) or message in repr(error.value.errors())


def test_unset_services_mean_embedded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("KAFKA_BOOTSTRAP_SERVERS", raising=False)
    settings = Settings()
    assert settings.embedded and settings.kafka_bootstrap_servers is None
