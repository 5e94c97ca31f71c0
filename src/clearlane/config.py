"""Runtime settings, read from the environment (prefix ``CLEARLANE_``) or a ``.env`` file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
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
    ingest_max_decompressed_bytes: int = Field(
        default=4 << 30,
        ge=1024,
        description="Most text a compressed input file (gzip `.csv.gz`, Parquet) may hold, in "
        "bytes (default 4 GiB; a KCS row is some 150 bytes). A file over it is refused whole, "
        "naming the bound, before any of its rows is stored: a few KB of gzip can expand to "
        "gigabytes.",
    )
    ingest_max_compression_ratio: int = Field(
        default=100,
        ge=0,
        description="Most times its own size a compressed input file's text may be, counted "
        "once the text passes 64 MiB (an ordinary KCS export compresses 3 times, gzip at "
        "most some 1,000 times); over it the file is refused whole. 0: no ratio bound.",
    )
    ingest_workers: int | None = Field(
        default=None,
        ge=0,
        le=2,
        description="Parsing processes of a file ingest: 0 parses in the writing process, 1 in "
        "one worker (a CSV file over 8 MB into SQLite: the worker and the writer share its "
        "parts), 2 shares a CSV file's parts between two workers (and the writer, on SQLite). "
        "Unset: by the file's size and "
        "the machine's cores (two workers on three cores or more).",
    )
    secret_key: SecretStr | None = Field(
        default=None,
        description="Signs API tokens, session cookies and CSRF tokens. Unset: a random key is "
        "created once in data_dir/secret.key (fine for one server; set it for several).",
    )
    access_token_minutes: int = Field(default=15, ge=1, le=24 * 60, description="API token life.")
    session_hours: int = Field(default=8, ge=1, le=24 * 7, description="Web session life.")
    max_upload_bytes: int = Field(
        default=10 * 1024 * 1024, ge=1024, description="Largest accepted upload or request body."
    )
    upload_content_types: list[str] = Field(
        default=[
            "application/pdf",
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/tiff",
            "image/webp",
            "application/xml",
            "text/xml",
            "application/json",
            "text/csv",
            "text/plain",
        ],
        description="Content types accepted for documents attached to declarations "
        "(JSON list in the environment, e.g. '[\"application/pdf\"]').",
    )
    documents_max_pages: int = Field(
        default=20,
        ge=1,
        le=1000,
        description="Most pages an attached PDF or multi-page image may have to be read; over "
        "it the extraction fails with 'document rejected', naming the bound, before any page "
        "is read.",
    )
    documents_max_pixels: int = Field(
        default=40_000_000,
        ge=1_000_000,
        le=178_956_970,
        description="Most pixels an attached image, a PDF's image object or a PDF page "
        "rendered for OCR (150 dpi) or for the page view (100 dpi) may have; over it the "
        "document is rejected, naming the bound, before it is decoded or rendered (a 1 kB PNG "
        "can declare 50,000 x 50,000 pixels). At most Pillow's own refusal bound "
        "(178,956,970).",
    )
    documents_preview_pixels: int = Field(
        default=4_000_000,
        ge=100_000,
        le=178_956_970,
        description="Most pixels the page view (/documents/{id}/page/{n}.png) draws a page or "
        "image at: a larger one is scaled down to fit, its aspect kept (an A4 page at the "
        "view's 100 dpi is about 1 million; a 62-inch page within CLEARLANE_DOCUMENTS_MAX_PIXELS "
        "took 330 MB to draw whole).",
    )
    documents_max_decompressed_bytes: int = Field(
        default=256 << 20,
        ge=1 << 20,
        description="Most bytes all the compressed streams of an attached PDF (page contents, "
        "fonts, images, attached Factur-X XML) may inflate to, together (default 256 MiB); "
        "over it the document is rejected, naming the bound, before pdfminer, pdfium or the "
        "e-invoice reader inflates any of them (a few kB of Flate can inflate to gigabytes).",
    )
    documents_max_objects: int = Field(
        default=10_000,
        ge=100,
        description="Most indirect objects ('N G obj' headers, counted in the file's bytes) an "
        "attached PDF may have; over it the document is rejected, naming the bound, before "
        "pypdf or pdfminer reads it (an invoice has some 20-2,000; a PDF whose cross-reference "
        "table is broken is scanned object by object by both readers: 30,000 fake objects in "
        "1 MB took 7.8 s of CPU, 500,000 in 19 MB over 200 s).",
    )
    documents_max_content_bytes: int = Field(
        default=2 << 20,
        ge=64 << 10,
        description="Most bytes an attached PDF's page contents and forms (what the text "
        "layer's reader parses, operator by operator) may inflate to, together (default 2 MiB; "
        "an invoice page's are some 5-50 kB, and a MiB of text operators took some 12 s of CPU "
        "to read); over it the document is rejected, naming the bound.",
    )
    sign_in_max_failures: int = Field(
        default=5, ge=1, description="Failed sign-ins per user within the window before refusal."
    )
    sign_in_window_minutes: int = Field(default=15, ge=1, description="Sign-in failure window.")
    sign_in_concurrency: int = Field(
        default=4,
        ge=1,
        le=1000,
        description="Sign-ins (POST /api/auth/token, the sign-in form) checked at once per "
        "server worker process; more wait up to sign_in_wait_seconds, then answer 503 with "
        "Retry-After. A password check "
        "is argon2, CPU heavy: without a bound of their own a burst of sign-ins held every "
        "thread of the worker's pool and starved every other request (docs/concurrency.md).",
    )
    sign_in_wait_seconds: float = Field(
        default=10.0,
        ge=0,
        le=120,
        description="Seconds a sign-in over sign_in_concurrency waits for a place (on the "
        "event loop, holding no thread) before it answers 503 with Retry-After; 0 refuses at "
        "once.",
    )
    idempotency_hours: int = Field(
        default=24,
        ge=1,
        le=24 * 365,
        description="How long an Idempotency-Key is kept: a repeat within it replays the first "
        "answer; after it the key is as if never sent (a request with it runs anew) and its row "
        "is purged, a bounded batch at a time, as new keys are stored.",
    )
    secure_cookies: bool = Field(
        default=False,
        description="Mark the session cookie Secure (serve over HTTPS in production and set it).",
    )
    submit_concurrency: int = Field(
        default=2,
        ge=1,
        le=64,
        description="Declaration submissions assessed at once per server worker process; the "
        "rest queue in arrival order (add worker processes, not this, to use more cores).",
    )
    db_pool_size: int = Field(
        default=5,
        ge=1,
        le=1000,
        description="Connections each process keeps open to the store (SQLAlchemy's pool_size).",
    )
    db_pool_overflow: int = Field(
        default=10,
        ge=0,
        le=1000,
        description="Connections a process may open beyond db_pool_size under load, closed "
        "when they come back (SQLAlchemy's max_overflow).",
    )
    db_pool_timeout: float = Field(
        default=30.0,
        gt=0,
        le=3600,
        description="Seconds a request waits for a free store connection when all are in use; "
        "after that the API answers 503 with Retry-After (docs/concurrency.md).",
    )
    switch_interval_ms: float = Field(
        default=1.0,
        gt=0,
        le=100,
        description="The server worker's thread switch interval (Python's "
        "sys.setswitchinterval, default 5 ms), in milliseconds. A submission holds the store's "
        "assessment lock for a few statements; with the interpreter's 5 ms a thread holding it "
        "waits up to 5 ms for its turn behind every busy thread of the worker, and every other "
        "submission waits behind it. 1 ms shortens the hold under load (docs/performance.md).",
    )
    hs_warm_up: bool = Field(
        default=True,
        description="Load the HS model (building and caching its index in data_dir/cache the "
        "first time) in a background thread when a server starts, so that no request waits "
        "for it.",
    )
    compile_boosters: bool = Field(
        default=True,
        description="Compile the champion engine's LightGBM boosters to machine code in a "
        "background process after `clearlane train` promotes it, or when a server worker finds "
        "a champion without compiled code (once per model version, cached beside the artifact "
        "in data_dir/models), and score with that code once it is ready. Off: neither compile "
        "nor load compiled code; every booster predicts with LightGBM.",
    )
    score_threads: int | None = Field(
        default=None,
        ge=1,
        le=256,
        description="Threads that share a large batch's booster predictions (each row is "
        "computed alone, so the scores do not depend on it). Unset: the cores this process may "
        "use.",
    )
    batch_facts: bool = Field(
        default=True,
        description="Batch scoring (`clearlane score`, `clearlane demo`) gathers each "
        "declaration's facts (documents, transport documents, HS check of every goods item, "
        "trader network) as a submission does; off (or `--no-facts`) for huge batches: "
        "their assessments then carry no fact and no HS reason.",
    )
    train_facts: bool = Field(
        default=True,
        description="Training (`clearlane train`, `clearlane demo`) gathers the facts of its "
        "training rows as known when each was assessed (invoices and transport documents "
        "that arrived before its decision or control result, the HS check of every goods "
        "item, trader network), so the engine learns from them; off (or `--no-facts`): an "
        "engine without fact inputs, whose score no fact moves.",
    )
    alert_poll_seconds: float = Field(
        default=1.0,
        gt=0,
        le=60,
        description="How often open alert streams read new red-lane assessments from the store "
        "(the most an alert can be late).",
    )
    pseudonymisation_key: SecretStr | None = Field(
        default=None,
        description="Key of `clearlane export --pseudonymise` (at least 16 bytes); it never "
        "leaves the administration. `--key-file` overrides it.",
    )

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
    def files_dir(self) -> Path:
        """The file store of uploaded documents (content-addressed by SHA-256)."""
        return self.data_dir / "files"

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'clearlane.db').resolve()}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
