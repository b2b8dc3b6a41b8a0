"""A tiny, valid knowledge base written into tmp_path, for tests to break on purpose."""

import textwrap
from dataclasses import dataclass
from pathlib import Path

SOURCE = """\
  - url: https://example.org/source
    title: A test source
    publisher: Test publisher
    accessed: 2026-11-01
"""

DEFAULTS = f"""\
defaults:
  as_of: 2026-11-01
  sources:
{SOURCE}"""

FILES: dict[str, str] = {
    "states/states.yml": f"""\
kind: state
{DEFAULTS}records:
  - id: DE
    name: {{en: Germany, fr: Allemagne}}
    un_member: true
    un_member_since: 1973-09-18
    regional_group: WEOG
  - id: FR
    name: {{en: France}}
    un_member: true
    un_member_since: 1945-10-24
    regional_group: WEOG
  - id: GH
    name: {{en: Ghana}}
    un_member: true
    un_member_since: 1957-03-08
    regional_group: African
  - id: BI
    name: {{en: Burundi}}
    un_member: true
    un_member_since: 1962-09-18
    regional_group: African
  - id: "NO"
    name: {{en: Norway}}
    un_member: true
    un_member_since: 1945-11-27
    regional_group: WEOG
  - id: VA
    name: {{en: Holy See}}
    un_member: false
    un_member_since: null
    regional_group: null
    note: An observer state in no regional group.
""",
    "organisations/eu.yml": f"""\
kind: organisation
{DEFAULTS}records:
  - id: eu
    name: {{en: European Union}}
    description: A union of European states.
    members:
      - {{state: DE, since: 1958-01-01}}
      - {{state: FR, since: 1958-01-01}}
""",
    "treaties/rome_statute.yml": f"""\
kind: treaty
{DEFAULTS}records:
  - id: rome_statute
    name: {{en: Rome Statute of the International Criminal Court}}
    description: Founds the ICC.
    adopted: 1998-07-17
    in_force: 2002-07-01
    participants:
      - {{state: DE, status: party, signed: 1998-12-10, date: 2000-12-11}}
      - {{state: FR, status: party, signed: 1998-07-18, date: 2000-06-09}}
      - state: BI
        status: withdrawn
        signed: 1999-01-13
        date: 2004-09-21
        withdrawal_notified: 2016-10-27
        withdrawal_effective: 2017-10-27
""",
    "treaties/cat.yml": f"""\
kind: treaty
{DEFAULTS}records:
  - id: cat
    name: {{en: Convention against Torture}}
    description: Prohibits torture.
    adopted: 1984-12-10
    in_force: 1987-06-26
    participants:
      - {{state: DE, status: party, date: 1990-10-01, declarations: [art_21, art_22]}}
""",
    "bodies/bodies.yml": f"""\
kind: body
{DEFAULTS}records:
  - id: unga
    name: {{en: UN General Assembly}}
    description: All UN members.
    actor_kind: igo_organ
    decision_rule: simple_majority_present_voting
  - id: hrc
    name: {{en: Human Rights Council}}
    description: 47 elected states.
    actor_kind: igo_organ
    parent: unga
    decision_rule: simple_majority_present_voting
    size: 47
    members:
      - {{state: GH, term_start: 2024-01-01, term_end: 2026-12-31}}
      - {{state: DE, term_start: 2025-01-01, term_end: 2027-12-31}}
      - {{state: FR, term_start: 2021-01-01, term_end: 2023-12-31}}
  - id: unsc
    name: {{en: UN Security Council}}
    description: Fifteen members.
    actor_kind: igo_organ
    decision_rule: nine_votes_no_p5_veto
    size: 15
    members:
      - {{state: FR, permanent: true, term_start: null, term_end: null}}
  - id: eu_council
    name: {{en: Council of the EU}}
    description: EU ministers.
    actor_kind: igo_organ
    decision_rule: unanimity
    members_from: eu
""",
    "mechanisms/iiim.yml": f"""\
kind: mechanism
{DEFAULTS}records:
  - id: iiim
    name: {{en: IIIM}}
    description: Syria mechanism.
    mechanism_type: investigative_mechanism
    created_by: unga
    instrument: A/RES/71/248
    date: 2016-12-21
    situation: [FR]
    crimes: [war_crimes]
    mandate: Builds case files.
    shares_evidence: true
    victim_roles: [witness]
""",
    "sanctions/eu_global.yml": f"""\
kind: sanctions_regime
{DEFAULTS}records:
  - id: eu_global_human_rights
    name: {{en: EU Global Human Rights Sanctions Regime}}
    description: Targets serious human rights violations.
    jurisdiction: eu
    instrument: Council Regulation (EU) 2020/1998
    deciding_authority: Council of the EU
    decision_rule: unanimity
    grounds: [genocide, torture]
""",
    "jurisdictions/DE.yml": f"""\
kind: jurisdiction
{DEFAULTS}records:
  - id: DE
    crimes: [genocide, war_crimes]
    legal_basis: Code of Crimes against International Law
    universal: [{{crimes: [genocide], link: none}}]
    active_nationality: true
    passive_personality: true
""",
    "ask_kinds/referral.yml": f"""\
kind: ask_kind
{DEFAULTS}records:
  - id: referral
    name: {{en: Referral}}
    description: Ask for a referral.
    size: large
    deciders: [hrc, "kind:state"]
    decision_rule: varies
    moments: [day-victims-of-torture]
    precedents: [{{name: A precedent, year: 2005, mechanism: iiim}}]
    steps:
      - {{id: draft, title: Draft}}
      - {{id: lobby, title: Lobby, depends_on: [draft]}}
      - {{id: vote, title: Vote, depends_on: [lobby, draft]}}
""",
    "arguments/treaty_duty.yml": f"""\
kind: argument
{DEFAULTS}records:
  - id: treaty_duty
    title: You signed up to this
    argument_kind: legal_obligation
    text: "{{actor}} is a party."
    applies_when: [{{treaty: rome_statute, status: party}}]
    ask_kinds: [referral]
""",
    "calendar/days.yml": f"""\
kind: moment
{DEFAULTS}records:
  - id: day-victims-of-torture
    name: {{en: International Day in Support of Victims of Torture}}
    description: 26 June.
    body: unga
    recurrence: yearly
    month: 6
    day: 26
    ask_kinds: [referral]
""",
}


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first line containing `needle`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")


@dataclass
class Tree:
    """A knowledge data folder in tmp_path."""

    root: Path

    def write(self, rel: str, text: str) -> str:
        """Write (or overwrite) one file; returns the dedented text."""
        text = textwrap.dedent(text)
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return text

    def replace(self, rel: str, old: str, new: str) -> str:
        """Edit one file of the tree; returns the new text."""
        text = (self.root / rel).read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        return self.write(rel, text.replace(old, new, 1))
