"""Runtime settings, read from the environment (prefix ``CLEARLANE_``) or a ``.env`` file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="CLEARLANE_", env_file=".env", env_ignore_empty=True, extra="ignore"
    )

    data_dir: Path = Field(
        default=Path("var"),
        description="Where the embedded SQLite database, models and reports live.",
    )
    database_url: str | None = Field(
        default=None,
        description="Any SQLAlchemy URL. Unset: a SQLite file under data_dir.",
    )
    ingest_batch_size: int = Field(default=2000, ge=1, description="Declarations per transaction.")

    @field_validator("database_url")
    @classmethod
    def _normalise_postgres_scheme(cls, value: str | None) -> str | None:
        # Heroku-style and bare postgresql:// URLs go through psycopg 3, the driver we ship.
        if value is None:
            return None
        for prefix in ("postgres://", "postgresql://"):
            if value.startswith(prefix):
                return "postgresql+psycopg://" + value[len(prefix) :]
        return value

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'clearlane.db').resolve()}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
