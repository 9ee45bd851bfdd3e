"""Child processes that end with the process that started them: the temporary API server,
a shard's crawl, the demo portal's server, the OCR reader."""

from __future__ import annotations

import signal


def die_with_parent() -> None:
    """In a child process (Linux; a ``preexec_fn``, an initializer or a child's first call):
    SIGTERM it when the process that started it dies, even by kill -9, instead of leaving an
    orphan behind."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux/glibc: atexit still stops it on a normal exit
        pass
