"""The client half of sync: replica store, outbox, engine, transport, connectivity."""
