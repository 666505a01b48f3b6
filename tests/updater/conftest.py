"""Fixtures for the updater tests."""

from __future__ import annotations

import sys
from pathlib import Path

# The helper modules sit next to this file; with --import-mode=importlib pytest does
# not put test folders on sys.path, and the crash tests' child processes need them too.
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pytest  # noqa: E402
from updater_helpers import Publisher, client_for  # noqa: E402
from updater_sim import RepositorySimulator  # noqa: E402

from updater.client import UpdateClient  # noqa: E402


@pytest.fixture
def publisher(tmp_path: Path) -> Publisher:
    """Keys plus a repository with release 1.0 of the fake app."""
    pub = Publisher(tmp_path / "it").setup()
    pub.publish("1.0", notes="first")
    return pub


@pytest.fixture
def sim(publisher: Publisher) -> RepositorySimulator:
    """The publisher's repository, served from memory."""
    return RepositorySimulator(publisher.repo_dir)


@pytest.fixture
def install_dir(tmp_path: Path) -> Path:
    """An empty installation folder."""
    return tmp_path / "install"


@pytest.fixture
def installed_v1(publisher: Publisher, sim: RepositorySimulator, install_dir: Path) -> UpdateClient:
    """A client with 1.0 installed (through the simulator), ready for 2.0 to appear."""
    client = client_for(install_dir, publisher, sim, download_seconds=2.0)
    client.apply()
    return client
