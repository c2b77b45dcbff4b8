"""One job at a time per output folder, through an OS lock on `<output>/.digest.lock`.

The kernel drops an flock when its holder exits or is killed, so a lock file
left behind by a crashed or killed run never blocks the next one. An flock
belongs to the open file, which a forked child (an extraction worker) shares:
so every child closes its copy right after the fork, and a killed run's
workers, still busy for a moment, cannot keep the lock. The file's text (pid
and start time) is only there to make the busy message useful; the file itself
stays, because removing it would let two processes lock two different files of
the same name.
"""
from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from .errors import DigestError, LockError

LOCK_NAME = ".digest.lock"


class _Held:
    """The lock's descriptor while held, for the fork hook; None once released."""

    def __init__(self, fd: int):
        self.fd: int | None = fd

    def close_in_child(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


@contextmanager
def job_lock(output: Path) -> Iterator[Path]:
    """Hold the output folder's lock for the block; raise LockError at once if it is taken.

    Any OS error (a full disk, a read-only folder) is one DigestError line, never a traceback.
    """
    try:
        output.mkdir(parents=True, exist_ok=True)
        fd = os.open(output / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise DigestError(f"cannot create the lock file: {exc.strerror or exc}", output / LOCK_NAME) from exc
    held = _Held(fd)
    os.register_at_fork(after_in_child=held.close_in_child)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            raise LockError(f"another digest job is using this output folder ({holder}); "
                            "wait for it to finish, or stop that process", output / LOCK_NAME) from None
        try:
            text = f"pid {os.getpid()}, started {datetime.now().isoformat(timespec='seconds')}\n".encode()
            os.pwrite(fd, text, 0)
            os.ftruncate(fd, len(text))  # the rest of a longer previous holder's line
        except OSError as exc:
            raise DigestError(f"cannot write the lock file: {exc.strerror or exc}", output / LOCK_NAME) from exc
        yield output / LOCK_NAME
    finally:
        held.fd = None
        os.close(fd)
