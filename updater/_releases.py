"""What a release is, as both the publishing and the client side read it.

A release is one TUF target, ``jiaowu-client-<version>.tar.gz``, whose signed
``custom`` field carries ``{"jiaowu": {...}}``:

* ``version``: the client version in the archive (dotted integers, ``1.4.0``);
* ``notes``: release notes shown to users;
* ``minimum_version``: the lowest client version the server accepts once this
  release is the latest (``null`` for no minimum);
* ``required``: a stepping stone that no client may skip on its way to a later
  release (e.g. it migrates the local schema in a way later releases assume);
* ``published``: ISO 8601 UTC time of publication.

Because these fields live inside signed targets metadata, nobody without the
targets key can change the minimum version or the notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from updater.errors import UpdateMetadataError

TARGET_PREFIX = "jiaowu-client-"
TARGET_SUFFIX = ".tar.gz"
CUSTOM_KEY = "jiaowu"
_VERSION_RE = re.compile(r"^\d+(\.\d+){0,3}$")

Version = tuple[int, ...]


def parse_version(text: str) -> Version:
    """Parse a dotted-integer version; trailing zeros do not matter.

    Raises:
        ValueError: ``text`` is not 1 to 4 dot-separated integers.
    """
    if not _VERSION_RE.match(text):
        raise ValueError(f"not a release version (want e.g. 1.4.0): {text!r}")
    parts = [int(p) for p in text.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def is_older(version: str, than: str) -> bool:
    """Return True if ``version`` sorts strictly before ``than``."""
    return parse_version(version) < parse_version(than)


def target_name(version: str) -> str:
    """Return the target path of the release archive for ``version``."""
    parse_version(version)
    return f"{TARGET_PREFIX}{version}{TARGET_SUFFIX}"


@dataclass(frozen=True)
class Release:
    """One published release, as read from verified targets metadata."""

    version: str
    target: str
    length: int
    notes: str = ""
    minimum_version: str | None = None
    required: bool = False
    published: str = ""

    @property
    def key(self) -> Version:
        """Sort key."""
        return parse_version(self.version)

    def custom(self) -> dict[str, object]:
        """Return the ``custom`` field value to sign into targets metadata."""
        return {
            CUSTOM_KEY: {
                "version": self.version,
                "notes": self.notes,
                "minimum_version": self.minimum_version,
                "required": self.required,
                "published": self.published,
            }
        }


def release_from_target(path: str, length: int, custom: object) -> Release | None:
    """Build a :class:`Release` from one target entry, or None if it is not a release.

    Raises:
        UpdateMetadataError: The entry claims to be a release but its fields are malformed.
    """
    if not (isinstance(custom, Mapping) and CUSTOM_KEY in custom):
        return None
    fields = custom[CUSTOM_KEY]
    try:
        release = Release(
            version=str(fields["version"]),
            target=path,
            length=int(length),
            notes=str(fields.get("notes") or ""),
            minimum_version=fields.get("minimum_version") or None,
            required=bool(fields.get("required", False)),
            published=str(fields.get("published") or ""),
        )
        parse_version(release.version)
        if release.minimum_version is not None:
            parse_version(release.minimum_version)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise UpdateMetadataError(f"malformed release fields: {exc}", file=path) from exc
    if path != target_name(release.version):
        raise UpdateMetadataError(
            f"target name does not match its version {release.version}", file=path
        )
    return release


def sorted_releases(releases: Iterable[Release]) -> list[Release]:
    """Return releases oldest first."""
    return sorted(releases, key=lambda r: r.key)


def minimum_of(releases: Iterable[Release]) -> str | None:
    """Return the minimum client version in force: the latest release's setting."""
    ordered = sorted_releases(releases)
    return ordered[-1].minimum_version if ordered else None
