"""A per-user cache on disk: text computed from other text, each entry checked against its digest when read, and
Jinja's compiled templates (its own bytecode cache), each checked against its source."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

_FOLDER_MODE = 0o700


def folder() -> Path:
    """`$XDG_CACHE_HOME/ccch_docs` (`~/.cache/ccch_docs` when the variable is not set)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base, "ccch_docs")


def key(*parts: str) -> str:
    """The name of the entry for `parts` (a digest of all of them)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part.encode("utf-8", "surrogatepass")).digest())
    return digest.hexdigest()


def stamp(*files: str) -> str:
    """What identifies the installed `files` (path, size, modification time); missing files are left out."""
    found = []
    for f in files:
        try:
            info = os.stat(f)
        except OSError:
            continue
        found.append(f"{f}:{info.st_size}:{info.st_mtime_ns}")
    return " ".join(found)


def _ours(path: Path) -> bool:
    """Whether `path` belongs to this user and no one else may write to it."""
    info = os.lstat(path)
    uid = getattr(os, "getuid", None)
    return (uid is None or info.st_uid == uid()) and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read(name: str) -> str | None:
    """The text stored under `name`; None when there is none, or it is damaged, foreign or unreadable."""
    path = folder() / name
    if not _trusted(path):
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    digest, newline, body = data.partition(b"\n")
    if not newline or digest != hashlib.sha256(body).hexdigest().encode("ascii"):
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _trusted(path: Path) -> bool:
    """Whether the entry at `path` exists and only this user could have written it and its folder."""
    try:
        return _ours(path.parent) and _ours(path)
    except OSError:
        return False


def write(name: str, text: str) -> None:
    """Store `text` under `name`, whole or not at all; a cache that cannot be written is simply not used."""
    where = folder()
    body = text.encode("utf-8")
    temp = where / f".{name}.{os.getpid()}.tmp"
    try:
        where.mkdir(mode=_FOLDER_MODE, parents=True, exist_ok=True)
        with open(temp, "xb") as f:
            f.write(hashlib.sha256(body).hexdigest().encode("ascii") + b"\n" + body)
        os.replace(temp, where / name)
    except OSError:
        try:
            temp.unlink()
        except OSError:
            pass


class BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's bytecode cache in the per-user folder: an entry that others could have written is ignored, and a
    cache that cannot be written is simply not used."""

    def __init__(self) -> None:
        super().__init__(str(folder()), "jinja-%s.cache")

    def load_bytecode(self, bucket: Bucket) -> None:
        if _trusted(Path(self.directory, self.pattern % bucket.key)):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            os.makedirs(self.directory, _FOLDER_MODE, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass
