"""The process's memory as the C library holds it (glibc on Linux; elsewhere these do nothing).

A run's resident memory is Python's heap and glibc's: freed C memory is not handed back to
the system unless asked (``give_back``), and glibc gives a busy process one heap ("arena")
per thread that allocates at the same moment, up to 8 per core, each keeping its own free
space (``cap_arenas``).
"""

from __future__ import annotations

import ctypes
import gc
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


_quiet = False  # quiet_start was called here (or in the process this one was forked from)


def quiet_start() -> None:
    """Collect no cyclic garbage while the process imports (``started`` resumes it). A run's
    imports make ~300,000 objects that live as long as the process, and the collector walked
    them again at each full collection as they grew: ~0.5 s of a command's ~3 s of imports."""
    global _quiet
    gc.disable()
    _quiet = True


def started() -> None:
    """The process has what it imports: those objects leave the collector's sight for good
    (``gc.freeze``: never walked again, nor their pages touched in a process forked from
    this one), and collection resumes. The pattern the gc module's documentation gives for
    a process that forks; the few cycles the imports left (~13,000 objects, ~10 MB) are kept.
    Only after ``quiet_start``: a process that never stopped collecting (tests calling the
    command line's ``main``) keeps its garbage collectable."""
    global _quiet
    if _quiet:
        _quiet = False
        gc.freeze()
        gc.enable()
