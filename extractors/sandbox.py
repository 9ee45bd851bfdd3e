"""Chromium keeps its sandbox, even when the audit runs as root (containers, CI runners).

Chromium refuses to sandbox its renderers as root, and ``--no-sandbox`` would hand a page
that breaks the renderer everything root has. So as root Chromium is started through a
small launcher that gives it the profile Playwright made for it and drops to an
unprivileged user (``nobody``) with ``setpriv`` before it runs: the renderers are then
sandboxed as usual (user namespaces), and even where a machine has no sandbox to offer,
what runs without one is ``nobody``, not root.
"""

from __future__ import annotations

import os
import shlex
import shutil
import tempfile
from multiprocessing.util import Finalize

UNPRIVILEGED = 65534  # nobody / nogroup on Debian and most distributions

_LAUNCHER = """#!/bin/sh
# portal-audit: run Chromium as an unprivileged user so that its sandbox stays on
for arg; do
  case "$arg" in
    --user-data-dir=*) profile="${{arg#--user-data-dir=}}"; chown -R {uid}:{gid} "$profile";;
  esac
done
export HOME="${{profile:-/tmp}}" XDG_CONFIG_HOME="${{profile:-/tmp}}" XDG_CACHE_HOME="${{profile:-/tmp}}"
exec {setpriv} --reuid={uid} --regid={gid} --clear-groups --inh-caps=-all --bounding-set=-all {chromium} "$@"
"""

_made: dict[str, str] = {}


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def unprivileged_launcher(executable: str) -> str | None:
    """A launcher that runs ``executable`` as ``nobody`` (made once per process, in a
    private directory), or None when this process is not root or ``setpriv`` is missing."""
    if not running_as_root():
        return None
    if executable in _made:
        return _made[executable]
    setpriv = shutil.which("setpriv")
    if not setpriv:
        return None
    folder = tempfile.mkdtemp(prefix="portal-audit-chromium-")  # 0700, root's own: no one swaps the script
    # removed as the process ends: a command at exit, and a crawl process too, which leaves by
    # os._exit past atexit (multiprocessing runs its finalisers first): each left one a night
    Finalize(None, shutil.rmtree, args=(folder, True), exitpriority=0)
    path = os.path.join(folder, "chromium")
    with open(path, "w", encoding="utf-8") as f:
        f.write(_LAUNCHER.format(uid=UNPRIVILEGED, gid=UNPRIVILEGED, setpriv=shlex.quote(setpriv),
                                 chromium=shlex.quote(executable)))
    os.chmod(path, 0o700)
    _made[executable] = path
    return path
