"""The word comparison behind the `fidelity` rule."""
from edition.fidelity import words

# Source 002 breaks "el-lerinde" at the foot of a page: the footnotes come between the two
# halves, and the body resumes on a line that begins with a space.
PAGE_FOOT = "Araştırmacılarımızın el-\n\n2 Abdulla Şamsutdinov, Turetskaya\n3 Yeremeyev, 1918-\n\n1939 yılları.\n lerinde bulunan"


def test_a_word_broken_at_the_foot_of_a_page_is_joined_across_its_footnotes():
    found = words(PAGE_FOOT)
    assert found["ellerinde"] == 1
    assert found["el2"] == 0 and found["2"] == 1
    # the footnote's own line-end hyphen still joins as before
    assert found["19181939"] == 1


def test_a_hyphen_across_a_blank_line_inside_a_paragraph_still_joins():
    assert words("ar-\n\nşiv belgelerine")["arşiv"] == 1


def test_words_are_counted_without_case_or_hyphens():
    assert words("Türk-Sovyet türksovyet") == {"türksovyet": 2}
