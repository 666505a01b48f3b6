"""The server serves the signed update repository and refuses clients below the signed minimum."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from server.api.app import create_app
from server.services.updates import TimestampJob
from server.settings import Settings
from updater.repository import build_bundle, init_keys, init_repository, publish_release


def _bundle(base: Path, version: str) -> Path:
    source = base / f"src-{version}"
    (source / "fakeapp").mkdir(parents=True)
    (source / "fakeapp" / "__init__.py").write_text("")
    (source / "fakeapp" / "__main__.py").write_text(textwrap.dedent("print('hello')\n"))
    (source / "assets").mkdir()
    return build_bundle(source, version, base / "dist", packages=("fakeapp",), entry="fakeapp")


@pytest.fixture
def published(tmp_path: Path) -> tuple[Path, Path]:
    keys, repo = tmp_path / "keys", tmp_path / "updates"
    init_keys(keys)
    init_repository(repo, keys)
    publish_release(repo, keys, _bundle(tmp_path, "0.1.0"), notes="first")
    return keys, repo


def _app(tmp_path: Path, repo: Path, **extra: object) -> TestClient:
    settings = Settings(data_dir=tmp_path / "data", updates_dir=repo, secret_key="u" * 40, **extra)  # type: ignore[arg-type]
    return TestClient(create_app(settings))


def test_update_repository_is_served_without_login(tmp_path: Path, published: tuple[Path, Path]) -> None:
    _, repo = published
    with _app(tmp_path, repo) as api:
        timestamp = api.get("/updates/metadata/timestamp.json")
        assert timestamp.status_code == 200
        assert json.loads(timestamp.content)["signed"]["_type"] == "timestamp"
        assert api.get("/updates/metadata/1.root.json").status_code == 200
        assert api.get("/updates/nothing-here").status_code == 404


def test_minimum_version_from_signed_metadata_gates_every_api_request(tmp_path: Path,
                                                                        published: tuple[Path, Path]) -> None:
    keys, repo = published
    publish_release(repo, keys, _bundle(tmp_path, "0.3.0"), notes="must have", minimum_version="0.2.0")
    with _app(tmp_path, repo, update_trusted_root=keys / "root.json") as api:
        old = api.post("/auth/login", json={"username": "x", "password": "y"}, headers={"X-Client-Version": "0.1.0"})
        assert old.status_code == 426
        body = old.json()
        assert body["code"] == "client_too_old" and body["details"]["required"] == "0.2.0"
        assert body["details"]["update_url"] == "/updates/"
        assert api.get("/sync/pull", headers={"X-Client-Version": "0.1.0"}).status_code == 426
        assert api.get("/sync/pull", headers={"X-Client-Version": "garbage"}).status_code == 426
        assert api.post("/auth/login", json={"username": "x", "password": "y"},
                        headers={"X-Client-Version": "0.2.0"}).status_code == 401
        assert api.get("/health", headers={"X-Client-Version": "0.1.0"}).json()["min_client_version"] == "0.2.0"
        assert api.get("/updates/metadata/timestamp.json", headers={"X-Client-Version": "0.1.0"}).status_code == 200
        assert api.post("/auth/login", json={"username": "x", "password": "y"}).status_code == 401  # a browser


def test_metadata_not_signed_by_the_trusted_root_is_not_believed(tmp_path: Path,
                                                                  published: tuple[Path, Path]) -> None:
    keys, repo = published
    publish_release(repo, keys, _bundle(tmp_path, "0.3.0"), minimum_version="0.2.0")
    other = tmp_path / "other-keys"
    init_keys(other)
    with _app(tmp_path, repo, update_trusted_root=other / "root.json", min_client_version="0.0.5") as api:
        # The repository's signatures do not verify: the configured fallback applies, not 0.2.0.
        assert api.get("/auth/me", headers={"X-Client-Version": "0.1.0"}).status_code == 401
        assert api.get("/auth/me", headers={"X-Client-Version": "0.0.1"}).status_code == 426


def test_configured_minimum_without_a_repository(tmp_path: Path) -> None:
    with _app(tmp_path, tmp_path / "empty-updates", min_client_version="9.0") as api:
        assert api.get("/auth/me", headers={"X-Client-Version": "1.0"}).status_code == 426
        assert api.get("/auth/me", headers={"X-Client-Version": "9.0.1"}).status_code == 401


def test_timestamp_job_resigns(published: tuple[Path, Path]) -> None:
    keys, repo = published
    before = json.loads((repo / "metadata" / "timestamp.json").read_text())["signed"]["version"]
    job = TimestampJob(repo, keys / "online" / "timestamp.pem", keys / "online" / "snapshot.pem", interval=3600)
    job.run_once()
    after = json.loads((repo / "metadata" / "timestamp.json").read_text())["signed"]["version"]
    assert after > before
