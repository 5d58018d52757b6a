"""A time budget per document, so that no single input can stall a batch.

A document may take `TimeBudget.seconds(n)` for `n` characters of input: a few seconds per
100,000 characters, never less than a floor.  Two guards enforce it:

- **soft** (`deadline`, in the process that runs the document): a CPU-time timer
  (`ITIMER_PROF`, signal `SIGPROF`) raises `OverBudget` inside the running stage, which the
  pipeline turns into an error record; the process goes on with the next document.  CPU time,
  not wall-clock time, so that a machine busy with other work does not fail documents that
  are merely waiting for a core.  It re-fires every 0.2 s of CPU in case a library swallows it,
  and works only in a main thread of a POSIX process (elsewhere it is a no-op).
- **hard** (`TimeBudget.hard_seconds`, wall-clock, in the parent of worker processes): a worker
  stuck where the soft timer cannot reach it (a long C call, a wait that uses no CPU) is
  killed and replaced (`ghatna.workers`).  It is generous, as it only has to end hangs.

Loading models is not the document's fault: the pipeline pauses the soft timer while it warms
a process up (`Deadline.paused`), and the hard limit adds `grace` seconds for it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

DEFAULT_SECONDS_PER_100K = 5.0
DEFAULT_MINIMUM_SECONDS = 10.0
# Added to the hard limit: a fresh worker may spend this long loading models before a document.
DEFAULT_GRACE_SECONDS = 60.0
# After the budget is spent, `OverBudget` is raised again at this interval until the stage stops.
_REFIRE_SECONDS = 0.2
_TIMER = getattr(signal, "ITIMER_PROF", None)
_SIGNAL = getattr(signal, "SIGPROF", None)


@dataclass(frozen=True)
class TimeBudget:
    """How long one document may take: `seconds_per_100k` per 100,000 characters, at least `minimum`."""

    seconds_per_100k: float = DEFAULT_SECONDS_PER_100K
    minimum: float = DEFAULT_MINIMUM_SECONDS
    grace: float = DEFAULT_GRACE_SECONDS

    def __post_init__(self) -> None:
        if self.seconds_per_100k <= 0 or self.minimum <= 0 or self.grace < 0:
            raise ValueError("a time budget needs positive seconds (and a grace of 0 or more)")

    def seconds(self, characters: int) -> float:
        """The soft limit (CPU seconds) for an input of `characters` characters."""
        return max(self.minimum, self.seconds_per_100k * characters / 100_000)

    def hard_seconds(self, characters: int) -> float:
        """The wall-clock limit after which a worker process is killed: four times the soft limit
        (a busy machine gives a worker a fraction of a core), plus `grace` for loading models."""
        return self.seconds(characters) * 4 + self.grace


class OverBudget(BaseException):  # noqa: N818 - not an Exception: `except Exception` must not swallow it
    """Raised inside a document's processing when its time budget is spent."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"over the time budget of {seconds:g} s")
        self.seconds = seconds
        self.stage: str | None = None  # set by the pipeline: the stage that was running


class Deadline:
    """The running soft timer of one document (see `deadline`)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.armed = False
        self._remaining = seconds

    def _arm(self, seconds: float) -> None:
        self.armed = True
        signal.setitimer(_TIMER, max(seconds, 1e-3), _REFIRE_SECONDS)

    def _disarm(self) -> float:
        self.armed = False  # first: a signal already on its way is then ignored
        remaining, _ = signal.setitimer(_TIMER, 0)
        return remaining

    def _on_alarm(self, signum: int, frame: object) -> None:
        if self.armed:
            raise OverBudget(self.seconds)

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Stop the clock (while the process loads models); restart it with the time that was left."""
        if not self.armed:
            yield
            return
        remaining = self._disarm()
        try:
            yield
        finally:
            self._arm(remaining)


def _timer_available() -> bool:
    return _TIMER is not None and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float | None) -> Iterator[Deadline | None]:
    """Raise `OverBudget` in the code run inside this block once it has used `seconds` of CPU time.

    Yields the `Deadline` (or None when `seconds` is None or no timer can be set here).
    """
    if seconds is None or not _timer_available():
        yield None
        return
    timer = Deadline(seconds)
    previous = signal.signal(_SIGNAL, timer._on_alarm)
    previous_timer = signal.getitimer(_TIMER)
    timer._arm(seconds)
    try:
        yield timer
    finally:
        timer._disarm()
        signal.signal(_SIGNAL, previous)
        if previous_timer[0] > 0:  # someone else's timer was running (a profiler): give it back
            signal.setitimer(_TIMER, *previous_timer)

