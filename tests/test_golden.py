"""Golden tests of the XSLT: tests/cases/NAME.xml -> tests/cases/NAME.html.

After a change deemed correct, regenerate with `UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`.
On a failure the actual output is kept in tests/actual/ for diffing.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from edition.sources import Document, secure_parser
from conftest import make_transformer

CASES = Path(__file__).parent / "cases"
ACTUAL = Path(__file__).parent / "actual"


@pytest.fixture(scope="module")
def transformer(project):
    return make_transformer(project)


def _render(transformer, case: Path) -> tuple[str, list[str]]:
    doc = Document(case, etree.parse(str(case), secure_parser()))
    fragment, problems = transformer.transform(doc, doc.root.get("{http://www.w3.org/XML/1998/namespace}id", ""))
    return etree.tostring(fragment.root, method="html", encoding="unicode") + "\n", [
        f"{p.line}: {p.message}" for p in problems]


@pytest.mark.parametrize("case", sorted(CASES.glob("*.xml")), ids=lambda p: p.stem)
def test_golden(transformer, case):
    actual, _ = _render(transformer, case)
    expected_path = case.with_suffix(".html")
    if os.environ.get("UPDATE_GOLDEN"):
        expected_path.write_text(actual, encoding="utf-8")
    expected = expected_path.read_text(encoding="utf-8")
    if actual != expected:
        ACTUAL.mkdir(exist_ok=True)
        (ACTUAL / expected_path.name).write_text(actual, encoding="utf-8")
    assert actual == expected, f"see tests/actual/{expected_path.name}"


def test_unmapped_element_keeps_its_text_and_is_reported(transformer):
    actual, messages = _render(transformer, CASES / "structure-and-notes.xml")
    assert '<span class="tei-unknownThing">باقی</span>' in actual
    assert messages == ["14: unmapped element <unknownThing>: its text is kept in a span"]
    case = CASES / "structure-and-notes.xml"
    _, problems = transformer.transform(Document(case, etree.parse(str(case), secure_parser())), "case")
    assert [(p.rule, p.severity) for p in problems] == [("xslt-message", "warning")]


def test_markup_characters_come_out_escaped(transformer):
    actual, _ = _render(transformer, CASES / "names-and-dates.xml")
    assert "&amp; " in actual and "&lt;ok&gt;" in actual
