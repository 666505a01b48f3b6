"""The desktop side of offline work: background syncs, the Sync page, the conflict screen."""
