"""The authority data: enough entries, consistent links, no ambiguous names."""

from __future__ import annotations

from collections import defaultdict

from instrumap.extract.resolve.meetings import series_meeting
from instrumap.ontology.authorities import authority, normalize_name


def test_covers_core_instruments() -> None:
    data = authority()
    instruments = [e for e in data.entries.values() if e.collection == "instrument"]
    assert len(instruments) >= 80
    for name in ("Charter of the United Nations", "Universal Declaration of Human Rights",
                 "International Covenant on Civil and Political Rights", "Convention on the Rights of the Child",
                 "United Nations Convention on the Law of the Sea", "Paris Agreement", "United Nations Millennium Declaration",
                 "United Nations Convention against Corruption", "Convention on the Prevention and Punishment of the Crime of Genocide"):  # fmt: skip
        assert data.lookup(name, ("instrument",)), name
    assert data.lookup("巴勒莫公约")[0].id == data.lookup("Palermo Convention")[0].id


def test_links_point_to_existing_entries() -> None:
    data = authority()
    for entry in data.entries.values():
        parent = entry.fact("supplements")
        assert not parent or data.get(parent) is not None, entry.id
    assert [p.id for p in data.supplementing("untoc")] == [
        "untoc-trafficking-protocol",
        "untoc-smuggling-protocol",
        "untoc-firearms-protocol",
    ]


def test_no_name_means_two_entries_of_one_collection() -> None:
    data = authority()
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for entry in data.entries.values():
        for _, name in entry.names():
            if "{" not in name:
                seen[(entry.collection, normalize_name(name))].add(entry.id)
    assert {k: ids for k, ids in seen.items() if len(ids) > 1} == {}


def test_numbered_meeting_of_a_series_gets_a_label_in_each_language() -> None:
    entry = series_meeting(authority(), "United Nations Congress on Crime Prevention and Criminal Justice", 13)
    assert entry is not None and entry.labels["en"].startswith("Thirteenth United Nations Congress")
