"""Typed errors that the CLI turns into one-line messages and exit codes."""
from __future__ import annotations


class DigestError(Exception):
    """Base error; prints as `path:line: message` when path and line are known."""

    exit_code = 1

    def __init__(self, message: str, path: object | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class ConfigError(DigestError):
    """The config file or command-line usage is wrong (exit 2)."""

    exit_code = 2


class SourceError(DigestError):
    """One input file cannot be used; the run goes on without it."""


class ExtractError(DigestError):
    """The language model cannot be loaded or run."""


class RenderError(DigestError):
    """Templates or PDF output failed."""


class TemplateError(RenderError):
    """A template cannot be loaded, parsed or rendered: the user's to fix, like the config (exit 2)."""

    exit_code = 2


class DeliveryError(DigestError):
    """Email could not be sent."""


class LockError(DigestError):
    """Another digest job holds the output folder's lock."""
