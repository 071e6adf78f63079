"""Exceptions raised by the ecosys package.

Every failure of the C library becomes an exception. All derive from
:class:`EcosysError` and each also derives from the built-in exception a
Python user would expect, so that ``except ValueError`` or ``except OSError``
catches them too:

=========================  ================  ==============================
exception                  also a            C codes
=========================  ================  ==============================
:class:`ParseError`        ``ValueError``    ``ECOSYS_EPARSE``
:class:`InvalidArgumentError` ``ValueError`` ``ECOSYS_EINVAL``
:class:`AlreadyExistsError` ``ValueError``   ``ECOSYS_EEXISTS``
:class:`UnsupportedError`  ``ValueError``    ``ECOSYS_EUNSUPPORTED``
:class:`NotFoundError`     ``LookupError``   ``ECOSYS_ENOTFOUND``
:class:`EcosysIOError`     ``OSError``       ``ECOSYS_EIO``
:class:`EcosysMemoryError` ``MemoryError``   ``ECOSYS_ENOMEM``
:class:`ComputeError`      ``RuntimeError``  ``ECOSYS_ECOMPUTE``
:class:`CancelledError`    ``RuntimeError``  ``ECOSYS_ECANCELLED``
:class:`ClosedError`       ``ValueError``    (an object used after close())
:class:`EcosysError`       ``Exception``     ``ECOSYS_ERROR`` and any other
=========================  ================  ==============================

This module does not touch ctypes: :mod:`ecosys._native` builds the
exceptions from the C library's last error with :func:`error_from_code`.
"""

from __future__ import annotations

from typing import Dict, Optional, Tuple, Type

__all__ = [
    "EcosysError",
    "ParseError",
    "InvalidArgumentError",
    "AlreadyExistsError",
    "UnsupportedError",
    "NotFoundError",
    "EcosysIOError",
    "EcosysMemoryError",
    "ComputeError",
    "CancelledError",
    "ClosedError",
    "error_from_code",
]

# The C error codes (include/ecosys/common.h, ECOSYS_ERROR_MAP).
OK = 0
ERROR = -1
ENOMEM = -2
EINVAL = -3
EIO = -4
EPARSE = -5
ENOTFOUND = -6
EEXISTS = -7
ECOMPUTE = -8
ECANCELLED = -9
EUNSUPPORTED = -10

_NAMES: Dict[int, str] = {
    OK: "OK",
    ERROR: "ERROR",
    ENOMEM: "ENOMEM",
    EINVAL: "EINVAL",
    EIO: "EIO",
    EPARSE: "EPARSE",
    ENOTFOUND: "ENOTFOUND",
    EEXISTS: "EEXISTS",
    ECOMPUTE: "ECOMPUTE",
    ECANCELLED: "ECANCELLED",
    EUNSUPPORTED: "EUNSUPPORTED",
}


class EcosysError(Exception):
    """Base class of every error raised by libecosys through this package.

    Attributes:
        code: the C error code (a negative ``ECOSYS_E*`` value).
        name: its symbolic name without prefix, e.g. ``"EINVAL"``.
        message: the library's description of the problem.
        source: the file the problem was found in, or ``""``.
        line: 1-based line in ``source``, 0 if not applicable.
        column: 1-based column (in characters), 0 if not applicable.
    """

    def __init__(self, message: str = "", *, code: int = ERROR, source: str = "",
                 line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.code = code
        self.name = _NAMES.get(code, "UNKNOWN")
        self.message = message
        self.source = source
        self.line = line
        self.column = column

    @property
    def file(self) -> str:
        """The file the problem was found in (same as :attr:`source`)."""
        return self.source

    def __str__(self) -> str:
        where = self.source
        if where and self.line:
            where = f"{where}:{self.line}"
            if self.column:
                where = f"{where}:{self.column}"
        return f"{where}: {self.message}" if where else self.message

    def __reduce__(self) -> Tuple[object, ...]:
        return (_rebuild, (type(self), self.message, self.code, self.source, self.line,
                           self.column))


def _rebuild(cls: Type[EcosysError], message: str, code: int, source: str, line: int,
             column: int) -> EcosysError:
    """Unpickles an :class:`EcosysError` (keyword-only arguments need help)."""
    return cls(message, code=code, source=source, line=line, column=column)


class ParseError(EcosysError, ValueError):
    """Malformed input data in a file (``ECOSYS_EPARSE``).

    :attr:`file`, :attr:`line` and :attr:`column` locate the problem.
    """


class InvalidArgumentError(EcosysError, ValueError):
    """Invalid argument: a bad option, an index out of range, a bad value
    (``ECOSYS_EINVAL``)."""


class AlreadyExistsError(EcosysError, ValueError):
    """A duplicate actor id or attribute name (``ECOSYS_EEXISTS``)."""


class UnsupportedError(EcosysError, ValueError):
    """A valid input libecosys cannot represent, or an unknown format
    (``ECOSYS_EUNSUPPORTED``)."""


class NotFoundError(EcosysError, LookupError):
    """No such actor, attribute or graph vertex (``ECOSYS_ENOTFOUND``)."""


class EcosysIOError(EcosysError, OSError):
    """A file or directory cannot be opened, read or written (``ECOSYS_EIO``).

    ``filename`` (as on any ``OSError``) is the path concerned, if known.
    """

    def __init__(self, message: str = "", *, code: int = EIO, source: str = "",
                 line: int = 0, column: int = 0) -> None:
        super().__init__(message, code=code, source=source, line=line, column=column)
        self.filename = source or None

    def __str__(self) -> str:
        return EcosysError.__str__(self)


class EcosysMemoryError(EcosysError, MemoryError):
    """The library ran out of memory (``ECOSYS_ENOMEM``)."""


class ComputeError(EcosysError, RuntimeError):
    """A computation failed inside igraph (``ECOSYS_ECOMPUTE``)."""


class CancelledError(EcosysError, RuntimeError):
    """A long computation was cancelled (``ECOSYS_ECANCELLED``)."""


class ClosedError(EcosysError, ValueError):
    """A dataset or graph was used after ``close()`` (as for a closed file,
    a ``ValueError``)."""

    def __init__(self, message: str = "the object is closed", **kwargs: int) -> None:
        kwargs.setdefault("code", EINVAL)
        super().__init__(message, **kwargs)  # type: ignore[arg-type]


_CLASSES: Dict[int, Type[EcosysError]] = {
    ENOMEM: EcosysMemoryError,
    EINVAL: InvalidArgumentError,
    EIO: EcosysIOError,
    EPARSE: ParseError,
    ENOTFOUND: NotFoundError,
    EEXISTS: AlreadyExistsError,
    ECOMPUTE: ComputeError,
    ECANCELLED: CancelledError,
    EUNSUPPORTED: UnsupportedError,
}


def error_class(code: int) -> Type[EcosysError]:
    """Returns the exception class of a C error code."""
    return _CLASSES.get(code, EcosysError)


def error_from_code(code: int, message: str, source: str = "", line: int = 0,
                    column: int = 0) -> EcosysError:
    """Builds the exception matching a C error code and its details."""
    return error_class(code)(message, code=code, source=source, line=line, column=column)


def invalid(message: str, source: Optional[str] = None) -> InvalidArgumentError:
    """An :class:`InvalidArgumentError` raised by the Python layer itself."""
    return InvalidArgumentError(message, code=EINVAL, source=source or "")
