"""axe-core finds no accessibility violation on any page."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

MAX_TARGETS = 25  # per rule and page, in the failure message


def test_axe_finds_no_violations(pages, http_url, new_context, axe_source):
    # the pages carry a Content-Security-Policy that would block the injected axe script
    page = new_context(bypass_csp=True).new_page()
    found = {}
    for name in pages:
        page.goto(http_url + name, wait_until="load")
        page.add_script_tag(path=str(axe_source))
        violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
            .violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                   targets: v.nodes.map(n => n.target.join(' '))}))""")
        if violations:
            found[name] = violations
    lines = []
    for name, violations in found.items():
        lines.append(f"{name}: {sum(len(v['targets']) for v in violations)} node(s) in {len(violations)} rule(s)")
        for v in violations:
            shown = ", ".join(v["targets"][:MAX_TARGETS])
            more = f" … and {len(v['targets']) - MAX_TARGETS} more" if len(v["targets"]) > MAX_TARGETS else ""
            lines.append(f"    {v['id']} [{v['impact']}] {v['help']} ({len(v['targets'])}): {shown}{more}")
    assert not found, f"axe-core violations on {len(found)} of {len(pages)} pages:\n" + "\n".join(lines)
