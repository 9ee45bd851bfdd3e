"""The temporary Prefect API a command-line run talks to when no Prefect server is set up.

Left to itself, Prefect starts this server on a flow's first API call, in the flow's
process: it imports the whole server application there (over a second of CPU and 60 MB
that the audit then carries) and gives the server process 20 s to answer. A machine busy
with another job can take longer, and the run then died before it began.

Here the server process is launched as the command begins, so it imports while this
process loads the catalog and the flows; the command waits for it only before the flow
runs, for up to STARTUP_TIMEOUT seconds, and starts it afresh once if it dies. It is the
same server Prefect would start (uvicorn serving ``prefect.server.api.server:create_app``
in Prefect's ephemeral mode, on the usual local database), stopped when the command ends;
it also gives back the host slots of commands killed before their end (``temporary_app``).

The server is forked from the command once the command has imported Prefect, while it
has no other thread yet: it then shares the interpreter and the ~1.1 s of CPU of
imports both processes need (Prefect's core, pydantic, SQLAlchemy), and imports only the
server's own modules. Where a thread runs already (a test, a relaunch), forking is
unsafe and it is started as a fresh ``python -m uvicorn`` instead.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from portal_audit.lifetime import die_with_parent

STARTUP_TIMEOUT = 180.0  # seconds the server may take to answer (Prefect's own default is 20)
ATTEMPTS = 2
STOP_TIMEOUT = 10.0
# Server services a command's own API has no use for: schedules, late runs, work pools'
# health, cancellations, pauses, automations, the event log. Starting them is 3 s of the
# server's 10 on this machine. Kept: the task-run recorder and the event persister (the run's
# states and artifacts). (Prefect's repossessor does not run in an ephemeral server at all:
# ``temporary_app`` gives back slots in its stead.)
IDLE_SERVICES = ("SCHEDULER", "LATE_RUNS", "FOREMAN", "CANCELLATION_CLEANUP", "PAUSE_EXPIRATIONS", "TRIGGERS",
                 "EVENT_LOGGER")
# Nor does it register block types as it starts: that imports every installed Prefect
# collection (prefect-dask brings dask.distributed: 0.3 s and 28 MB of the server's start)
# to hash them. The audit stores no blocks; a real server registers them as usual.
NO_BLOCK_REGISTRATION = {"PREFECT_API_BLOCKS_REGISTER_ON_START": "false",
                         "PREFECT_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false"}
# Its leases on host slots are kept on disk (PREFECT_HOME/concurrency_leases), not in its
# memory: this server dies with its command, and a later one must see which slots a live
# lease still holds to give back the rest (``temporary_app``).
LEASE_STORAGE = "prefect.server.concurrency.lease_storage.filesystem"
# Seconds between a request's tries in the server when SQLite was busy (``retrying_busy``).
BUSY_RETRIES = (0.01, 0.02, 0.05, 0.1, 0.2)


def _configured_api() -> str | None:
    """The API URL from the environment or the active Prefect profile, if any."""
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED

    if PREFECT_API_URL.value():
        return PREFECT_API_URL.value()
    return None if PREFECT_SERVER_EPHEMERAL_ENABLED.value() else "unset (ephemeral server disabled)"


def _server_env() -> dict[str, str]:
    """The settings the temporary server runs with (over the command's environment)."""
    return {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1",
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false", **NO_BLOCK_REGISTRATION,
            "PREFECT_SERVER_CONCURRENCY_LEASE_STORAGE": LEASE_STORAGE,
            **{f"PREFECT_SERVER_SERVICES_{name}_ENABLED": "false" for name in IDLE_SERVICES}}


class _Forked:
    """A forked child, with the part of ``subprocess.Popen``'s interface ``TemporaryApi`` uses."""

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"pid {self.pid}", timeout or 0)
            time.sleep(0.02)
        assert self.returncode is not None
        return self.returncode

    def terminate(self) -> None:
        self._signal(signal.SIGTERM)

    def kill(self) -> None:
        self._signal(signal.SIGKILL)

    def _signal(self, sig: int) -> None:
        if self.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, sig)


def temporary_app():
    """Prefect's API app (answering again itself what failed because SQLite was busy:
    ``retrying_busy``), as uvicorn's factory makes it (``create_app``), which also frees
    the host slots no live lease holds, as it starts and every few seconds while it serves
    (``flows.hosts.release_stranded_slots``). Prefect's own repossessor does not run in an
    ephemeral server; without this, the slots of a command killed mid-crawl stayed taken and
    the next run on its hosts waited forever. It runs before the server answers, so a
    command's flow finds them free."""
    from prefect.server.api.server import create_app

    from flows.hosts import sweep_once, sweep_stranded_slots

    app = create_app()
    prefect_lifespan = app.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(served):
        async with prefect_lifespan(served) as state:  # migrations, Prefect's services
            await sweep_once()  # before the server answers its first request
            sweeping = asyncio.create_task(sweep_stranded_slots())
            try:
                yield state
            finally:
                sweeping.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await sweeping

    app.router.lifespan_context = lifespan
    return retrying_busy(app)


def retrying_busy(app):
    """``app`` answering again itself, within milliseconds, a request that failed because
    SQLite was busy, rather than its 503 making Prefect's client wait ~2 s to send it again.

    Why: Prefect's server reads and then writes in one deferred transaction for some
    requests (a shard's host slots); on SQLite, when another request writes in between,
    the write fails (SQLITE_BUSY_SNAPSHOT) and the transaction is rolled back. The server
    answers 503 for exactly such errors, so that the client sends the request again — after
    2 s (Prefect's backoff). Two shards of a run starting together met it in most runs, one
    starting to crawl ~1.8 s after the other. Trying again here is what the client would
    do, sooner: the request is the same, and the failed try changed nothing. After
    ``BUSY_RETRIES`` the 503 goes out as before."""
    async def answered(scope, receive, send):
        if scope["type"] != "http":
            return await app(scope, receive, send)
        parts, more = [], True
        while more:  # the body, to send again (Prefect's requests are small JSON)
            message = await receive()
            if message["type"] != "http.request":
                return await app(scope, _once(message, receive), send)
            parts.append(message.get("body", b""))
            more = message.get("more_body", False)
        request = {"type": "http.request", "body": b"".join(parts), "more_body": False}
        for wait in (*BUSY_RETRIES, None):
            busy = False

            async def sending(message, wait=wait):
                nonlocal busy
                if message["type"] == "http.response.start" and message["status"] == 503 and wait is not None:
                    busy = True
                if not busy:
                    await send(message)

            try:
                await app(dict(scope), _once(request, receive), sending)  # routing rewrites the scope it is given
            except Exception:
                if not busy:  # Starlette raises the error again once its 503 is sent
                    raise
            if not busy:
                return
            await asyncio.sleep(wait)

    return answered


def _once(first: dict, receive):
    """An ASGI ``receive`` that gives ``first``, then what ``receive`` gives."""
    given = False

    async def again():
        nonlocal given
        if not given:
            given = True
            return first
        return await receive()

    return again


def _serve_forked(port: int, log: Path) -> None:
    """The forked child's whole life: uvicorn serving Prefect's API on ``port``, its output
    to ``log``; it never returns into the command's code (nor runs its exit handlers)."""
    code = 1
    try:
        die_with_parent()
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.environ.update(_server_env())
        os.environ.pop("PREFECT_API_URL", None)
        import prefect.context

        prefect.context.refresh_global_settings_context()  # the settings above, not the command's
        import prefect.server.api.server  # the app uvicorn makes: imported before collection resumes
        import uvicorn

        from portal_audit.memory import started

        started()  # forked from a command that collects no garbage while it imports (portal_audit/memory.py)
        uvicorn.run(temporary_app, factory=True, host="127.0.0.1", port=port, log_level="error", lifespan="on")
        code = 0
    except BaseException:  # whatever it was, said in the log the command shows
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TemporaryApi:
    """One Prefect API server process on 127.0.0.1, for the life of one command."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/api"
        self.process: subprocess.Popen | _Forked | None = None
        self.log = Path(os.environ.get("TMPDIR", "/tmp")) / f"portal-audit-prefect-api-{self.port}.log"

    def launch(self) -> None:
        self.stop()
        if "prefect" in sys.modules and threading.active_count() == 1 and hasattr(os, "fork"):
            pid = os.fork()
            if pid == 0:
                _serve_forked(self.port, self.log)  # never returns
            self.process = _Forked(pid)
            atexit.register(self.stop)
            return
        env = {**os.environ, **_server_env()}
        env.pop("PREFECT_API_URL", None)
        with open(self.log, "wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "--app-dir", str(Path(__file__).resolve().parent.parent),
                 "--factory", "flows.server:temporary_app", "--host", "127.0.0.1",
                 "--port", str(self.port), "--log-level", "error", "--lifespan", "on"],
                env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                preexec_fn=die_with_parent)
        atexit.register(self.stop)

    def wait(self, timeout: float = STARTUP_TIMEOUT) -> None:
        """Block until the server answers its health check; relaunch it once (on a new
        port) if it exits; RuntimeError with its output if it never answers."""
        import httpx

        deadline = time.monotonic() + timeout
        attempts = 1
        with httpx.Client(timeout=5) as client:
            while True:
                if self.process is not None and self.process.poll() is not None:
                    if attempts >= ATTEMPTS:
                        break
                    attempts += 1
                    self.port = _free_port()
                    self.url = f"http://127.0.0.1:{self.port}/api"
                    self.launch()
                try:
                    if client.get(f"{self.url}/health").status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    break
                time.sleep(0.1)
        tail = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
        self.stop()
        raise RuntimeError(f"the temporary Prefect API server did not answer within {timeout:.0f} s "
                           f"({attempts} attempt(s)); its output ends:\n{tail}")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        self.log.unlink(missing_ok=True)


@contextmanager
def prefect_api(started: TemporaryApi | None) -> Iterator[str | None]:
    """Run the body against ``started`` (waited for here), or against the configured
    server when there is one (``started`` is then None).

    Against the temporary server a flow sends no heartbeats: they exist so a server can
    mark a run whose process died Crashed, and this server dies with the process. Their
    thread sleeps in 1 s steps and the flow joins it as it ends (0.5 s a run on average)."""
    if started is None:
        yield None
        return
    import prefect.context
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    try:
        started.wait()
        with temporary_settings(updates={PREFECT_API_URL: started.url, PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}), \
                prefect.context._temporary_global_settings_context(prefect.context.get_settings_context()):
            try:
                yield started.url
            finally:  # what the run logged and emitted reaches the server before it stops
                with contextlib.suppress(RuntimeError):  # never started
                    APILogWorker.instance().drain()
                EventsWorker.drain_all()
    finally:
        started.stop()


def launch_unless_configured() -> TemporaryApi | None:
    """Launch the temporary server now (it answers seconds later) unless a Prefect
    server is configured; pass the result to ``prefect_api`` around the flow call.
    Reading Prefect's settings imports Prefect, which the server then shares (forked)."""
    if os.environ.get("PREFECT_API_URL") or _configured_api():
        return None
    api = TemporaryApi()
    api.launch()
    return api
