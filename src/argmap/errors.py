"""Exceptions argmap raises for problems a user can fix; the CLI turns them into one-line errors."""


class ArgmapError(Exception):
    """Base class: a problem with the user's input or environment, reported in one line."""


class CorpusError(ArgmapError):
    """The corpus cannot be read (missing path, nothing readable)."""


class GraphFileError(ArgmapError):
    """A saved graph file is missing, unreadable, or not an argmap graph."""


class TaxonomyError(ArgmapError):
    """The taxonomy file is missing or malformed."""


class ModelNotFoundError(ArgmapError):
    """No usable spaCy model is installed."""


class QueryError(ArgmapError):
    """A query matched nothing or could not be understood."""


class ExportError(ArgmapError):
    """An export or render could not be produced."""


class OutputError(ArgmapError):
    """An output path would overwrite an input of the command, or another of its outputs."""


class InputError(ArgmapError):
    """An input file is not a regular file or is over its size limit."""
