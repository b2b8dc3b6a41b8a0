"""powermap: power mapping and justice advocacy planning for survivor groups."""

__version__ = "0.1.0"
