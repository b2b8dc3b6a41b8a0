"""The power grid (server-rendered SVG) and the network data."""

from __future__ import annotations

import json

from django.test import Client

from powermap.store.models import Actor


def test_it_draws_one_dot_per_placed_actor(alice: Client, slug: str) -> None:
    page = alice.get(f"/w/{slug}/grid/").content.decode()
    placed = Actor.objects.filter(stance__isnull=False, influence__isnull=False).count()
    assert page.count('class="dot"') == placed > 10
    assert f'href="/w/{slug}/actors/state:CN/"' in page
    assert "<table>" in page and "<caption>" in page  # the screen-reader equivalent


def test_it_filters_the_grid(alice: Client, slug: str) -> None:
    page = alice.get(f"/w/{slug}/grid/?kind=state").content.decode()
    assert 'data-key="state:CN"' in page and 'data-key="brouk"' not in page


def test_it_sends_network_data_with_stance_and_influence(alice: Client, slug: str) -> None:
    data = json.loads(alice.get(f"/w/{slug}/network/data/").content)
    by_key = {n["key"]: n for n in data["nodes"]}
    assert by_key["state:CN"]["stance"] == -1 and by_key["state:CN"]["influence"] == 5
    ids = {n["id"] for n in data["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in data["edges"])


def test_it_draws_an_ego_view(alice: Client, slug: str) -> None:
    one = json.loads(alice.get(f"/w/{slug}/network/data/?ego=uk-desk&hops=1").content)
    assert {n["key"] for n in one["nodes"]} == {"uk-desk", "brouk", "state:GB"}
    two = json.loads(alice.get(f"/w/{slug}/network/data/?ego=uk-desk&hops=2").content)
    assert "survivors" in {n["key"] for n in two["nodes"]}


def test_it_keeps_the_highlighted_path_through_the_filters(alice: Client, slug: str) -> None:
    page = alice.get(f"/w/{slug}/network/?ego=uk-desk&hops=2&path=survivors,brouk,uk-desk")
    html = page.content.decode()
    assert '<input type="hidden" name="path" value="survivors,brouk,uk-desk">' in html
    assert "survivors → brouk → uk-desk" in html
    assert 'href="?ego=uk-desk&amp;hops=2"' in html  # the way back, filters kept
    assert 'name="path"' not in alice.get(f"/w/{slug}/network/?ego=uk-desk").content.decode()


def test_it_saves_dragged_positions(bob: Client, carol: Client, slug: str) -> None:
    actor = Actor.objects.get(key="brouk")
    url = f"/w/{slug}/network/positions/"
    body = json.dumps({"positions": {f"a{actor.pk}": [10.5, -3]}})
    assert carol.post(url, body, content_type="application/json").status_code == 403
    assert bob.post(url, body, content_type="application/json").json() == {"saved": 1}
    actor.refresh_from_db()
    assert (actor.layout_x, actor.layout_y) == (10.5, -3)
    assert bob.post(url, "{", content_type="application/json").status_code == 400


def test_it_serves_the_table_of_a_large_grid_as_its_own_page(alice: Client, slug: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("powermap.web.views.grid.TABLE_INLINE_LIMIT", 3)
    grid = alice.get(f"/w/{slug}/grid/?kind=state").content.decode()
    assert 'class="dot"' in grid and "<caption>" not in grid and "view=table" in grid
    table = alice.get(f"/w/{slug}/grid/?kind=state&view=table").content.decode()
    assert "<caption>" in table and 'class="dot"' not in table
    assert f'href="/w/{slug}/actors/state:CN/"' in table


def test_it_counts_actors_per_cell_on_a_very_large_map(alice: Client, slug: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    placed = Actor.objects.filter(stance__isnull=False, influence__isnull=False)
    monkeypatch.setattr("powermap.web.views.grid.DOT_LIMIT", placed.count() - 1)
    page = alice.get(f"/w/{slug}/grid/").content.decode()
    assert 'class="dot"' not in page and 'class="power-grid counts"' in page
    china = placed.get(key="state:CN")
    same_cell = placed.filter(stance=china.stance, influence=china.influence).count()
    assert f'data-cell="{china.stance},{china.influence}"' in page
    assert f">{same_cell}</text></g>" in page
    assert "view=table" in page  # every actor is still one click away
    filtered = alice.get(f"/w/{slug}/grid/?kind=state&influence=5").content.decode()
    assert 'class="dot"' in filtered  # a filter small enough brings the dots back
