"""Entry point for multi-process serving: ``uvicorn server.api.main:create --factory``.

Settings come from the environment (``jiaowu server --workers N`` sets them).
"""

from __future__ import annotations

from fastapi import FastAPI

from server.api.app import create_app
from server.settings import Settings


def create() -> FastAPI:
    return create_app(Settings())
