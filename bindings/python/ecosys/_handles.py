"""Ownership of C handles, shared by every object that wraps one.

A :class:`Owner` holds one C handle and the function that frees it, with a
count of its users. The Python object that created the handle is one user;
each object that borrows the handle from C's point of view (a graph borrows
its dataset) is another. The handle is freed when the last user releases
it, whatever order the garbage collector finalises them in, so a C graph
never outlives the C dataset it reads.

Objects release their share through ``weakref.finalize`` (at garbage
collection, at interpreter exit, or at once by ``close()``): see
:func:`attach`.
"""

from __future__ import annotations

import threading
import weakref
from typing import Callable, Optional

from .errors import ClosedError

__all__: list = []  # private module


class Owner:
    """A C handle with a count of its users; freed when the count reaches 0."""

    __slots__ = ("_handle", "_free", "_users", "_lock", "_what")

    def __init__(self, handle: int, free: Callable[[int], None], what: str) -> None:
        self._handle = handle
        self._free = free
        self._users = 1
        self._lock = threading.Lock()
        self._what = what

    @property
    def handle(self) -> int:
        """The handle; raises :class:`ClosedError` once it was freed."""
        handle = self._handle
        if not handle:
            raise ClosedError(f"this {self._what} is closed")
        return handle

    def acquire(self) -> None:
        """Adds a user (a borrower); fails if the handle is already freed."""
        with self._lock:
            if not self._handle:
                raise ClosedError(f"this {self._what} is closed")
            self._users += 1

    def release(self) -> None:
        """Removes a user; frees the handle when none is left."""
        with self._lock:
            self._users -= 1
            if self._users > 0 or not self._handle:
                return
            handle, self._handle = self._handle, 0
        self._free(handle)


def attach(obj: object, owner: Owner,
           borrowed: Optional[Owner] = None) -> "weakref.finalize":
    """Ties ``owner`` (and a borrowed owner, if any) to the life of ``obj``.

    Returns the finalizer: call it to close early; it runs at most once.
    """
    if borrowed is None:
        return weakref.finalize(obj, owner.release)
    return weakref.finalize(obj, _release_both, owner, borrowed)


def _release_both(owner: Owner, borrowed: Owner) -> None:
    try:
        owner.release()
    finally:
        borrowed.release()
