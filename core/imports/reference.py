"""What an import resolves names against: classes, majors and departments, and existing keys.

Plain data, filled by the caller from its database (the client's store or the server's): the
import itself never touches a database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class DepartmentRef:
    id: str
    code: str
    name: str


@dataclass(frozen=True)
class MajorRef:
    id: str
    code: str
    name: str
    department_id: str
    duration_years: int = 4


@dataclass(frozen=True)
class ClassRef:
    id: str
    code: str
    name: str
    major_id: str
    department_id: str
    cohort: int


def _index(items: Iterable[DepartmentRef | MajorRef | ClassRef]) -> dict[str, list[str]]:
    """Code and name (stripped, case-folded) -> ids; a name shared by two rows maps to both."""
    out: dict[str, list[str]] = {}
    for item in items:
        for key in {item.code.strip().casefold(), item.name.strip().casefold()}:
            if key and item.id not in out.setdefault(key, []):
                out[key].append(item.id)
    return out


@dataclass(frozen=True)
class ImportReference:
    """Classes, majors and departments, found by code or name."""

    departments: Mapping[str, DepartmentRef]  # by id
    majors: Mapping[str, MajorRef]
    classes: Mapping[str, ClassRef]
    _lookup: dict[str, dict[str, list[str]]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._lookup.update(department=_index(self.departments.values()), major=_index(self.majors.values()),
                            school_class=_index(self.classes.values()))

    @classmethod
    def of(cls, *, departments: Iterable[DepartmentRef] = (), majors: Iterable[MajorRef] = (),
           classes: Iterable[ClassRef] = ()) -> ImportReference:
        return cls({d.id: d for d in departments}, {m.id: m for m in majors}, {c.id: c for c in classes})

    @classmethod
    def from_rows(cls, *, departments: Iterable[Mapping[str, object]], majors: Iterable[Mapping[str, object]],
                  classes: Iterable[Mapping[str, object]]) -> ImportReference:
        """Build from table rows as dicts (``department``, ``major``, ``school_class`` columns)."""
        return cls.of(
            departments=[DepartmentRef(str(d["id"]), str(d["code"]), str(d["name"])) for d in departments],
            majors=[MajorRef(str(m["id"]), str(m["code"]), str(m["name"]), str(m["department_id"]),
                             int(str(m.get("duration_years") or 4))) for m in majors],
            classes=[ClassRef(str(c["id"]), str(c["code"]), str(c["name"]), str(c["major_id"]),
                              str(c["department_id"]), int(str(c["cohort"]))) for c in classes])

    def find(self, kind: str, text: str) -> list[str]:
        """Ids of the ``kind`` (department, major, school_class) whose code or name is ``text``."""
        return self._lookup[kind].get(text.strip().casefold(), [])


@dataclass(frozen=True)
class ExistingStudents:
    """Student numbers and ID numbers already in the database (upper-case ID numbers)."""

    numbers: frozenset[str] = frozenset()
    id_numbers: frozenset[str] = frozenset()

    @classmethod
    def of(cls, numbers: Iterable[str] = (), id_numbers: Iterable[str] = ()) -> ExistingStudents:
        return cls(frozenset(numbers), frozenset(n.upper() for n in id_numbers))
