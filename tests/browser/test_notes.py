"""Every note button opens its popover, visible inside the viewport, when really clicked; Escape closes it.

Each button is clicked with the mouse (a trusted click at its centre, after it is scrolled into view);
what can be read without input is checked in page.evaluate, two round trips per button.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# note calls; not the close buttons inside the popovers (popovertargetaction="hide")
BUTTONS = "button[popovertarget]:not([popovertargetaction=hide])"

# A label for each button: its id, with its position when the id is not unique.
LABELS = """(selector) => {
  const buttons = [...document.querySelectorAll(selector)];
  return buttons.map((b, i) => {
    if (!b.id) return `button ${i + 1} (popovertarget="${b.getAttribute('popovertarget')}", no id)`;
    const same = buttons.filter(o => o.id === b.id);
    return same.length > 1 ? `${b.id} (${same.indexOf(b) + 1} of ${same.length} with this id)` : b.id;
  });
}"""

# After Escape: did the previous button's popover close? (Then every popover is closed, so that none
# covers the next button.) Then brings button i into view if it is not well in view, opening the
# <details> around it as a reader would, waits until it stops moving (the page shifts the columns after
# a scroll), and says where to click it.
CLOSED_THEN_AIM = """async ([selector, previous, i]) => {
  const frame = () => new Promise(done => requestAnimationFrame(done));
  const buttons = document.querySelectorAll(selector);
  const popover = b => document.getElementById(b.getAttribute('popovertarget'));
  let closed = null;
  if (previous !== null) {
    const target = popover(buttons[previous]);
    closed = !(target && target.matches(':popover-open'));
    document.querySelectorAll(':popover-open').forEach(p => p.hidePopover());
  }
  if (i === null) return {closed};
  const button = buttons[i];
  for (let d = button.closest('details:not([open])'); d; d = d.parentElement.closest('details:not([open])')) d.open = true;
  let r = button.getBoundingClientRect();
  const w = document.documentElement.clientWidth, h = document.documentElement.clientHeight;
  // the transitions the page runs (cells shifting into step) are played to their end at once
  const settle = () => document.getAnimations().forEach(a => { try { a.finish(); } catch (e) {} });
  settle();
  r = button.getBoundingClientRect();
  if (r.top < h * .15 || r.bottom > h * .85 || r.left < 0 || r.right > w) {  // not well in view yet
    button.scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'});
    r = button.getBoundingClientRect();
    let still = 0;
    for (let f = 0; f < 120 && still < 2; f++) {  // at most two seconds
      await frame();
      settle();
      const now = button.getBoundingClientRect();
      still = ['left', 'top', 'width', 'height'].every(k => now[k] === r[k]) ? still + 1 : 0;
      r = now;
    }
    if (still < 2) return {closed, error: 'the button keeps moving'};
  }
  if (!r.width || !r.height) return {closed, error: 'the button is not displayed'};
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  const hit = document.elementFromPoint(x, y);
  if (!hit || !(button === hit || button.contains(hit)))
    return {closed, error: 'the button is covered by ' + (hit ? hit.outerHTML.slice(0, 80) : 'nothing')};
  return {closed, x, y};
}"""

# After the click: is the popover open, displayed, on top and wholly inside the viewport?
OPENED = """async ([selector, i]) => {
  const frame = () => new Promise(done => requestAnimationFrame(done));
  await frame();  // the page's scripts place the popover on its toggle event
  const id = document.querySelectorAll(selector)[i].getAttribute('popovertarget');
  const target = document.getElementById(id);
  const open = !!target && target.matches(':popover-open');
  const problem = (() => {
    if (!target) return 'no element has id="' + id + '"';
    if (!target.hasAttribute('popover')) return '#' + id + ' has no popover attribute';
    if (!open) return 'the popover #' + id + ' did not open';
    const r = target.getBoundingClientRect(), style = getComputedStyle(target);
    if (!r.width || !r.height || style.visibility !== 'visible' || style.opacity === '0')
      return 'the popover #' + id + ' is open but not displayed';
    const w = document.documentElement.clientWidth, h = document.documentElement.clientHeight;
    if (r.left < -1 || r.top < -1 || r.right > w + 1 || r.bottom > h + 1)
      return `the popover #${id} overflows the ${w}×${h} viewport: left ${Math.round(r.left)}, ` +
             `top ${Math.round(r.top)}, right ${Math.round(r.right)}, bottom ${Math.round(r.bottom)}`;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!hit || !(hit === target || target.contains(hit))) return 'the popover #' + id + ' is hidden under another element';
    return null;
  })();
  return {open, problem};
}"""


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_note_button_opens_its_popover(size, pages, http_url, new_context):
    page = new_context(size).new_page()
    dead: dict[str, list[str]] = {}
    clicked = 0
    for name in pages:
        page.goto(http_url + name, wait_until="load")
        labels = page.evaluate(LABELS, BUTTONS)
        escaped = None  # the button whose popover Escape should have closed
        for i in [*range(len(labels)), None]:
            aim = page.evaluate(CLOSED_THEN_AIM, [BUTTONS, escaped, i])
            if escaped is not None and not aim["closed"]:
                dead.setdefault(name, []).append(f"{labels[escaped]}: Escape did not close its popover")
            escaped = None
            if i is None:
                break
            if "error" in aim:
                dead.setdefault(name, []).append(f"{labels[i]}: {aim['error']}")
                continue
            page.mouse.click(aim["x"], aim["y"])
            clicked += 1
            opened = page.evaluate(OPENED, [BUTTONS, i])
            if opened["problem"]:
                dead.setdefault(name, []).append(f"{labels[i]}: {opened['problem']}")
            if opened["open"]:
                page.keyboard.press("Escape")
                escaped = i
    assert clicked or dead, f"no note button ({BUTTONS}) on any of the {len(pages)} pages"
    report = "\n".join(f"{name}: {len(items)} dead note button(s)\n" + "\n".join(f"    {item}" for item in items)
                       for name, items in dead.items())
    assert not dead, f"at {size} size, {sum(map(len, dead.values()))} note button problem(s) on {len(dead)} page(s) " \
                     f"({clicked} clicked):\n{report}"
