"""Workers: Qt-free service calls on pool threads, results back on the GUI thread as signals.

:class:`Worker` is STYLE snippet C. :class:`TaskRunner` keeps a reference to each running
worker, routes its signals to the callbacks given at start (on the GUI thread, through its
own slots), makes the newest request of a ``key`` win, and reports whether anything is busy
so a window can show a progress bar with a Cancel button.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class WorkerSignals(QObject):
    sig_finished = Signal(object)  # the result
    sig_failed = Signal(object)  # the exception
    sig_progress = Signal(int, int)  # done, total


class Worker(QRunnable):
    """Run ``fn(*args, on_progress=..., cancel=..., **kwargs)`` on a pool thread."""

    def __init__(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner owns it until its signals have been delivered
        self.signals = WorkerSignals()  # created on the GUI thread
        self.cancel = threading.Event()
        self._fn, self._args, self._kwargs = fn, args, kwargs

    def run(self) -> None:
        try:
            result = self._fn(*self._args, on_progress=self.signals.sig_progress.emit, cancel=self.cancel,
                              **self._kwargs)
        except Exception as exc:  # boundary: every failure crosses as a signal
            self.signals.sig_failed.emit(exc)
        else:
            self.signals.sig_finished.emit(result)
        finally:
            self.done = True

    done = False  # set on the pool thread when run() has returned its result


# Every started worker stays referenced here until its run() is over, whatever happens to the
# runner that started it (a window closed while its worker still runs): a QRunnable must not be
# freed under the pool thread, nor its signals object before the last emit.
_started: list[Worker] = []
_finished: deque[Worker] = deque(maxlen=256)


def _keep_until_done(worker: Worker) -> None:
    for old in [w for w in _started if w.done]:
        _started.remove(old)
        _finished.append(old)  # a little longer: run() may still be unwinding on its thread
    _started.append(worker)


@dataclass
class _Job:
    worker: Worker
    key: str | None
    on_finished: Callable[[Any], None] | None
    on_failed: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int], None] | None
    stale: bool = False


_network_pool: QThreadPool | None = None
NETWORK_THREADS = 8


def network_pool() -> QThreadPool:
    """The pool of server calls: they mostly wait on the network, so more threads than cores.

    A private pool also keeps a stuck request (up to its timeout) from starving other work
    on ``QThreadPool.globalInstance()``.
    """
    global _network_pool
    if _network_pool is None:
        _network_pool = QThreadPool()
        _network_pool.setMaxThreadCount(NETWORK_THREADS)
    return _network_pool


_local_pool: QThreadPool | None = None


def local_pool() -> QThreadPool:
    """The pool of local-store work: one thread, so local writes never race (as in Anki)."""
    global _local_pool
    if _local_pool is None:
        _local_pool = QThreadPool()
        _local_pool.setMaxThreadCount(1)
    return _local_pool


class TaskRunner(QObject):
    """Starts workers for one window and delivers their results to callbacks."""

    sig_busy_changed = Signal(bool)
    sig_progress = Signal(int, int)
    sig_failed = Signal(object)  # failures without their own handler (the window shows them)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or network_pool()
        self._jobs: dict[WorkerSignals, _Job] = {}
        # A worker's run() is still returning on its pool thread when its last signal arrives
        # here; keeping the object a while longer means it is never freed under the pool's feet.
        self._retired: deque[Worker] = deque(maxlen=64)

    @property
    def busy(self) -> bool:
        return any(not job.stale for job in self._jobs.values())

    def start(self, fn: Callable[..., Any], /, *args: Any, key: str | None = None,
              on_finished: Callable[[Any], None] | None = None,
              on_failed: Callable[[BaseException], None] | None = None,
              on_progress: Callable[[int, int], None] | None = None, **kwargs: Any) -> Worker:
        """Run ``fn`` on the pool; a running job with the same ``key`` is cancelled (newest wins)."""
        if key is not None:
            for job in self._jobs.values():
                if job.key == key and not job.stale:
                    job.stale = True
                    job.worker.cancel.set()
        worker = Worker(fn, *args, **kwargs)
        was_busy = self.busy
        self._jobs[worker.signals] = _Job(worker, key, on_finished, on_failed, on_progress)
        worker.signals.sig_finished.connect(self._on_worker_finished)
        worker.signals.sig_failed.connect(self._on_worker_failed)
        worker.signals.sig_progress.connect(self._on_worker_progress)
        _keep_until_done(worker)
        self._pool.start(worker)
        if not was_busy:
            self.sig_busy_changed.emit(True)
        return worker

    def cancel(self, key: str) -> None:
        """Cancel the running jobs of ``key``; their results are dropped."""
        for job in self._jobs.values():
            if job.key == key:
                job.stale = True
                job.worker.cancel.set()
        if not self.busy:
            self.sig_busy_changed.emit(False)

    def cancel_all(self) -> None:
        """Cancel every running job; their results are dropped when they arrive."""
        for job in self._jobs.values():
            job.stale = True
            job.worker.cancel.set()
        self.sig_busy_changed.emit(False)

    def _take(self) -> _Job | None:
        sender = self.sender()
        job = self._jobs.pop(sender, None) if isinstance(sender, WorkerSignals) else None
        if job is not None:
            self._retired.append(job.worker)
        if job is not None and not job.stale and not self.busy:
            self.sig_busy_changed.emit(False)
        return job

    @Slot(object)
    def _on_worker_finished(self, result: object) -> None:
        job = self._take()
        if job is not None and not job.stale and job.on_finished is not None:
            job.on_finished(result)

    @Slot(object)
    def _on_worker_failed(self, exc: object) -> None:
        job = self._take()
        if job is None or job.stale:
            return
        assert isinstance(exc, BaseException)
        if job.on_failed is not None:
            job.on_failed(exc)
        else:
            self.sig_failed.emit(exc)

    @Slot(int, int)
    def _on_worker_progress(self, done: int, total: int) -> None:
        job = self._jobs.get(self.sender())  # type: ignore[call-overload]
        if job is None or job.stale:
            return
        if job.on_progress is not None:
            job.on_progress(done, total)
        self.sig_progress.emit(done, total)
