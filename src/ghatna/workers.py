"""Worker processes under supervision: results in input order, and no item can stall the rest.

`supervised_map(func, items, workers, hard_limit, on_failure)` runs `func` on each item in a
small set of worker processes, one item at a time per worker.  The parent keeps a deadline per
running item: a worker that passes it (stuck in C code, say) is killed and replaced, and so is
one that dies (out of memory, a crash in an extension); either way that item's result is
`on_failure(item, reason)` and every other item still gets its own result.  `multiprocessing.Pool`
cannot do this: killing a pool worker loses its task and leaves `imap` waiting forever.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Items handed out ahead of the oldest unfinished one, per worker: bounds the results held back
# to keep input order while one slow item runs.
_AHEAD_PER_WORKER = 8


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _serve(func: Callable[[Any], Any], conn: Connection) -> None:
    """A worker's loop: receive (index, item), send back (index, ('ok', result) or ('raised', reason))."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, item = task
        try:
            reply: tuple[str, Any] = ("ok", func(item))
        except BaseException as exc:  # noqa: BLE001 - reported to the parent as this item's failure
            reply = ("raised", f"{type(exc).__name__}: {exc}")
        try:
            conn.send((index, reply))
        except (TypeError, ValueError, AttributeError, RecursionError) as exc:  # unpicklable result
            conn.send((index, ("raised", f"result could not be sent back: {type(exc).__name__}: {exc}")))


class _Worker:
    def __init__(self, ctx: Any, func: Callable[[Any], Any]) -> None:
        self.conn, child_conn = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(func, child_conn), daemon=True)
        self.process.start()
        child_conn.close()  # the parent keeps only its own end, so a dead worker reads as EOF
        self.task: tuple[int, Any] | None = None
        self.started = 0.0
        self.limit: float | None = None

    def give(self, index: int, item: Any, limit: float | None) -> None:
        self.conn.send((index, item))
        self.task = (index, item)
        self.started = time.monotonic()
        self.limit = limit

    @property
    def overdue_by(self) -> float:
        """Seconds past this worker's deadline (negative: time left); -inf when it has none."""
        if self.task is None or self.limit is None:
            return float("-inf")
        return time.monotonic() - self.started - self.limit

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.conn.close()


def _death_reason(process: Any) -> str:
    process.join(timeout=5)
    code = process.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = " (out of memory?)" if -code == signal.SIGKILL else ""
        return f"worker process died: killed by {name}{hint}"
    return f"worker process died (exit code {code})"


def supervised_map(func: Callable[[T], R], items: Iterable[T], workers: int,
                   hard_limit: Callable[[T], float | None],
                   on_failure: Callable[[T, str], R]) -> Iterator[R]:
    """`func(item)` for every item, in input order, computed in `workers` processes.

    `hard_limit(item)` gives the seconds after which the item's worker is killed (None: never);
    `on_failure(item, reason)` gives the result of an item whose worker was killed, died or raised.
    `func` must be picklable where processes are spawned rather than forked.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    ctx = _context()
    source = enumerate(items)
    pool: list[_Worker] = []
    results: dict[int, R] = {}
    next_out = 0
    next_in = 0
    exhausted = False
    try:
        pool = [_Worker(ctx, func) for _ in range(workers)]
        while True:
            # hand out items to idle workers, never too far ahead of the oldest unfinished one
            for worker in pool:
                if exhausted or worker.task is not None or next_in - next_out >= workers * _AHEAD_PER_WORKER:
                    continue
                try:
                    index, item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                next_in = index + 1
                _give(pool, worker, ctx, func, index, item, hard_limit(item))
            busy = [w for w in pool if w.task is not None]
            if not busy:
                if exhausted:
                    break
                continue
            overdue = max(w.overdue_by for w in busy)
            timeout = None if overdue == float("-inf") else max(0.0, -overdue)
            ready = wait([w.conn for w in busy], timeout=timeout)
            for position, worker in enumerate(pool):
                if worker.task is None:
                    continue
                index, item = worker.task
                if worker.conn in ready:
                    try:
                        got_index, (kind, value) = worker.conn.recv()
                    except (EOFError, OSError):
                        results[index] = on_failure(item, _death_reason(worker.process))
                        pool[position] = _replace(worker, ctx, func)
                        continue
                    assert got_index == index
                    results[index] = value if kind == "ok" else on_failure(item, value)
                    worker.task = None
                elif worker.overdue_by >= 0:
                    assert worker.limit is not None
                    results[index] = on_failure(
                        item, f"over the hard time limit of {worker.limit:.0f} s: worker process stopped")
                    pool[position] = _replace(worker, ctx, func, kill=True)
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
    finally:
        for worker in pool:
            worker.stop(kill=worker.task is not None)


def _give(pool: list[_Worker], worker: _Worker, ctx: Any, func: Callable[[Any], Any],
          index: int, item: Any, limit: float | None) -> None:
    """Send an item; a worker that died while idle is replaced once and the item sent again."""
    try:
        worker.give(index, item, limit)
    except OSError:
        fresh = _replace(worker, ctx, func, kill=True)
        pool[pool.index(worker)] = fresh
        fresh.give(index, item, limit)


def _replace(worker: _Worker, ctx: Any, func: Callable[[Any], Any], kill: bool = False) -> _Worker:
    worker.task = None
    worker.stop(kill=kill)
    return _Worker(ctx, func)
