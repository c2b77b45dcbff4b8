"""One job at a time per output folder, through an OS lock on `<output>/.digest.lock`.

The kernel drops an flock when its holder exits or is killed, so a lock file
left behind by a crashed or killed run never blocks the next one. The file's
text (pid and start time) is only there to make the busy message useful; the
file itself stays, because removing it would let two processes lock two
different files of the same name.
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


@contextmanager
def job_lock(output: Path) -> Iterator[Path]:
    """Hold the output folder's lock for the block; raise LockError at once if it is taken."""
    try:
        output.mkdir(parents=True, exist_ok=True)
        fd = os.open(output / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise DigestError(f"cannot create the lock file: {exc.strerror or exc}", output / LOCK_NAME) from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            raise LockError(f"another digest job is using this output folder ({holder}); "
                            "wait for it to finish, or stop that process", output / LOCK_NAME) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, started {datetime.now().isoformat(timespec='seconds')}\n".encode(), 0)
        yield output / LOCK_NAME
    finally:
        os.close(fd)
