"""The product version, shared by server, client and updater."""

__version__ = "0.1.0"

# Bumped when the sync wire format changes incompatibly (DESIGN §5, version gate).
PROTOCOL_VERSION = 1
# Bumped with every schema migration that changes replicated tables.
SCHEMA_VERSION = 1
