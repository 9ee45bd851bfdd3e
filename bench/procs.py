"""What the benches read of other processes (Linux /proc), and a sampler that reads it in
a thread of its own while a measured command runs."""

from __future__ import annotations

import os
import threading

TICK = os.sysconf("SC_CLK_TCK")


def processes() -> dict[int, tuple[str, int, float]]:
    """Every process: its name, its parent, and its CPU seconds with its reaped children's."""
    procs = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:  # ended meanwhile
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        procs[int(entry)] = (stat[stat.index("(") + 1:stat.rindex(")")], int(fields[1]),
                             sum(int(x) for x in fields[11:15]) / TICK)
    return procs


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``."""
    return [child for child, (_, parent, _) in processes().items() if parent == pid]


class Sampler:
    """``sample()`` every ``every`` seconds in a daemon thread while the ``with`` body runs."""

    every = 1.0

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=type(self).__name__, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.sample()

    def sample(self) -> None:
        raise NotImplementedError
