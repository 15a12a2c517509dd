"""One Settings object, read from TRIAGE_* environment variables (nested groups joined by __)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATA_DIR = Path("~/.local/share/triage")


FILES_DIR = "files"


def stored_file_name(sha256: str, extension: str) -> str:
    """Where the original file of a document lives, relative to the data dir: the name the
    database keeps, so a data dir can be moved or restored elsewhere."""
    return f"{FILES_DIR}/{sha256[:2]}/{sha256}.{extension}"


class LimitSettings(BaseModel):
    """Bounds on hostile input: every file is parsed in a child process under these."""

    max_file_mb: float = Field(50.0, description="Largest file accepted, in MiB")
    max_pages: int = Field(500, description="Most pages accepted in one PDF")
    parse_seconds: float = Field(60.0, description="Wall-clock limit on parsing one file")
    parse_memory_mb: int = Field(1024, description="Address-space limit of the parsing process")
    max_parsed_mb: float = Field(
        256.0, description="Largest parsed document (its text, passages, indicators as JSON)"
    )
    docx_max_entries: int = Field(2000, description="Most entries in a DOCX zip directory")
    docx_max_unzipped_mb: float = Field(200.0, description="Largest total declared unzipped size")
    docx_max_ratio: float = Field(100.0, description="Largest compression ratio of any entry")
    max_csv_rows: int = Field(10_000, ge=1, description="Most rows in one indicators CSV")
    max_passages: int = Field(5_000, ge=1, description="Most passages one document may have")
    manifest_max_kb: int = Field(10_240, ge=1, description="Largest corpus manifest, in KiB")
    manifest_max_aliases: int = Field(
        100, ge=0, description="Most YAML aliases (*name) a corpus manifest may use"
    )
    manifest_max_depth: int = Field(20, ge=1, description="Deepest nesting in a corpus manifest")
    manifest_max_nodes: int = Field(
        1_000_000, ge=1, description="Most values a manifest stands for once aliases are expanded"
    )


class IndexSettings(BaseModel):
    """Where vectors live: an embedded Chroma under the data dir, or a Chroma server."""

    chroma_mode: Literal["embedded", "http"] = Field("embedded", description="embedded or http")
    chroma_host: str = Field("127.0.0.1", description="Chroma server host, for http mode")
    chroma_port: int = Field(8000, description="Chroma server port, for http mode")
    chroma_tenant: str = Field(
        "default_tenant",
        description="The Chroma tenant (http mode): one per authority; created if missing",
    )
    chroma_database: str = Field(
        "default_database", description="The Chroma database in the tenant; created if missing"
    )
    collection: str = Field("passages", description="Chroma collection holding passage vectors")
    embedding_batch: int = Field(32, description="Passages embedded per batch")
    upsert_batch: int = Field(256, description="Passages written to Chroma per request")


class RetrievalSettings(BaseModel):
    k: int = Field(8, description="Passages returned by default")
    candidates: int = Field(30, description="Candidates taken from each retriever before fusion")
    rrf_k: int = Field(60, description="Reciprocal rank fusion constant")


class ChunkSettings(BaseModel):
    max_chars: int = Field(900, description="Longest passage, in characters")
    min_chars: int = Field(200, description="Short paragraphs are merged up to this length")


class LLMSettings(BaseModel):
    """The provider used for every LLM role; `none` works fully offline."""

    provider: Literal["none", "llamacpp", "openai"] = Field("none", description="LLM provider")
    model: str = Field("", description="Model name for the openai provider")
    base_url: str = Field(
        "", description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1"
    )
    api_key: SecretStr = Field(SecretStr(""), description="API key for the openai provider")
    model_path: str = Field("", description="GGUF file for llamacpp; empty = the packaged model")
    n_ctx: int = Field(4096, description="Context window for llamacpp")
    timeout_s: float = Field(60.0, description="Per-request timeout")
    max_retries: int = Field(2, description="Retries after a failed request, with backoff")
    temperature: float = Field(0.0, description="Sampling temperature")
    max_tokens: int = Field(512, description="Most tokens in one answer")
    response_format: Literal["json_schema", "json_object", "none"] = Field(
        "json_schema",
        description="How replies are constrained to JSON: json_schema (OpenAI standard), "
        "json_object (llama-cpp-python's server, with a schema) or none (prompt only)",
    )


class ServiceSettings(BaseModel):
    """The officers' service: sign-in, tokens and the authority it serves."""

    authority: str = Field(
        "the local authority", description="The authority's name, shown on letters and pages"
    )
    token_minutes: int = Field(480, ge=1, description="How long a sign-in token stays valid")
    setup_hours: int = Field(72, ge=1, description="How long a first-password token stays valid")
    login_slow_after: int = Field(3, ge=1, description="Failed sign-ins before each is slowed")
    login_delay_s: float = Field(1.0, ge=0, description="Delay per failed sign-in once slowed")
    login_lock_after: int = Field(6, ge=1, description="Failed sign-ins that lock the account")
    login_lock_minutes: int = Field(15, ge=1, description="How long a locked account waits")
    min_password_chars: int = Field(12, ge=8, description="Shortest password accepted")
    job_workers: int = Field(1, ge=1, description="Batch jobs run at once in the server process")
    secret_key: SecretStr = Field(
        SecretStr(""),
        description="Signs the web pages' form tokens; empty = a random key kept in the data dir "
        "(set one shared key when several servers use one database without one data dir)",
    )
    threads: int = Field(
        16, ge=1, le=16, description="Requests worked on at once; the rest wait their turn"
    )


class JobSettings(BaseModel):
    """Where batch work runs: threads of the server process, or a PostgreSQL queue whose jobs
    any number of `triage worker` processes consume."""

    queue: Literal["in_process", "procrastinate"] = Field(
        "in_process",
        description="in_process (embedded: no server to start) or procrastinate (PostgreSQL)",
    )
    queue_name: str = Field("triage", description="The procrastinate queue triage's jobs go on")
    worker_concurrency: int = Field(1, ge=1, description="Steps one `triage worker` runs at once")
    heartbeat_s: float = Field(10.0, gt=0, description="How often a worker says it is alive")
    stalled_after_s: float = Field(
        30.0, gt=0, description="A worker silent this long is dead: its steps are run again"
    )
    max_attempts: int = Field(
        5, ge=1, description="Tries of a step that fails unexpectedly (database or index away)"
    )


class Settings(BaseSettings):
    """All configuration of triage. Environment: TRIAGE_DATA_DIR, TRIAGE_LLM__PROVIDER, ..."""

    model_config = SettingsConfigDict(
        env_prefix="TRIAGE_", env_nested_delimiter="__", extra="ignore"
    )

    data_dir: Path = Field(DEFAULT_DATA_DIR, description="All state lives here")
    database_url: str = Field("", description="SQLAlchemy URL; empty = SQLite in the data dir")
    write_wait_s: float = Field(
        300.0,
        ge=0,
        description="How long a writer waits for another to finish before it says to try again",
    )
    limits: LimitSettings = Field(default_factory=LimitSettings)
    index: IndexSettings = Field(default_factory=IndexSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    chunks: ChunkSettings = Field(default_factory=ChunkSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    service: ServiceSettings = Field(default_factory=ServiceSettings)
    jobs: JobSettings = Field(default_factory=JobSettings)

    @property
    def data_path(self) -> Path:
        return self.data_dir.expanduser().resolve()

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_path / 'triage.db'}"

    @property
    def files_dir(self) -> Path:
        return self.data_path / FILES_DIR

    @property
    def chroma_dir(self) -> Path:
        return self.data_path / "chroma"

    @property
    def bm25_dir(self) -> Path:
        return self.data_path / "bm25"


def get_settings() -> Settings:
    """Read the settings afresh from the environment (no import-time singleton)."""
    return Settings()
