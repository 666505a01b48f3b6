"""Business operations of the desktop client (no Qt): API client, auth, administration."""
