"""Wire schemas of the web API, separate from the ORM (create / update / public / page)."""
