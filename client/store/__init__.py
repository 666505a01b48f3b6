"""Local SQLite store of the desktop client (no Qt, no HTTP)."""
