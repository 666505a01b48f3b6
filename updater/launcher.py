"""The launcher: start the version ``current`` names, and undo an update that fails.

Protocol (see docs/updates.md):

* The launcher starts ``python -m <entry>`` from ``versions/<current>/app`` with
  ``JIAOWU_UPDATE_CONFIRM_FILE`` and ``JIAOWU_INSTALLED_VERSION`` in the environment.
* After its start-up self-check passes, the application calls
  :func:`confirm_started`, which writes that file.
* While ``trial.json`` names the current version, the launcher waits for the
  confirmation. If the process exits first, or the timeout passes (the process is
  then killed), ``current`` is switched back to the previous version, which is
  started instead. Once confirmed, the trial marker is removed for good.

Standard library only: it must run even when the newest version is broken.
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

from updater._layout import (
    InstallLayout,
    atomic_write_text,
    clear_trial,
    mark_failed,
    read_pointer,
    read_trial,
    write_pointer,
)
from updater._manifest import read_manifest
from updater.errors import LaunchError

CONFIRM_ENV = "JIAOWU_UPDATE_CONFIRM_FILE"
VERSION_ENV = "JIAOWU_INSTALLED_VERSION"
INSTALL_ENV = "JIAOWU_INSTALL_DIR"  # the installation the running version belongs to
# The application exits with this code to be started again (after installing an update):
# the launcher then starts whatever ``current`` names now, as a trial if it is new.
RESTART_CODE = 75
MAX_RESTARTS = 5
DEFAULT_TIMEOUT = 60.0
_POLL = 0.05

logger = logging.getLogger(__name__)


def confirm_started() -> bool:
    """Tell the launcher this version's start-up self-check passed.

    Call it once the application is usable (store opened and migrated, main window
    built). Does nothing when not started by the launcher.

    Returns:
        True if a confirmation was written.
    """
    target = os.environ.get(CONFIRM_ENV)
    if not target:
        return False
    atomic_write_text(Path(target), f"{os.environ.get(VERSION_ENV, '')} {os.getpid()}\n")
    return True


def launch(
    install_dir: Path,
    args: Sequence[str] = (),
    *,
    timeout: float = DEFAULT_TIMEOUT,
    python: str = sys.executable,
) -> int:
    """Start the current version (rolling back a failed trial) and return its exit code.

    Args:
        install_dir: The installation folder.
        args: Arguments passed to the application.
        timeout: Seconds a version on trial has to confirm its self-check.
        python: Interpreter to run the application with.

    Raises:
        LaunchError: No startable version (nothing installed, or a failed trial with
            nothing to go back to).
    """
    layout = InstallLayout(Path(install_dir))
    current = read_pointer(layout.current_file)
    if current is None:
        raise LaunchError("nothing installed", file=str(layout.current_file))
    trial = read_trial(layout)
    if trial is not None and trial.version != current:
        clear_trial(layout)  # killed before the switch: the trial never began
        trial = None
    if trial is None and not _startable(layout, current):
        # Damaged outside the updater's control: the previous version is still there.
        return _fall_back(layout, current, read_pointer(layout.previous_file), args, python)
    if trial is None:
        return _run(layout, current, args, python).wait()
    process, confirmed = _run_trial(layout, current, args, python, timeout)
    if not confirmed:
        return _fall_back(layout, current, trial.previous, args, python)
    clear_trial(layout)
    logger.info("version %s confirmed its self-check", current)
    code = process.wait()
    for leftover in layout.state.glob("confirm-*"):
        leftover.unlink(missing_ok=True)
    return code


def launch_until_done(install_dir: Path, args: Sequence[str] = (), *, timeout: float = DEFAULT_TIMEOUT,
                      python: str = sys.executable) -> int:
    """:func:`launch`, again each time the application asks for a restart (``RESTART_CODE``,
    after it installed an update), at most ``MAX_RESTARTS`` times in a row."""
    for _ in range(MAX_RESTARTS):
        code = launch(install_dir, args, timeout=timeout, python=python)
        if code != RESTART_CODE:
            return code
        logger.info("the application asked for a restart")
    return RESTART_CODE


def _run_trial(
    layout: InstallLayout, version: str, args: Sequence[str], python: str, timeout: float
) -> tuple[subprocess.Popen[bytes], bool]:
    confirm = layout.state / f"confirm-{version}-{uuid.uuid4().hex}"
    process = _run(layout, version, args, python, confirm)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if confirm.exists():
            return process, True
        if process.poll() is not None:
            # The process may confirm and exit between two polls: trust the file
            # only if it also exited cleanly.
            return process, confirm.exists() and process.returncode == 0
        time.sleep(_POLL)
    logger.error("version %s did not confirm within %.0f s; stopping it", version, timeout)
    process.kill()
    process.wait()
    return process, False


def _fall_back(
    layout: InstallLayout, failed: str, previous: str | None, args: Sequence[str], python: str
) -> int:
    # Remember the failure first: a kill right after must not lose it.
    mark_failed(layout, failed)
    if previous is None or not _startable(layout, previous):
        raise LaunchError(f"version {failed} failed to start and there is no previous version")
    logger.error("version %s failed to start; switching back to %s", failed, previous)
    write_pointer(layout.current_file, previous)
    clear_trial(layout)
    return _run(layout, previous, args, python).wait()


def _startable(layout: InstallLayout, version: str) -> bool:
    try:
        return read_manifest(layout.version_dir(version)).get("version") == version
    except ValueError:
        return False


def _run(
    layout: InstallLayout,
    version: str,
    args: Sequence[str],
    python: str,
    confirm: Path | None = None,
) -> subprocess.Popen[bytes]:
    folder = layout.version_dir(version)
    try:
        entry = str(read_manifest(folder).get("entry") or "cli")
    except ValueError as exc:
        raise LaunchError(str(exc), file=str(folder / "manifest.json")) from exc
    app = folder / "app"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(app), env.get("PYTHONPATH", "")) if p)
    env[VERSION_ENV] = version
    env[INSTALL_ENV] = str(layout.root)
    layout.state.mkdir(parents=True, exist_ok=True)
    if confirm is None:
        confirm = layout.state / f"confirm-{version}-{uuid.uuid4().hex}"
    env[CONFIRM_ENV] = str(confirm)
    # -P: never put the working directory on sys.path, so a stray "core" or "cli"
    # folder where the user happens to be cannot shadow the installed version.
    return subprocess.Popen([python, "-P", "-m", entry, *args], env=env)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m updater.launcher --install-dir D [--timeout S] [-- app args…]``."""
    parser = argparse.ArgumentParser(prog="jiaowu-launcher", description=__doc__.splitlines()[0])
    parser.add_argument("--install-dir", type=Path, required=True)
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    parser.add_argument("app_args", nargs=argparse.REMAINDER)
    ns = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    app_args = list(ns.app_args)
    if app_args[:1] == ["--"]:
        app_args = app_args[1:]
    try:
        return launch_until_done(ns.install_dir, app_args, timeout=ns.timeout)
    except LaunchError as exc:
        print(f"jiaowu launcher: {exc}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
