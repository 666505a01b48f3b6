"""The deterministic demo university: a realistic school to try and measure Jiaowu with.

``generate(seed, today=…)`` builds every row in memory (pure Python, no database);
``insert_rows(connection, university)`` bulk-inserts them in foreign-key order. See
docs/demo-university.md for the sizes and the feasibility figures.
"""

from __future__ import annotations

from core.demo.accounts import DemoAccount, accounts_table
from core.demo.generate import DemoUniversity, generate
from core.demo.insert import insert_rows

__all__ = ["DemoAccount", "DemoUniversity", "accounts_table", "generate", "insert_rows"]
