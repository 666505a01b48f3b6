"""Timetabling engine 排课: model, constraints, solver and the ITC-2007 Track 3 adapter.

The public entry points are :func:`core.timetabling.solver.solve` (any
:class:`core.timetabling.model.Problem`, wherever its data comes from) and the ITC-2007
reader/evaluator in :mod:`core.timetabling.itc2007`.
"""

from __future__ import annotations
