"""How powermap holds up on large power maps: import throughput and page latency.

    python benchmarks/map_scale.py [--sizes 1000,10000,100000] [--quick]
                                   [--parse-limit 10000] [--json results.json]

For each size N the script builds a synthetic workspace (N actors, five relationships
and one general assessment each), writes it as a `powermap/1` YAML file in memory and
parses it with the real parser (up to --parse-limit actors: the pure-Python parser
takes minutes beyond), then imports it into a fresh SQLCipher-encrypted
workspace through the real code path (`start_django`, `migrate`, the workspace and user
actions, `do_import_workspace`). It then times the actor list, the power grid and the
network ego view through Django's test client, so every request passes the whole
middleware stack.

Each size runs in its own process (the script re-invokes itself with `--one N`):
Django can be set up only once per process, and peak memory is then per size. Every
figure is compared with a naive baseline measured in the same process:

- import: one plain `Model.objects.create()` per row, in one transaction, for the first
  2,000 records (rolled back afterwards);
- ego view: load every relationship, breadth-first search in Python, then fetch the same
  nodes and edges the endpoint returns (checked to agree with it).

The targets of the issue are printed with PASS or MISS: import at least 5,000 records/s;
list and grid p95 under 200 ms at 10,000 actors; the network data of an ego view under
100 ms (p95) at 100,000 actors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import math
import os
import platform
import random
import resource
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any

from powermap.domain.actors import Actor, Assessment, Relationship, WorkspaceContent
from powermap.domain.vocab import (
    INFLUENCE_MAX,
    INFLUENCE_MIN,
    STANCE_MAX,
    STANCE_MIN,
    ActorKind,
    RelationType,
)
from powermap.formats.workspace_yaml import parse_workspace
from powermap.store.references import known_reference

# Modules that need Django are imported inside the functions that run after
# `start_django`: Django is set up once per child process, never in the parent.

# What to measure.
DEFAULT_SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)
RELATIONSHIPS_PER_ACTOR = 5
DEFAULT_PARSE_LIMIT = 10_000  # pure-Python YAML parsing takes minutes above this
BASELINE_IMPORT_RECORDS = 2_000

# How to time a page: warm-ups, then timed requests, within a time budget per page so
# that a slow page cannot blow the run's ten minutes.
WARMUP_REQUESTS = 3
TIMED_REQUESTS = 30
MIN_TIMED_REQUESTS = 3  # a page slower than the budget still gets this many
PAGE_BUDGET_SECONDS = 15.0
WARMUP_BUDGET_SHARE = 0.25
BASELINE_EGO_RUNS = 10
BASELINE_EGO_MIN_RUNS = 2
BASELINE_EGO_BUDGET_SECONDS = 10.0  # the baseline reads every relationship: slow at 100k
EGO_CENTRES = 10  # ego views rotate over this many actors spread through the map
EGO_HOPS = (1, 2)
P95 = 0.95
MS_PER_SECOND = 1_000
BYTES_PER_KIB = 1_024  # ru_maxrss is in KiB on Linux
CHILD_TIMEOUT_SECONDS = 1_800

# The targets.
TARGET_IMPORT_RATE = 5_000
TARGET_PAGE_P95_MS = 200
TARGET_PAGE_SIZE = 10_000
TARGET_EGO_P95_MS = 100
TARGET_EGO_SIZE = 100_000

# The synthetic map.
SEED = 20_240_601
WORKSPACE_NAME = "bench"  # the file name under $POWERMAP_HOME and the workspace slug
BASELINE_SLUG = "bench-baseline"
OWNER_USERNAME = "bench-owner"
NAME_FIRST = (
    "Northern",
    "Coastal",
    "Federal",
    "Independent",
    "United",
    "Regional",
    "National",
    "Civic",
)
NAME_SECOND = (
    "Council",
    "Harbour",
    "Ministry",
    "Network",
    "Tribunal",
    "Alliance",
    "Foundation",
    "Commission",
    "Press",
    "Assembly",
)
SEARCH_TERM = "harbour"  # matches one actor name in len(NAME_SECOND)
FILTER_KIND = ActorKind.NGO
TAG_POOL = tuple(f"tag-{i:02d}" for i in range(20))
MAX_TAGS_PER_ACTOR = 2
SOURCE_POOL = tuple(f"Field report {i}" for i in range(50))
SOURCED_RELATIONSHIP_SHARE = 0.2
ASSESSMENT_YEAR_START = dt.date(2024, 1, 1)
DAYS_PER_YEAR = 365
STRENGTH_DIGITS = 2

RESULT_PREFIX = "RESULT "


# --- The synthetic workspace -------------------------------------------------------


def actor_key(index: int) -> str:
    return f"a{index:06d}"


def synthetic_content(size: int, seed: int = SEED) -> WorkspaceContent:
    """N actors, RELATIONSHIPS_PER_ACTOR random distinct relationships from each, and
    one general assessment per actor, so every actor has a place on the grid."""
    rng = random.Random(seed)  # noqa: S311  (reproducible synthetic data, not a secret)
    kinds, types = list(ActorKind), list(RelationType)
    actors = []
    for i in range(size):
        first, second = NAME_FIRST[i % len(NAME_FIRST)], NAME_SECOND[i % len(NAME_SECOND)]
        tags = rng.sample(TAG_POOL, rng.randint(0, MAX_TAGS_PER_ACTOR))
        actors.append(
            Actor(
                id=actor_key(i),
                name=f"{first} {second} {i}",
                kind=rng.choice(kinds),
                tags=tuple(tags),
            )
        )
    relationships = []
    for i in range(size):
        for other in rng.sample(range(size - 1), min(RELATIONSHIPS_PER_ACTOR, size - 1)):
            target = other if other < i else other + 1  # never the actor itself
            sourced = rng.random() < SOURCED_RELATIONSHIP_SHARE
            relationships.append(
                Relationship(
                    source=actor_key(i),
                    target=actor_key(target),
                    type=rng.choice(types),
                    strength=round(rng.random(), STRENGTH_DIGITS),
                    source_ref=rng.choice(SOURCE_POOL) if sourced else "",
                )
            )
    assessments = [
        Assessment(
            actor=actor_key(i),
            influence=rng.randint(INFLUENCE_MIN, INFLUENCE_MAX),
            stance=rng.randint(STANCE_MIN, STANCE_MAX),
            date=ASSESSMENT_YEAR_START + dt.timedelta(days=rng.randrange(DAYS_PER_YEAR)),
            source_ref=rng.choice(SOURCE_POOL),
        )
        for i in range(size)
    ]
    return WorkspaceContent(
        name=f"Synthetic map of {size:,} actors",
        actors=tuple(actors),
        relationships=tuple(relationships),
        assessments=tuple(assessments),
    )


def render_yaml(content: WorkspaceContent) -> str:
    """The content as a `powermap/1` file, one flow mapping a line (like demo.yml).

    Written directly rather than with `dump_workspace`, which is itself slow at this
    size; strings are JSON-quoted, which YAML reads as double-quoted scalars.
    """
    q = json.dumps
    lines = ["format: powermap/1", "workspace:", f"  name: {q(content.name)}", "actors:"]
    for a in content.actors:
        tags = ", ".join(q(t) for t in a.tags)
        lines.append(f"  - {{id: {a.id}, name: {q(a.name)}, kind: {a.kind.value}, tags: [{tags}]}}")
    lines.append("relationships:")
    for r in content.relationships:
        source = f", source: {q(r.source_ref)}" if r.source_ref else ""
        lines.append(
            f"  - {{from: {r.source}, to: {r.target}, type: {r.type.value}, "
            f"strength: {r.strength!r}{source}}}"
        )
    lines.append("assessments:")
    for s in content.assessments:
        lines.append(
            f"  - {{actor: {s.actor}, influence: {s.influence}, stance: {s.stance}, "
            f"date: {s.date.isoformat()}, source: {q(s.source_ref)}}}"
        )
    return "\n".join(lines) + "\n"


def record_count(content: WorkspaceContent) -> int:
    return len(content.actors) + len(content.relationships) + len(content.assessments)


# --- Timing helpers ----------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    """Latency of one page or operation, in milliseconds."""

    median_ms: float
    p95_ms: float
    samples: int
    bytes: int = 0  # size of the last response; 0 for calls that are not requests


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (with 30 samples, p95 is the second slowest)."""
    ordered = sorted(values)
    return ordered[max(1, math.ceil(fraction * len(ordered))) - 1]


def time_calls(
    call: Callable[[int], int],
    budget_seconds: float = PAGE_BUDGET_SECONDS,
    warmups: int = WARMUP_REQUESTS,
    runs: int = TIMED_REQUESTS,
    min_runs: int = MIN_TIMED_REQUESTS,
) -> Timing:
    """Time `call(i)` (which returns a response size) after warm-ups, within a budget.

    Warm-ups stop early once they have used their share of the budget; `min_runs` timed
    calls always run, and more until `runs` are done or the budget is spent.
    """
    start = time.perf_counter()
    for i in range(warmups):
        call(i)
        if time.perf_counter() - start > budget_seconds * WARMUP_BUDGET_SHARE:
            break
    durations, size = [], 0
    start = time.perf_counter()
    for i in range(runs):
        begin = time.perf_counter()
        size = call(i)
        durations.append(time.perf_counter() - begin)
        spent = time.perf_counter() - start
        if len(durations) >= min_runs and spent > budget_seconds:
            break
    return Timing(
        median_ms=statistics.median(durations) * MS_PER_SECOND,
        p95_ms=percentile(durations, P95) * MS_PER_SECOND,
        samples=len(durations),
        bytes=size,
    )


def log(message: str) -> None:
    """Progress goes to stderr; stdout carries only the result line."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / BYTES_PER_KIB


# --- One size, in its own process --------------------------------------------------


def open_fresh_workspace_database() -> Path:
    """Create the encrypted file's key like `powermap init`, then start and migrate Django."""
    from powermap.cli import runtime
    from powermap.store import crypto

    path = runtime.workspace_path(WORKSPACE_NAME)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    passphrase = secrets.token_urlsafe()  # never needed again: the key stays in memory
    key = crypto.derive_key(passphrase, crypto.write_new_salt(path))
    runtime.start_django(path, key)
    runtime.migrate()
    return path


def baseline_create_per_row(owner: Any, content: WorkspaceContent, limit: int) -> dict[str, Any]:
    """Insert the first `limit` records one `Model.objects.create()` each, then roll back.

    The records keep the file's mix (actors, relationships, assessments in proportion).
    Relationships whose other end falls outside the inserted actors point at one of
    them instead, so every row is a real insert with valid foreign keys.
    """
    from django.db import transaction

    from powermap.store.models import Actor as ActorRow
    from powermap.store.models import Assessment as AssessmentRow
    from powermap.store.models import Relationship as RelationshipRow
    from powermap.store.models import Source, Workspace

    total = record_count(content)
    n_actors = max(1, round(limit * len(content.actors) / total))
    n_relationships = round(limit * len(content.relationships) / total)
    n_assessments = limit - n_actors - n_relationships
    with transaction.atomic():
        start = time.perf_counter()
        workspace = Workspace.objects.create(slug=BASELINE_SLUG, name=BASELINE_SLUG)
        rows: dict[str, Any] = {}
        for a in content.actors[:n_actors]:
            rows[a.id] = ActorRow.objects.create(
                workspace=workspace,
                key=a.id,
                name=a.name,
                kind=a.kind.value,
                notes=a.notes,
                confidential=a.confidential,
                reference=a.reference,
                created_by=owner,
            )
        inserted = list(rows.values())
        sources: dict[str, Any] = {}

        def source(text: str) -> Any:
            if text and text not in sources:
                sources[text] = Source.objects.create(workspace=workspace, text=text)
            return sources.get(text)

        for i, r in enumerate(content.relationships[:n_relationships]):
            RelationshipRow.objects.create(
                workspace=workspace,
                source=rows.get(r.source) or inserted[i % len(inserted)],
                target=rows.get(r.target) or inserted[-1 - i % len(inserted)],
                type=r.type.value,
                strength=r.strength,
                provenance=source(r.source_ref),
                note=r.note,
                confidential=r.confidential,
                created_by=owner,
            )
        own = [s for s in content.assessments if s.actor in rows][:n_assessments]
        for s in own:
            AssessmentRow.objects.create(
                workspace=workspace,
                actor=rows[s.actor],
                influence=s.influence,
                stance=s.stance,
                confidence=s.confidence,
                date=s.date,
                provenance=source(s.source_ref),
                note=s.note,
                confidential=s.confidential,
                author=owner,
            )
        seconds = time.perf_counter() - start
        transaction.set_rollback(True)
    records = len(inserted) + min(n_relationships, len(content.relationships)) + len(own)
    return {"records": records, "seconds": seconds, "rate": records / seconds}


def page_urls(slug: str, ego_keys: Sequence[str]) -> dict[str, list[str]]:
    """The pages to time; a page with several URLs rotates over them."""
    base = f"/w/{slug}/"
    urls = {
        "list": [base],
        f"list ?kind={FILTER_KIND.value}": [f"{base}?kind={FILTER_KIND.value}"],
        f"list ?q={SEARCH_TERM}": [f"{base}?q={SEARCH_TERM}"],
        "grid": [f"{base}grid/"],
    }
    for hops in EGO_HOPS:
        urls[ego_page(hops)] = [f"{base}network/data/?ego={k}&hops={hops}" for k in ego_keys]
    return urls


def ego_page(hops: int) -> str:
    return f"network ego hops={hops}"


def time_pages(
    client: Any, urls: dict[str, list[str]], json_bodies: dict[str, Any]
) -> dict[str, Timing]:
    """Time each page through the test client (the full middleware stack).

    The decoded body of each JSON response is kept in `json_bodies` by URL, for the
    baseline to check its answers against.
    """

    def getter(choices: list[str]) -> Callable[[int], int]:
        def get(i: int) -> int:
            url = choices[i % len(choices)]
            response = client.get(url)
            if response.status_code != HTTPStatus.OK:
                raise RuntimeError(f"{url}: HTTP {response.status_code}")
            if response["Content-Type"].startswith("application/json"):
                json_bodies[url] = response.json()
            return len(response.content)

        return get

    timings = {}
    for name, choices in urls.items():
        timings[name] = time_calls(getter(choices))
        log(
            f"  {name}: median {timings[name].median_ms:.1f} ms, "
            f"p95 {timings[name].p95_ms:.1f} ms ({timings[name].samples} requests)"
        )
    return timings


def ego_by_full_scan(viewer: Any, ego_key: str, hops: int) -> tuple[set[str], int]:
    """The naive ego view: every relationship into memory, BFS in Python, then the
    nodes and edges the endpoint would return. Returns (node keys, edge count)."""
    from powermap.store import access

    ego = access.visible_actors(viewer).filter(key=ego_key).values_list("id", flat=True).first()
    neighbours: dict[int, set[int]] = defaultdict(set)
    pairs = access.visible_relationships(viewer).values_list("source_id", "target_id")
    for source, target in pairs:
        neighbours[source].add(target)
        neighbours[target].add(source)
    seen, frontier = {ego}, {ego}
    for _hop in range(hops):
        frontier = {n for node in frontier for n in neighbours[node]} - seen
        seen |= frontier
    nodes = (
        access.visible_actors(viewer)
        .filter(pk__in=seen)
        .values("id", "key", "name", "kind", "stance", "influence", "layout_x", "layout_y")
    )
    edges = access.visible_relationships(viewer).filter(source_id__in=seen, target_id__in=seen)
    edge_rows = list(edges.values("id", "source_id", "target_id", "type", "strength"))
    return {n["key"] for n in nodes}, len(edge_rows)


def time_ego_baseline(
    viewer: Any, urls: dict[str, list[str]], ego_keys: Sequence[str], json_bodies: dict[str, Any]
) -> dict[str, Any]:
    """Time the naive ego view for each number of hops."""
    out = {}
    for hops in EGO_HOPS:
        out[ego_page(hops)] = time_ego_baseline_for(
            viewer, hops, urls[ego_page(hops)], ego_keys, json_bodies
        )
        log(
            f"  baseline {ego_page(hops)}: median {out[ego_page(hops)]['median_ms']:.1f} ms "
            f"(agrees with the endpoint: {out[ego_page(hops)]['agrees']})"
        )
    return out


def time_ego_baseline_for(
    viewer: Any,
    hops: int,
    ego_urls: Sequence[str],
    ego_keys: Sequence[str],
    json_bodies: dict[str, Any],
) -> dict[str, Any]:
    """Time the naive ego view over the same egos as the endpoint, checking each answer
    against the endpoint's JSON for that ego. No warm-up: it reads every row anyway."""
    agreements = []

    def run(i: int) -> int:
        nodes, n_edges = ego_by_full_scan(viewer, ego_keys[i % len(ego_keys)], hops)
        payload = json_bodies.get(ego_urls[i % len(ego_urls)])
        if payload is not None:
            same_nodes = {n["key"] for n in payload["nodes"]} == nodes
            agreements.append(same_nodes and len(payload["edges"]) == n_edges)
        return 0

    timing = time_calls(
        run,
        budget_seconds=BASELINE_EGO_BUDGET_SECONDS,
        warmups=0,
        runs=BASELINE_EGO_RUNS,
        min_runs=BASELINE_EGO_MIN_RUNS,
    )
    return {**asdict(timing), "agrees": bool(agreements) and all(agreements)}


def run_one(size: int, parse_limit: int) -> dict[str, Any]:
    """Build, import and time one size; return the figures as a JSON-able dict."""
    result: dict[str, Any] = {"size": size, "load_before": os.getloadavg()[0]}
    log(f"size {size:,}: building the synthetic workspace")
    content = synthetic_content(size)
    result["records"] = record_count(content)
    if size <= parse_limit:
        text = render_yaml(content)
        start = time.perf_counter()
        parsed = parse_workspace(text, "synthetic.yml", known_reference)
        result["parse_seconds"] = time.perf_counter() - start
        result["yaml_bytes"] = len(text.encode())
        if parsed != content:
            raise RuntimeError("the parsed file differs from the synthetic content")
        content = parsed
        log(
            f"  parsed {result['yaml_bytes'] / 2**20:.1f} MiB of YAML "
            f"in {result['parse_seconds']:.1f} s"
        )
    else:
        result["parse_seconds"] = None
        log(f"  YAML parsing skipped above --parse-limit {parse_limit:,}")
    with tempfile.TemporaryDirectory(prefix="powermap-bench-") as home:
        os.environ["POWERMAP_HOME"] = home
        result.update(measure_in_database(content))
        from django.db import connections

        connections.close_all()
    result["peak_rss_mib"] = peak_rss_mib()
    result["load_after"] = os.getloadavg()[0]
    return result


def measure_in_database(content: WorkspaceContent) -> dict[str, Any]:
    """Import into a fresh encrypted workspace and time the pages (Django set up here)."""
    open_fresh_workspace_database()
    from django.test import Client

    from powermap.domain.vocab import Role
    from powermap.store.access import access_workspace
    from powermap.store.actions.imports import do_import_workspace
    from powermap.store.actions.workspaces import (
        do_create_user,
        do_create_workspace,
        do_set_membership,
    )
    from powermap.store.references import reference_info

    owner = do_create_user(OWNER_USERNAME, secrets.token_urlsafe(16))
    workspace = do_create_workspace(WORKSPACE_NAME, content.name, content.situation)
    do_set_membership(workspace, owner, Role.OWNER)

    baseline = baseline_create_per_row(owner, content, BASELINE_IMPORT_RECORDS)
    log(f"  baseline: {baseline['records']:,} records by create() at {baseline['rate']:,.0f}/s")
    start = time.perf_counter()
    counts = do_import_workspace(workspace, owner, content, reference_info)
    seconds = time.perf_counter() - start
    log(
        f"  imported {counts.records:,} records in {seconds:.1f} s "
        f"({counts.records / seconds:,.0f}/s)"
    )

    # This process still holds the synthetic file's objects (hundreds of thousands); a
    # server would not. Freeze them out of the garbage collector so that page timings are
    # not charged for walking them.
    gc.collect()
    gc.freeze()
    client = Client()
    client.force_login(owner)
    step = max(1, len(content.actors) // EGO_CENTRES)
    ego_keys = [a.id for a in content.actors[::step]][:EGO_CENTRES]
    urls = page_urls(workspace.slug, ego_keys)
    json_bodies: dict[str, Any] = {}
    pages = time_pages(client, urls, json_bodies)
    viewer = access_workspace(owner, workspace.slug)
    return {
        "import_records": counts.records,
        "import_seconds": seconds,
        "import_rate": counts.records / seconds,
        "baseline_import": baseline,
        "pages": {name: asdict(t) for name, t in pages.items()},
        "ego_baseline": time_ego_baseline(viewer, urls, ego_keys, json_bodies),
    }


# --- The parent: run every size, print the report ----------------------------------


def run_size_in_subprocess(size: int, parse_limit: int) -> dict[str, Any]:
    """Run `--one size` in a fresh interpreter; its progress streams to our stderr."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "DATABASE_URL_FILE", "DEBUG")
    }
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--one",
        str(size),
        "--parse-limit",
        str(parse_limit),
    ]
    done = subprocess.run(
        command,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        timeout=CHILD_TIMEOUT_SECONDS,
        check=True,
    )
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith(RESULT_PREFIX)]
    if not lines:
        raise RuntimeError(f"size {size}: the child printed no result")
    return json.loads(lines[-1].removeprefix(RESULT_PREFIX))


def fmt_rate(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}/s"


def fmt_ms(timing: dict[str, Any] | None) -> str:
    if timing is None:
        return "-"
    return f"{timing['median_ms']:.1f} / {timing['p95_ms']:.1f}"


def report_rows(results: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    """The table: one row per figure, one column per size."""
    rows: list[tuple[str, list[str]]] = [
        ("records (actors+rels+assessments)", [f"{r['records']:,}" for r in results]),
        ("YAML parse", [fmt_seconds_rate(r["parse_seconds"], r["records"]) for r in results]),
        (
            "DB import",
            [fmt_seconds_rate(r["import_seconds"], r["import_records"]) for r in results],
        ),
        ("file import (parse + DB)", [fmt_file_rate(r) for r in results]),
        (
            f"baseline: create() per row ({BASELINE_IMPORT_RECORDS:,})",
            [fmt_rate(r["baseline_import"]["rate"]) for r in results],
        ),
        (
            "import speed-up over baseline",
            [f"{r['import_rate'] / r['baseline_import']['rate']:.1f}x" for r in results],
        ),
    ]
    for name in results[0]["pages"]:
        rows.append((f"{name}: median / p95 ms", [fmt_ms(r["pages"].get(name)) for r in results]))
        if name in results[0]["ego_baseline"]:
            rows.append(
                (
                    "  baseline load-all + BFS: median ms",
                    [f"{r['ego_baseline'][name]['median_ms']:.1f}" for r in results],
                )
            )
            rows.append(("  speed-up over baseline (medians)", [speedup(r, name) for r in results]))
    rows.append(
        ("grid page size", [f"{r['pages']['grid']['bytes'] / 2**10:,.0f} KiB" for r in results])
    )
    rows.append(("peak RSS", [f"{r['peak_rss_mib']:,.0f} MiB" for r in results]))
    rows.append(
        (
            "load average before -> after",  # other work on the machine skews every figure
            [f"{r['load_before']:.1f} -> {r['load_after']:.1f}" for r in results],
        )
    )
    return rows


def fmt_seconds_rate(seconds: float | None, records: int) -> str:
    if seconds is None:
        return "skipped"
    return f"{seconds:.1f} s, {records / seconds:,.0f}/s"


def fmt_file_rate(result: dict[str, Any]) -> str:
    if result["parse_seconds"] is None:
        return "skipped"
    return fmt_rate(result["records"] / (result["parse_seconds"] + result["import_seconds"]))


def speedup(result: dict[str, Any], name: str) -> str:
    baseline = result["ego_baseline"][name]
    agree = "" if baseline["agrees"] else " (DISAGREES)"
    return f"{baseline['median_ms'] / result['pages'][name]['median_ms']:.1f}x{agree}"


def target_rows(results: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(target, measured, PASS/MISS/not run) for each of the issue's targets."""
    by_size = {r["size"]: r for r in results}
    rows = []
    for r in results:
        rate = r["import_rate"]
        verdict = "PASS" if rate >= TARGET_IMPORT_RATE else "MISS"
        rows.append(
            (
                f"DB import >= {TARGET_IMPORT_RATE:,} records/s at {r['size']:,} actors",
                fmt_rate(rate),
                verdict,
            )
        )
    page_names = [n for n in results[0]["pages"] if not n.startswith("network")]
    checks = [(n, TARGET_PAGE_SIZE, TARGET_PAGE_P95_MS) for n in page_names]
    checks += [(ego_page(h), TARGET_EGO_SIZE, TARGET_EGO_P95_MS) for h in EGO_HOPS]
    for name, size, limit in checks:
        label = f"{name} p95 < {limit} ms at {size:,} actors"
        result = by_size.get(size)
        if result is None:
            rows.append((label, "not run", "N/A"))
            continue
        p95 = result["pages"][name]["p95_ms"]
        rows.append((label, f"{p95:.1f} ms", "PASS" if p95 < limit else "MISS"))
    return rows


def print_report(results: list[dict[str, Any]]) -> None:
    sizes = [f"{r['size']:,} actors" for r in results]
    table = report_rows(results)
    first = max(len(label) for label, _ in table)
    widths = [max(len(s), *(len(cells[i]) for _, cells in table)) for i, s in enumerate(sizes)]
    print(
        f"\npowermap map scale: Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"SQLCipher workspace, {RELATIONSHIPS_PER_ACTOR} relationships and 1 assessment "
        f"per actor\n"
    )
    print(" " * first + "  " + "  ".join(s.rjust(w) for s, w in zip(sizes, widths, strict=True)))
    for label, cells in table:
        joined = "  ".join(c.rjust(w) for c, w in zip(cells, widths, strict=True))
        print(f"{label.ljust(first)}  {joined}")
    targets = target_rows(results)
    first = max(len(t[0]) for t in targets)
    print("\nTargets from the issue")
    for label, measured, verdict in targets:
        print(f"  {label.ljust(first)}  {measured.rjust(12)}  {verdict}")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=",".join(str(s) for s in DEFAULT_SIZES),
        help="comma-separated actor counts (default: %(default)s)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"only {', '.join(f'{s:,}' for s in QUICK_SIZES)} actors",
    )
    parser.add_argument(
        "--parse-limit",
        type=int,
        default=DEFAULT_PARSE_LIMIT,
        help="time YAML parsing only up to this many actors (default: %(default)s)",
    )
    parser.add_argument("--json", type=Path, help="also write the raw figures to this file")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: one size
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.one is not None:
        print(RESULT_PREFIX + json.dumps(run_one(args.one, args.parse_limit)), flush=True)
        return 0
    sizes = QUICK_SIZES if args.quick else tuple(int(s) for s in args.sizes.split(","))
    start = time.perf_counter()
    results = [run_size_in_subprocess(size, args.parse_limit) for size in sizes]
    print_report(results)
    print(f"\nTotal time {time.perf_counter() - start:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
