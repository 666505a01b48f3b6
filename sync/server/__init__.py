"""The server half of sync: a router factory fed with the server's real services."""

from sync.server.router import SyncBackend, make_sync_router

__all__ = ["SyncBackend", "make_sync_router"]
