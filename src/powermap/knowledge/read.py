"""Reading the data folder: YAML files -> validated records, with located problems.

Every `*.yml` under the data folder is read, except files and folders whose name starts
with `_` (such as `_collection.yml`, read separately as folder metadata). `defaults` are
merged into each record that does not set the key, then the record is validated by the
pydantic model of its kind. Nothing here raises on bad data: problems are collected, so
that `powermap kb check` can list all of them at once.
"""

import copy
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from yaml.nodes import Node

from powermap.knowledge.base import KnowledgeBase, RecordOrigin
from powermap.knowledge.models import (
    KIND_BY_FOLDER,
    MODEL_BY_KIND,
    Collection,
    Envelope,
    Record,
)
from powermap.knowledge.problems import Problem
from powermap.knowledge.yamlfile import PathPart, child, read_yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
"""The knowledge base shipped with powermap."""

COLLECTION_FILE = "_collection.yml"


def read_knowledge(root: Path) -> tuple[KnowledgeBase, list[Problem]]:
    """Read every data file under `root`; return the valid records and every problem."""
    reader = _Reader(root)
    reader.read_all()
    kb = KnowledgeBase.build(reader.records, reader.collections, reader.origins, root)
    return kb, reader.problems


def data_files(root: Path) -> Iterator[Path]:
    """The data files, sorted; skips names starting with `_` at any level."""
    for path in sorted(root.rglob("*.y*ml")):
        if not any(part.startswith("_") for part in path.relative_to(root).parts):
            yield path


def pydantic_message(error: Any) -> str:
    """Pydantic's message without its `Value error, ` prefix."""
    message = str(error["msg"])
    return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")


class _Reader:
    """Collects records, their origins and problems while walking the data folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.records: dict[str, dict[str, Record]] = {kind: {} for kind in MODEL_BY_KIND}
        self.origins: dict[tuple[str, str], RecordOrigin] = {}
        self.collections: dict[str, Collection] = {}
        self.problems: list[Problem] = []

    def read_all(self) -> None:
        if not self.root.is_dir():
            self.problems.append(Problem(str(self.root), None, "", "no such folder"))
            return
        for path in data_files(self.root):
            self.read_data_file(path)
        for path in sorted(self.root.glob(f"*/{COLLECTION_FILE}")):
            self.read_collection(path)

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def read_data_file(self, path: Path) -> None:
        rel = self.rel(path)
        if path.suffix != ".yml":
            self.problems.append(Problem(rel, None, "", "rename to .yml: it is ignored"))
            return
        document, problems = read_yaml(path, rel)
        self.problems.extend(problems)
        if document is None:
            return
        envelope = self.validate_envelope(rel, document.data, document.node)
        if envelope is not None and self.kind_fits_folder(rel, envelope, document.node):
            self.read_records(rel, envelope, document.node)

    def validate_envelope(self, rel: str, data: Any, node: Node | None) -> Envelope | None:
        origin = RecordOrigin(rel, node)
        try:
            return Envelope.model_validate(data)
        except ValidationError as exc:
            self.add_validation_problems(origin, exc, None)
        return None

    def kind_fits_folder(self, rel: str, envelope: Envelope, node: Node | None) -> bool:
        folder = rel.split("/")[0] if "/" in rel else ""
        expected = KIND_BY_FOLDER.get(folder)
        if expected is None or expected == envelope.kind:
            return True
        message = f"kind `{envelope.kind}` does not belong in {folder}/ (`{expected}`)"
        self.problems.append(RecordOrigin(rel, node).problem(["kind"], message, None))
        return False

    def read_records(self, rel: str, envelope: Envelope, node: Node | None) -> None:
        defaults_node = child(node, "defaults")
        records_node = child(node, "records")
        for index, raw in enumerate(envelope.records):
            origin = RecordOrigin(
                rel, child(records_node, index), defaults_node, f"records[{index}]"
            )
            self.read_record(envelope.kind, origin, {**copy.deepcopy(envelope.defaults), **raw})

    def read_record(self, kind: str, origin: RecordOrigin, merged: dict[str, Any]) -> None:
        rid = merged.get("id")
        label = str(rid) if rid is not None else None
        try:
            record = MODEL_BY_KIND[kind].model_validate(merged)
        except ValidationError as exc:
            self.add_validation_problems(origin, exc, label)
            return
        existing = self.origins.get((kind, record.id))
        if existing is not None:
            where = f"{existing.file}:{existing.line()}"
            message = f"duplicate {kind} id `{record.id}` (first defined at {where})"
            self.problems.append(origin.problem(["id"], message, record.id))
            return
        self.records[kind][record.id] = record
        self.origins[(kind, record.id)] = origin

    def add_validation_problems(
        self, origin: RecordOrigin, exc: ValidationError, rid: str | None
    ) -> None:
        for error in exc.errors():
            loc: Sequence[PathPart] = error["loc"]
            self.problems.append(origin.problem(loc, pydantic_message(error), rid))

    def read_collection(self, path: Path) -> None:
        rel = self.rel(path)
        document, problems = read_yaml(path, rel)
        self.problems.extend(problems)
        if document is None:
            return
        origin = RecordOrigin(rel, document.node)
        try:
            collection = Collection.model_validate(document.data)
        except ValidationError as exc:
            self.add_validation_problems(origin, exc, None)
            return
        folder = rel.split("/")[0]
        expected = KIND_BY_FOLDER.get(folder, collection.kind)
        if expected != collection.kind:
            message = f"kind `{collection.kind}` does not match {folder}/ (`{expected}`)"
            self.problems.append(origin.problem(["kind"], message, None))
            return
        self.collections[collection.kind] = collection
        self.origins[("_collection", collection.kind)] = origin
