"""The curated knowledge base: states, treaties, bodies, mechanisms and more.

Pure core: imports only the standard library, `powermap.domain`, yaml and pydantic.
"""

from powermap.knowledge.base import KnowledgeBase
from powermap.knowledge.load import load_knowledge
from powermap.knowledge.problems import KnowledgeError, Problem, Report
from powermap.knowledge.validate import check_knowledge

__all__ = [
    "KnowledgeBase",
    "KnowledgeError",
    "Problem",
    "Report",
    "check_knowledge",
    "load_knowledge",
]
