"""The process's memory as the C library holds it (glibc on Linux; elsewhere these do nothing).

A run's resident memory is Python's heap and glibc's: freed C memory is not handed back to
the system unless asked (``give_back``), and glibc gives a busy process one heap ("arena")
per thread that allocates at the same moment, up to 8 per core, each keeping its own free
space (``cap_arenas``).
"""

from __future__ import annotations

import ctypes
from functools import cache

M_ARENA_MAX = -8  # mallopt's parameter number (malloc.h)


@cache
def _libc() -> ctypes.CDLL | None:
    """glibc, or None where the C library is another (musl, macOS, Windows)."""
    try:  # by name: find_library would run ldconfig in a subprocess as every command starts
        libc = ctypes.CDLL("libc.so.6")
        libc.gnu_get_libc_version  # noqa: B018 - only glibc has it (and malloc_trim, mallopt's arenas)
    except (OSError, AttributeError):
        return None
    return libc


def cap_arenas(arenas: int = 2) -> bool:
    """Let glibc keep at most ``arenas`` heaps. Measured on ``make bench-memory`` (2 cores):
    a run's 20 threads otherwise grow 16 heaps whose free space no thread reuses, and each
    load burst (two shards validating and loading at once) grew them by 10-15 MB again.
    The limit is read when the 9th heap would be made, so only a call before the process
    starts its threads counts (the command line's first line); the GIL serialises the
    threads anyway, so fewer heaps cost no time. True if the limit was set."""
    libc = _libc()
    return bool(libc is not None and libc.mallopt(M_ARENA_MAX, arenas))


def give_back() -> None:
    """Hand the system the free pages of every glibc heap (``malloc_trim``): without it the
    heap a finished shard freed stays resident, fragmented, and creeps up shard by shard."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


def resident_mb() -> int | None:
    """This process's resident memory now, in MB (Linux), None where it cannot be read."""
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmRSS:"))
    except (OSError, StopIteration, ValueError):
        return None
