"""Network I/O for python-tuf: an httpx fetcher and a watching wrapper.

Only ``fetch()`` touches the network; everything it raises is a tuf
``DownloadError`` (mirrors tuf's own design), translated to ours in ``_tuf``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import httpx
from tuf.api import exceptions
from tuf.ngclient import FetcherInterface

ProgressCallback = Callable[[int, int], None]


class HttpxFetcher(FetcherInterface):
    """Fetch over HTTP(S) with httpx, the product's HTTP client.

    Args:
        timeout: Connect timeout and longest silence between bytes, seconds.
        headers: Extra request headers (e.g. ``X-Client-Version``).
        chunk_size: Bytes per chunk handed to tuf.
    """

    def __init__(
        self,
        *,
        timeout: float = 30.0,
        headers: dict[str, str] | None = None,
        chunk_size: int = 64 * 1024,
    ) -> None:
        self._client = httpx.Client(timeout=timeout, headers=headers, follow_redirects=True)
        self._chunk_size = chunk_size

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def _fetch(self, url: str) -> Iterator[bytes]:
        try:
            response = self._client.send(self._client.build_request("GET", url), stream=True)
        except httpx.TimeoutException as exc:
            raise exceptions.SlowRetrievalError(f"timed out connecting for {url}") from exc
        if response.status_code >= 400:
            response.close()
            raise exceptions.DownloadHTTPError(
                f"HTTP {response.status_code} for {url}", response.status_code
            )
        return self._chunks(response)

    def _chunks(self, response: httpx.Response) -> Iterator[bytes]:
        try:
            yield from response.iter_bytes(self._chunk_size)
        except httpx.TimeoutException as exc:
            raise exceptions.SlowRetrievalError("server stopped sending data") from exc
        except httpx.HTTPError as exc:
            # Anything else mid-stream must not look like a complete download.
            raise exceptions.DownloadError(f"connection failed: {exc}") from exc
        finally:
            response.close()


class WatchedFetcher(FetcherInterface):
    """Wrap a fetcher to report progress, honour cancel, bound time, and remember the file.

    tuf bounds how many bytes it accepts; this bounds how long it waits, so a
    server trickling bytes (or empty chunks) forever cannot hold the client.

    Attributes:
        last_url: URL of the most recent fetch (names the file in error messages).
    """

    def __init__(
        self,
        inner: FetcherInterface,
        *,
        cancel: threading.Event | None = None,
        max_seconds: float = 600.0,
    ) -> None:
        self._inner = inner
        self._cancel = cancel or threading.Event()
        self._max_seconds = max_seconds
        self._progress: ProgressCallback | None = None
        self._total = 0
        self.last_url = ""

    def report_to(self, on_progress: ProgressCallback | None, total: int) -> None:
        """Send progress of the next fetches to ``on_progress`` out of ``total`` bytes."""
        self._progress, self._total = on_progress, total

    def _fetch(self, url: str) -> Iterator[bytes]:
        self.last_url = url
        self._check_cancel()
        return self._watch(self._inner.fetch(url))

    def _watch(self, chunks: Iterator[bytes]) -> Iterator[bytes]:
        deadline = time.monotonic() + self._max_seconds
        done = 0
        for chunk in chunks:
            self._check_cancel()
            if time.monotonic() > deadline:
                raise exceptions.SlowRetrievalError(
                    f"download took longer than {self._max_seconds:.0f} s"
                )
            done += len(chunk)
            if self._progress is not None and chunk:
                self._progress(done, max(self._total, done))
            yield chunk

    def _check_cancel(self) -> None:
        if self._cancel.is_set():
            raise CancelledDownload


class CancelledDownload(exceptions.DownloadError):
    """The cancel event was set during a fetch (translated to UpdateCancelledError)."""
