"""`load_knowledge()`: the validated, read-only knowledge base.

The default knowledge base (shipped in `data/`) is loaded once per process and cached:
it is read-only, so every caller can share it.
"""

import gc
from functools import lru_cache
from pathlib import Path

from powermap.knowledge.base import KnowledgeBase
from powermap.knowledge.problems import KnowledgeError
from powermap.knowledge.validate import check_knowledge


def load_knowledge(path: Path | str | None = None) -> KnowledgeBase:
    """Load and validate the knowledge base at `path` (default: the shipped data).

    Raises KnowledgeError listing file, line and field of every problem. Warnings (such
    as facts older than 12 months) do not stop the load; `powermap kb check` lists them.
    """
    if path is None:
        return _load_default()
    return _load(Path(path))


@lru_cache(maxsize=1)
def _load_default() -> KnowledgeBase:
    kb = _load(None)
    # The shipped knowledge base lives as long as the process and never changes: move its
    # many objects out of the garbage collector's sight, or every full collection walks
    # them again (measured: the 10k-actor power grid spent a third of its time there).
    gc.collect()
    gc.freeze()
    return kb


def _load(path: Path | None) -> KnowledgeBase:
    report = check_knowledge(path)
    if report.errors or report.kb is None:
        raise KnowledgeError(report.errors)
    return report.kb
