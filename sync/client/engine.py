"""The sync engine: push the outbox, pull pages, apply, check (DESIGN §5).

One small function per phase, as Anki's sync does. Each pushed batch and each pulled page
is committed locally on its own, so a cancel or a crash keeps everything done so far.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sync.client.errors import SyncCancelledError, SyncError, SyncErrorKind
from sync.client.store import ReplicaStore
from sync.client.transport import Transport
from sync.protocol import DEFAULT_PULL_LIMIT, PullResponse, PushRequest

Progress = Callable[[int, int], None]


@dataclass
class SyncReport:
    pushed: int = 0
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    removed: int = 0
    held: int = 0
    swept: int = 0
    pages: int = 0
    resyncs: list[str] = field(default_factory=list)
    check_mismatches: list[str] = field(default_factory=list)
    finished_at: datetime | None = None


class SyncEngine:
    def __init__(self, store: ReplicaStore, transport: Transport, *, page_limit: int = DEFAULT_PULL_LIMIT,
                 push_batch: int = 500, check: bool = True) -> None:
        self.store = store
        self.transport = transport
        self.page_limit = page_limit
        self.push_batch = push_batch
        self.check_after_pull = check
        self._lock = threading.Lock()  # one sync at a time per replica

    def sync(self, *, on_progress: Progress | None = None, cancel: threading.Event | None = None) -> SyncReport:
        """Push, then pull, then check. Raises :class:`SyncError` or :class:`SyncCancelledError`."""
        report = SyncReport()
        with self._lock:
            self.push(report, on_progress, cancel)
            self.pull(report, on_progress, cancel)
            if self.check_after_pull and self.store.pending_count() == 0 and self.check(report):
                self.store.set_state("cursor", self._cursor_epoch() + ":F0")
                self.pull(report, on_progress, cancel)  # a repair pass: re-send all, sweep the rest
            report.finished_at = datetime.now(UTC)
            self.store.set_state("last_sync_at", report.finished_at.isoformat())
        return report

    # -- phases --------------------------------------------------------------------------
    def push(self, report: SyncReport, on_progress: Progress | None, cancel: threading.Event | None) -> None:
        total = self.store.pending_count()
        while True:
            _stop_if(cancel)
            batch = self.store.pending_ops(self.push_batch)
            if not batch:
                return
            client_id = batch[0][0]
            ops = [op for cid, op in batch if cid == client_id]  # imported ops keep their own client id
            response = self.transport.push(PushRequest(client_id=client_id, ops=ops))
            self.store.record_results(ops, response.results)
            for result in response.results:
                report.pushed += 1
                report.applied += result.status == "applied"
                report.conflicts += result.status == "conflict"
                report.rejected += result.status == "rejected"
            if on_progress:
                on_progress(report.pushed, max(total, report.pushed))

    def pull(self, report: SyncReport, on_progress: Progress | None, cancel: threading.Event | None) -> None:
        """Pull pages until none is left, each applied and its cursor saved in one transaction.

        With a transport that allows it (``prefetch``: HTTP), the next page is requested as soon
        as a page has arrived, with that page's cursor, so the server reads and sends it while
        this one is applied (the two overlap on two cores: an initial sync takes the longer of
        the two instead of their sum). A prefetched page is only applied after its predecessor
        was committed; if that fails or the sync is cancelled, it is dropped unread.
        """
        prefetch = ThreadPoolExecutor(1, "sync-prefetch") if getattr(self.transport, "prefetch", False) else None
        ahead: Future[PullResponse] | None = None
        try:
            while True:
                _stop_if(cancel)
                if ahead is not None:
                    page, ahead = ahead.result(), None
                else:
                    page = self.transport.pull(self.store.get_state("cursor"), self.page_limit,
                                               self.store.get_state("scope_key"))
                if page.resync_required:
                    if len(report.resyncs) >= 2:
                        raise SyncError(SyncErrorKind.REJECTED, f"server keeps asking for a resync ({page.reason})")
                    report.resyncs.append(page.reason)
                    # Unsent work stays in the outbox and its rows stay gated: nothing is discarded.
                    self.store.set_state("cursor", None)
                    self.store.set_state("full_pass", None)
                    continue
                if prefetch is not None and page.has_more:
                    # the cursor and scope key the store will hold once this page is applied
                    ahead = prefetch.submit(self.transport.pull, page.next_cursor, self.page_limit, page.scope_key)
                counts = self.store.apply_page(page)
                report.pages += 1
                report.pulled += counts["upserted"]
                report.removed += counts["removed"]
                report.held += counts["held"]
                report.swept += counts["swept"]
                if on_progress:
                    on_progress(report.pages, report.pages + (1 if page.has_more else 0))
                if not page.has_more:
                    return
        finally:
            if prefetch is not None:
                prefetch.shutdown(wait=True)  # an unread page in flight is waited for and dropped

    def check(self, report: SyncReport) -> bool:
        """Compare per-table counts and digests with the server; True when a repair is needed."""
        from sync.client.checks import local_checks

        answer = self.transport.check(None)
        if answer.cursor != self.store.get_state("cursor"):
            return False  # the server moved on since our last page: compare next time
        mine = local_checks(self.store)
        report.check_mismatches = sorted(
            name for name, theirs in answer.tables.items()
            if (mine.get(name) or (0, "")) != (theirs.count, theirs.digest)
        )
        return bool(report.check_mismatches)

    def _cursor_epoch(self) -> str:
        cursor = self.store.get_state("cursor") or ""
        return cursor.rpartition(":")[0]


def _stop_if(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise SyncCancelledError()
