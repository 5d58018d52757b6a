"""Input shards: the unit of work, of output and of retry for a scale-out job.

A shard is one container file (JSON Lines, Parquet with a `text` column, WARC, ...) or one group of
single-article files from the same directory (.txt, .html, ...; at most `DIR_SHARD_FILES` per shard).
Each shard has a stable key, from which its output file name is derived, so a re-run finds the
shards that are already done.

Which reader reads a file is decided by its name: a registry maps file-name endings to readers
(`register_shard_reader`).  Container formats are registered here; WARC files are read by the
`read` package's `read_path` once `ghatna.read.warc` exists, and another format plugs in with one call.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ghatna.read.raw import RawDocument
from ghatna.read.sources import _walk, read_path

# A reader turns one path into documents, lazily; it never raises for bad input (see ghatna.read).
ShardReader = Callable[[str], Iterator[RawDocument]]

# Single-article files of one directory are grouped into shards of at most this many files, so a
# directory of a million files is a thousand shards, not a million tiny outputs nor one huge one.
DIR_SHARD_FILES = 1000

FILES_READER = "files"  # the reader name of a group of single-article files


def _read_path(path: str) -> Iterator[RawDocument]:
    return read_path(Path(path))


def _read_parquet(path: str) -> Iterator[RawDocument]:
    from ghatna.read.parquet import read_parquet

    return read_parquet(path)


@dataclass(frozen=True)
class ReaderEntry:
    name: str
    suffixes: tuple[str, ...]
    read: ShardReader


_READERS: dict[str, ReaderEntry] = {}


def register_shard_reader(name: str, suffixes: Iterable[str], read: ShardReader) -> None:
    """Make files whose names end in one of `suffixes` (e.g. ".warc.gz") shards read by `read`.

    A later registration of the same name replaces the earlier one.  `read` must be picklable (a
    module-level function), since it travels to the workers with the job.
    """
    _READERS[name] = ReaderEntry(name, tuple(s.lower() for s in suffixes), read)


register_shard_reader("jsonl", (".jsonl", ".ndjson"), _read_path)
register_shard_reader("parquet", (".parquet",), _read_parquet)
def _read_warc(path: str) -> Iterator[RawDocument]:
    # WARC support belongs to the read package (ghatna.read.warc, reached through `read_path`);
    # without it a WARC file is one clear error record, not a binary blob read as an article.
    if importlib.util.find_spec("ghatna.read.warc") is None:
        return iter([RawDocument(source=path, error="WARC input needs ghatna.read.warc, absent from this version")])
    return read_path(Path(path))


register_shard_reader("warc", (".warc", ".warc.gz", ".arc", ".arc.gz"), _read_warc)


def shard_readers() -> dict[str, ShardReader]:
    """The registered readers by name (plus the one for groups of single-article files)."""
    return {**{name: entry.read for name, entry in _READERS.items()}, FILES_READER: _read_path}


def reader_name(path: Path) -> str | None:
    """The registered reader for a container file, or None for a single-article file."""
    name = path.name.lower()
    best: tuple[int, str] | None = None
    for entry in _READERS.values():
        for suffix in entry.suffixes:
            if name.endswith(suffix) and (best is None or len(suffix) > best[0]):
                best = (len(suffix), entry.name)
    return best[1] if best else None


@dataclass(frozen=True)
class Shard:
    """One unit of work: a container file, or a group of single-article files (`files`)."""

    reader: str
    paths: tuple[str, ...]

    @property
    def key(self) -> str:
        """A stable id: the same input paths and reader give the same key on every run and machine."""
        digest = hashlib.sha256("\x00".join((self.reader, *self.paths)).encode("utf-8")).hexdigest()
        return digest[:16]

    @property
    def label(self) -> str:
        """How the shard is named to people: its file, or its directory and file count."""
        if self.reader == FILES_READER and len(self.paths) > 1:
            return f"{Path(self.paths[0]).parent} ({len(self.paths)} files from {Path(self.paths[0]).name})"
        return self.paths[0]

    @property
    def part_name(self) -> str:
        """The output file name: readable stem plus the key (`articles-1f2e3d4c5b6a7980.parquet`)."""
        stem = Path(self.paths[0]).name if self.reader != FILES_READER or len(self.paths) == 1 \
            else Path(self.paths[0]).parent.name
        stem = re.sub(r"[^A-Za-z0-9_-]+", "_", stem.split(".")[0])[:40].strip("_") or "shard"
        return f"{stem}-{self.key}.parquet"


def list_shards(paths: Iterable[str], dir_shard_files: int = DIR_SHARD_FILES) -> list[Shard]:
    """The shards of the given files and directories (walked recursively, sorted, hidden files skipped).

    Container files are one shard each; the single-article files of each directory are grouped, in
    sorted order, into shards of at most `dir_shard_files`; a single-article file given by name is a
    shard of its own.  A directory's shards are in the order of their first paths, which is the
    order in which `load_parts` loads their outputs.  A path that does not exist is a shard too: reading it gives its error record.
    """
    shards: list[Shard] = []
    for given in paths:
        if given == "-":
            raise ValueError("stdin cannot be sharded: give files or directories")
        path = Path(given)
        if not path.is_dir():
            shards.append(Shard(reader_name(path) or FILES_READER, (_absolute(path),)))
            continue
        groups: dict[Path, list[str]] = {}
        found: list[Shard] = []
        for file in _walk(path):
            name = reader_name(file)
            if name:
                found.append(Shard(name, (_absolute(file),)))
            else:
                groups.setdefault(file.parent, []).append(_absolute(file))
        for files in groups.values():
            for start in range(0, len(files), dir_shard_files):
                found.append(Shard(FILES_READER, tuple(files[start:start + dir_shard_files])))
        shards.extend(sorted(found, key=lambda shard: shard.paths[0]))
    # A path given twice is one shard: its output would be the same file.
    return list(dict.fromkeys(shards))


def _absolute(path: Path) -> str:
    return str(path.absolute())


def read_shard(shard: Shard, readers: dict[str, ShardReader] | None = None) -> Iterator[RawDocument]:
    """The documents of a shard, in order."""
    readers = readers if readers is not None else shard_readers()
    read = readers.get(shard.reader)
    if read is None:
        for path in shard.paths:
            yield RawDocument(source=path, error=f"no reader registered for {shard.reader!r} shards")
        return
    for path in shard.paths:
        yield from read(path)
