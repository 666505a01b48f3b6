"""The ``jiaowu`` command line: one entry point that dispatches to the packages.

This package holds no logic. Each subcommand group lives next to the code it drives
(``server/cli.py``, ``client/cli.py``, ``updater/cli.py``, ``core/timetabling/cli.py``)
and exposes ``register(subparsers)``; modules are imported lazily so that ``jiaowu
server`` never loads Qt and ``jiaowu client`` never loads FastAPI.
"""
