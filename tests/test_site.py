"""Invariants over the real edition and the site built from it."""
from __future__ import annotations

import os
import re
import subprocess
from collections import Counter
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree, html

from conftest import ROOT, TEXT, copy_project, tree_digest
from edition.build import build, check
from edition.fidelity import compare, diplomatic_text
from edition.index import TextIndex, TextIndexes, build_index
from edition.model import BLOCK_OR_SENTENCE, KIND_BY_PREFIX, mentions_path, passage_label, text_path
from edition.registers import load_registry
from edition.sources import NS, XML_NS, Document, load_corpus



def test_edition_validates(project):
    assert check(project) == []


def test_every_text_keeps_every_word_of_its_transcription(project):
    corpus, _ = load_corpus(project)
    assert corpus.texts
    for doc in corpus.texts:
        name = doc.root.findtext(".//tei:sourceDesc//tei:idno[@type='transcription']", namespaces=NS).strip()
        transcription = (project.transcriptions_dir / name).read_text(encoding="utf-8")
        original = doc.root.find(".//tei:text[@type='original']", NS)
        missing, added = compare(diplomatic_text(original), transcription)
        assert not missing and not added, (doc.path.name, missing, added)


def test_urdu_original_reproduces_the_transcription_line_by_line(project):
    """Stronger than the word count: each paragraph is its transcription line, character for character."""
    corpus, _ = load_corpus(project)
    doc = next(d for d in corpus.texts if d.path.stem == "historymaps")
    lines = (project.transcriptions_dir / "000_5e8a9b0d99c23e07.txt").read_text(encoding="utf-8").split("\n")
    paragraphs = doc.root.xpath("//tei:text[@type='original']//tei:p", namespaces=NS)
    assert ["".join(p.itertext()) for p in paragraphs] == [line for line in lines if line.strip()]


def test_every_original_block_and_sentence_has_a_counterpart(project):
    corpus, _ = load_corpus(project)
    for doc in corpus.texts:
        original = doc.root.find(".//tei:text[@type='original']", NS)
        translation = doc.root.find(".//tei:text[@type='translation']", NS)
        pointed = {token[1:] for e in translation.iter() for token in (e.get("corresp") or "").split()
                   if token.startswith("#")}
        for xpath in BLOCK_OR_SENTENCE.split("|"):
            for element in original.xpath(f".//{xpath.strip()}", namespaces=NS):
                xml_id = element.get(f"{{{XML_NS}}}id")
                # what the source gives in English is shown once and has no counterpart
                english = element.xpath("string(ancestor-or-self::*[@xml:lang][1]/@xml:lang)") == "en"
                assert xml_id and (xml_id in pointed) != english, (doc.path.name, element.sourceline)
        original_ids = {e.get(f"{{{XML_NS}}}id") for e in original.iter() if e.get(f"{{{XML_NS}}}id")}
        assert pointed <= original_ids


def _pages(site: Path) -> dict[str, etree._Element]:
    return {p.relative_to(site).as_posix(): html.parse(str(p)).getroot() for p in sorted(site.rglob("*.html"))}


def test_no_broken_internal_link(built_site):
    pages = _pages(built_site)
    ids = {name: set(root.xpath("//@id")) for name, root in pages.items()}
    broken = []
    for name, root in pages.items():
        for attr in root.xpath("//a/@href | //link/@href | //script/@src"):
            parts = urlsplit(attr)
            if parts.scheme or attr.startswith("//"):
                continue  # external
            target = (built_site / name).parent / unquote(parts.path) if parts.path else built_site / name
            target_name = target.resolve().relative_to(built_site.resolve()).as_posix()
            if not target.is_file():
                broken.append((name, attr))
            elif parts.fragment and parts.fragment not in ids.get(target_name, set()):
                broken.append((name, attr))
    assert not broken
    assert sum(len(root.xpath("//a/@href")) for root in pages.values()) > 300


def test_the_index_kept_between_builds_is_the_index_made_from_nothing(scratch):
    """edition serve keeps each text's share of the index while its file is unchanged: the index it
    combines is, after every edit, the one made from nothing."""
    kept = TextIndexes()

    def contents(index) -> tuple:
        return index.mentions, index.chronology, index.events_with_passages()

    def both() -> tuple:
        corpus, _ = load_corpus(scratch)
        registry = load_registry(corpus)
        return contents(build_index(corpus, registry, kept)), contents(build_index(corpus, registry))

    reused, fresh = both()
    assert reused == fresh and kept.made == 5
    reused, fresh = both()
    assert reused == fresh and kept.made == 0
    path = scratch.root / TEXT
    path.write_text(path.read_text(encoding="utf-8").replace('ref="place:italy">Italy', 'ref="place:france">Italy', 1),
                    encoding="utf-8")
    reused, fresh = both()
    assert kept.made == 1 and reused == fresh
    assert any(o.siglum == "historymaps" and o.form == "Italy" for o in reused[0]["place:france"])


def test_the_texts_naming_an_entry_are_those_of_its_occurrences_in_their_own_words(project):
    """Which texts name an entry is known before the occurrences are gathered (TextIndex.named, so that
    a reading page is made without the snippets): it is what the occurrences say, the editors' notes
    left out."""
    corpus, _ = load_corpus(project)
    registry = load_registry(corpus)
    index = build_index(corpus, registry)
    events = index.events_with_passages()
    for key in [*registry, "person:nobody"]:
        own = list(dict.fromkeys(o.siglum for o in index.of(key) if not o.editors))
        assert index.texts_naming(key) == own, key
    assert events == {key for key in index.mentions if index.has_passages(key)} and len(events) > 5


def test_every_index_occurrence_links_to_an_existing_anchor(project, built_site):
    corpus, _ = load_corpus(project)
    index = build_index(corpus, load_registry(corpus))
    occurrences = [o for found in index.mentions.values() for o in found]
    tokens = sum(len(ref.split()) for doc in corpus.texts
                 for ref in doc.root.xpath("tei:text//@ref | tei:text//tei:bibl/@corresp", namespaces=NS))
    assert len(occurrences) == tokens
    pages = _pages(built_site)
    # the ids of each text page, collected once (an XPath per occurrence took minutes)
    ids = {name: set(page.xpath("//@id")) for name, page in pages.items() if name.startswith("texts/")}
    missing = [o for o in occurrences if o.anchor not in ids[f"texts/{o.siglum}.html"]]
    assert missing == []


def test_every_register_entry_has_a_page_anchor(project, built_site):
    corpus, _ = load_corpus(project)
    pages = _pages(built_site)
    for entry in load_registry(corpus).values():
        assert pages[KIND_BY_PREFIX[entry.prefix].page].xpath("//*[@id=$id]", id=entry.id), entry.key


def test_text_blocks_carry_lang_and_dir(built_site):
    page = html.parse(str(built_site / "texts/historymaps.html")).getroot()
    blocks = page.xpath("//*[@data-block]")
    assert len(blocks) == 10
    for block in blocks:
        assert block.get("lang") in ("ur", "en") and block.get("dir") in ("rtl", "ltr")
    assert all(b.get("dir") == "rtl" for b in blocks if b.get("lang") == "ur")
    assert page.xpath("count(//div[contains(@class,'cell original')][@dir='rtl'])") == 5


# Whether the pages are valid HTML is the W3C Nu checker's to say (tests/browser/test_nu.py):
# lxml's HTML parser, which an earlier test here used, repairs anything and could not fail.


def test_every_id_is_unique_on_every_page(built_site):
    """Regression: notes inside translated footnotes were written twice (42 duplicate ids)."""
    for name, root in _pages(built_site).items():
        ids = root.xpath("//@id")
        assert len(ids) == len(set(ids)), (name, sorted({i for i in ids if ids.count(i) > 1})[:5])


def test_every_note_button_has_its_popover(built_site):
    """Regression: 21 note buttons opened nothing, their popover id being used twice."""
    for name, root in _pages(built_site).items():
        ids = set(root.xpath("//@id"))
        targets = root.xpath("//button/@popovertarget")
        assert all(t in ids for t in targets), name
        if name.startswith("texts/"):
            assert targets, name


def test_the_number_a_page_shows_is_the_anchor_it_links_to(built_site, project):
    """Regression: ¶13 of kafkas-seddi linked to #kafkas-seddi-p8; the label is now the id's."""
    corpus, _ = load_corpus(project)
    for doc in corpus.texts:
        siglum = corpus.siglum(doc)
        page = html.parse(str(built_site / text_path(siglum))).getroot()
        numbers = page.xpath("//section[contains(@class, 'row')]/a[@class='num']")
        assert numbers, siglum
        for a in numbers:
            anchor = a.get("href")[1:]
            assert a.text_content() == passage_label(siglum, anchor), (siglum, anchor, a.text_content())
            paragraph = re.fullmatch(rf"{siglum}-p(\d+)", anchor)
            if paragraph:
                assert a.text_content() == "¶" + paragraph.group(1), (siglum, anchor)
        paragraphs = [a.text_content() for a in numbers if a.text_content().startswith("¶")]
        assert len(paragraphs) == len(set(paragraphs)), siglum


def test_index_cites_passages_as_the_page_numbers_them(built_site):
    links = [link for path in sorted((built_site / "index/events").glob("*.html"))
             for link in html.parse(str(path)).getroot().xpath("//a[@class='occ-link']")]
    assert len(links) > 500
    for link in links:
        siglum_anchor = link.get("href").rsplit("/", 1)[1]
        siglum, anchor = siglum_anchor.split(".html#")
        assert passage_label(siglum, anchor) in link.text_content(), link.text_content()
        assert anchor not in link.text_content()  # not the raw id


def test_two_builds_are_byte_identical(project, built_site, tmp_path):
    """A second build in the same process (what the process keeps, compiled templates among it, changes nothing)."""
    build(project, tmp_path / "again")
    assert tree_digest(tmp_path / "again") == tree_digest(built_site)


def test_two_build_processes_are_byte_identical(built_site, tmp_path):
    """Separate processes with different hash seeds (this one's is random): no set or dict order leaks into the site."""
    result = subprocess.run([sys.executable, "-m", "edition", "build", "--out", str(tmp_path / "other")], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONHASHSEED": "4242"})
    assert result.returncode == 0, result.stderr
    assert tree_digest(tmp_path / "other") == tree_digest(built_site)


CSP = ("default-src 'none'; script-src 'self' file:; style-src 'self' file:; img-src 'self' file: data:; "
       "font-src 'self' file:; base-uri 'none'; form-action 'none'")
# the search page alone may compile Pagefind's WebAssembly and fetch its index from the site
SEARCH_CSP = CSP.replace("script-src 'self' file:", "script-src 'self' file: 'wasm-unsafe-eval'") + "; connect-src 'self'"


def test_every_page_has_a_content_security_policy_and_nothing_inline(built_site):
    for path in built_site.rglob("*.html"):
        page = html.parse(str(path)).getroot()
        policy = SEARCH_CSP if path.name == "search.html" else CSP
        assert page.xpath("//head/meta[@http-equiv='Content-Security-Policy']/@content") == [policy], path
        # the policy allows no inline code, so the pages must need none
        depth = path.relative_to(built_site).as_posix().count("/")
        scripts = [(s.get("src"), s.get("type")) for s in page.iter("script")]
        assert ("../" * depth + "static/edition.js", None) in scripts, path
        # any other script is a file of static/, or a data block (schema.org JSON-LD; the Cite dialog's
        # records of a passage, which cite.js reads), never executed
        assert all(src.startswith("../" * depth + "static/") if src else kind in ("application/ld+json", "application/json")
                   for src, kind in scripts), path
        assert not page.xpath("//style | //*[@style]"), path
        assert not [a for e in page.iter() if isinstance(e.tag, str) for a in e.attrib if a.startswith("on")], path
        assert not page.xpath("//@href[starts-with(normalize-space(.), 'javascript:')]"), path


def test_script_and_quotes_in_the_text_are_escaped_never_executed(scratch, tmp_path):
    """Markup-like text in a translation, a note and the header reaches the page as text."""
    payload = '<script>alert("x")</script> "quoted" \'single\' & </p><img src=x onerror=alert(1)>'
    escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    path = scratch.root / "tei/texts/historymaps.xml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("The first aim was to obtain arms from abroad.",
                        f"The first aim was to obtain arms from abroad. {escaped}", 1)
    text = text.replace('<title type="main" xml:lang="en">Bolshevik support</title>',
                        f'<title type="main" xml:lang="en">Bolshevik support {escaped}</title>', 1)
    text = text.replace("is rendered “to inflame”.", f"is rendered “to inflame”. {escaped}", 1)
    path.write_text(text, encoding="utf-8")
    build(scratch, tmp_path / "site")
    for page_path in (tmp_path / "site").rglob("*.html"):
        source = page_path.read_text(encoding="utf-8")
        assert "<script>alert" not in source and "<img src=x" not in source, page_path
        page = html.parse(str(page_path)).getroot()
        assert not page.xpath("//img"), page_path
        # no script but the site's own files (static/*.js) and JSON data blocks
        assert page.xpath("//script") and all(
            re.fullmatch(r"(\.\./)*static/[a-z-]+\.js", s.get("src", "")) and not (s.text or "").strip()
            or s.get("type") in ("application/json", "application/ld+json") for s in page.xpath("//script")), page_path
    page = html.parse(str(tmp_path / "site/texts/historymaps.html")).getroot()
    assert sum(payload in "".join(e.itertext()) for e in page.iter("p", "li", "h1", "title", "span")) >= 3


def test_build_into_a_path_with_spaces_and_non_ascii(tmp_path):
    project = copy_project(tmp_path / "ein Ördner")
    out = tmp_path / "çıktı klasörü"
    build(project, out)
    assert (out / "texts/historymaps.html").is_file()


def test_build_leaves_its_inputs_untouched(tmp_path):
    project = copy_project(tmp_path / "p")
    before = tree_digest(project.root)
    build(project, tmp_path / "out")
    assert tree_digest(project.root) == before


def test_chronology_lists_each_dated_mention_once(project):
    """Regression: nested <text> elements once made every date count twice."""
    corpus, _ = load_corpus(project)
    index = build_index(corpus, load_registry(corpus))
    # dates of publication inside references are not events and stay out of the chronology
    dates = sum(len(doc.root.xpath("tei:text//tei:date[not(ancestor::tei:bibl)]", namespaces=NS)) for doc in corpus.texts)
    assert dates and sum(len(d.occurrences) for d in index.chronology) == dates


def test_ids_shared_by_two_texts_are_reported(scratch):
    """Regression: the same nesting once reported every id of one text as its own duplicate."""
    assert [p for p in check(scratch) if p.rule == "id-duplicate"] == []
    source = scratch.texts_dir / "historymaps.xml"
    text = source.read_text(encoding="utf-8").replace('xml:id="historymaps" xml:lang="en"', 'xml:id="copy" xml:lang="en"', 1)
    (scratch.texts_dir / "copy.xml").write_text(text, encoding="utf-8")
    duplicates = [p for p in check(scratch) if p.rule == "id-duplicate"]
    assert duplicates and {p.path for p in duplicates} == {"tei/texts/historymaps.xml"}
    assert "already used in tei/texts/copy.xml" in duplicates[0].message


def test_index_snippets_show_the_reading_page_s_reading_without_footnote_marks(project):
    """A snippet reads as the reading page does: the editors' correction, not the printed or OCR
    reading beside it (frunze-heyeti's "f\\ııkara" is Ankara there). Regression: a choice once
    showed both readings run together ("YaresimosYerasimos"), and footnote calls and labels
    ("oldu.1") leaked into the snippets as digits."""
    corpus, _ = load_corpus(project)
    index = build_index(corpus, load_registry(corpus))
    forms = {o.form for o in index.of("person:stefanos-yerasimos") if o.kind == "original"}
    assert "Stefanos Yerasimos" in forms and not any("Yaresimos" in form for form in forms)
    [mention] = [o for o in index.of("place:bitlis") if o.kind == "original" and o.siglum == "kafkas-seddi"]
    assert mention.after.startswith("’ten toprak talep etmeleri görüşmelerin kesilmesine neden oldu.")
    assert "oldu.1" not in mention.after
    [ankara] = [o for o in index.of("place:ankara") if o.anchor == "frunze-heyeti-n1"]
    assert ankara.form == "Ankara"
    assert ankara.before.endswith("Türkiye Komünist Fırkası'nın Kuruluşu ve Mustafa Suphi, ")
    [england] = [o for o in index.of("place:united-kingdom") if o.anchor == "frunze-heyeti-n1"]
    assert england.form == "İngiltere" and england.after.startswith(" ve diğer Batılı Emperyalist Devletler hedef")


def test_an_xml_comment_in_a_passage_stays_out_of_its_snippets(project):
    """A comment or processing instruction is the encoder's, not the text's: the reading page leaves it
    out, and so do the index's snippets (the words around it, its tail, stay)."""
    corpus, _ = load_corpus(project)
    doc = next(d for d in corpus.texts if corpus.siglum(d) == "frunze-heyeti")

    def ankara(tree: etree._ElementTree):
        share = TextIndex("frunze-heyeti", Document(doc.path, tree))
        [found] = [o for o in share.mentions["place:ankara"] if o.anchor == "frunze-heyeti-n1"]
        return found

    plain = ankara(doc.tree)
    tree = etree.ElementTree(etree.fromstring(doc.data))
    [name] = tree.xpath("//*[@xml:id='frunze-heyeti-n1']//tei:placeName[@ref='place:ankara']", namespaces=NS)
    name.addprevious(etree.Comment(" check the page "))
    name.getparent().append(etree.ProcessingInstruction("edition", "todo"))
    commented = ankara(tree)
    assert (commented.before, commented.form, commented.after) == (plain.before, plain.form, plain.after)
    assert "check the page" not in commented.before


def test_works_cited_come_from_the_references_and_publication_dates_stay_out_of_the_chronology(project):
    corpus, _ = load_corpus(project)
    index = build_index(corpus, load_registry(corpus))
    cited = index.of("bibl:yerasimos-turk-sovyet-iliskileri")
    assert {o.anchor for o in cited if o.kind == "original" and o.siglum == "kafkas-seddi"} == {
        "kafkas-seddi-n4", "kafkas-seddi-n19", "kafkas-seddi-n20", "kafkas-seddi-n25"}
    assert "1979" not in {d.label for d in index.chronology}


def test_the_xslt_marks_as_blocks_exactly_what_the_model_calls_blocks(project):
    """model.BLOCK is the one definition of a block; the stylesheet's data-block must agree."""
    from conftest import make_transformer
    from edition.model import BLOCK

    corpus, _ = load_corpus(project)
    transformer = make_transformer(project)
    for doc in corpus.texts:
        siglum = corpus.siglum(doc)
        fragment, _ = transformer.transform(doc, siglum)
        marked = set(fragment.root.xpath("div[@class='tei-text']//*[@data-block]/@id"))
        in_model = {e.get(f"{{{XML_NS}}}id") for e in doc.root.xpath(
            f"tei:text//tei:text//*[{' or '.join('self::' + part.strip() for part in BLOCK.split('|'))}]"
            "[not(self::tei:note)][not(ancestor::tei:note)]", namespaces=NS)}
        in_model.discard(None)
        assert marked == in_model, (siglum, sorted(marked ^ in_model)[:5])


def test_every_author_date_citation_links_its_work_and_the_bibliography_lists_where(project, built_site):
    """silah-temini has no footnotes: each (Author, year: page) is a bibl linked to its entry, and
    the entry's page lists every place that cites it, in the original and in the translation."""
    corpus, _ = load_corpus(project)
    doc = next(d for d in corpus.texts if d.path.stem == "silah-temini")
    original = doc.root.find(".//tei:text[@type='original']", NS)
    citations = original.xpath(".//tei:bibl[not(ancestor::tei:note)]", namespaces=NS)
    assert len(citations) > 200
    unlinked = [b.sourceline for b in citations if not (b.get("corresp") or "").startswith("bibl:")]
    assert unlinked == []
    # inside a sentence a citation stands in <seg type="citation"> (TEI has no bibl in s)
    assert not original.xpath(".//tei:s//tei:bibl[not(ancestor::tei:note)][not(parent::tei:seg[@type='citation'])"
                              " and not(parent::tei:cit)]", namespaces=NS)
    cited = {}
    for b in citations:
        cited.setdefault(b.get("corresp"), set()).add(
            b.xpath("string(ancestor::*[self::tei:s or self::tei:p or self::tei:item or self::tei:cit]"
                    "[@xml:id][1]/@xml:id)", namespaces=NS))
    for key, passages in cited.items():  # on the entry's own page (index/bibliography/<entry>.html)
        entry = html.parse(str(built_site / mentions_path(key))).getroot()
        listed = {unquote(a.get("href").split("#")[1]) for a in entry.xpath(f".//section[@id='{key.split(':')[1]}--silah-temini']//a[@href]")
                  if "texts/silah-temini.html#" in a.get("href")}
        assert passages <= listed, (key, passages - listed)


def test_block_quotations_lists_and_glosses_reach_the_page(built_site):
    page = html.parse(str(built_site / "texts" / "silah-temini.html")).getroot()
    cit = page.get_element_by_id("silah-temini-p38")
    assert cit.tag == "blockquote" and cit.get("data-block") == "cit"
    # the quotation keeps the author's glosses, marked as his; the reference follows the quote, linked
    assert [g.text_content() for g in cit.find_class("tei-gloss")][:2] == ["(dini sebepler)", "(düşünüp taşınma)"]
    assert cit.find_class("tei-bibl")[-1].get("data-ref") == "bibl:tbmm-gizli-celse-zabitlari"
    articles = [page.get_element_by_id(f"silah-temini-p{n}") for n in range(165, 176)]
    assert all(a.get("data-list") == "numbered" for a in articles)
    assert articles[0].text_content().startswith("1. Madde") and articles[-1].text_content().startswith("16. Madde")
    bullets = page.get_element_by_id("silah-temini-p8")
    assert bullets.get("data-list") == "bulleted" and not bullets.text_content().lstrip().startswith("•")


def test_the_schematron_checks_as_blocks_exactly_what_the_model_calls_blocks(project):
    """edition.sch repeats model.BLOCK_OR_SENTENCE in the contexts of its id and alignment rules
    (Schematron cannot import it): on every text they must select the same elements."""
    from edition.model import BLOCK_OR_SENTENCE

    schematron = etree.parse(str(project.schema_dir / "edition.sch"))
    contexts = [rule.get("context") for rule in schematron.iter("{http://purl.oclc.org/dsdl/schematron}rule")
                if "self::tei:item" in (rule.get("context") or "")]
    assert len(contexts) == 2  # the original's blocks (ids) and the translation's (corresp)
    model = " or ".join("self::" + part.strip() for part in BLOCK_OR_SENTENCE.split("|"))
    corpus, _ = load_corpus(project)
    for doc in corpus.texts:
        for context, kind in zip(contexts, ("original", "translation")):
            checked = set(doc.root.xpath("//" + context, namespaces=NS))
            in_model = set(doc.root.xpath(
                f"tei:text//tei:text[@type='{kind}']//*[{model}]"
                "[not(ancestor-or-self::tei:note[@type='translation' or @type='editorial'])]", namespaces=NS))
            assert checked == in_model, (doc.path.name, kind, len(checked ^ in_model))


def test_the_minutes_are_set_apart_citable_and_corrected_in_the_open(project, built_site):
    """frunze-heyeti prints two minutes: each is citable by its own id (doc1, doc2), and exactly
    the blocks of the minutes are the page's set-apart rows. Each correction in the text shows the
    editors' reading with the printed one as its tooltip, and the QA table counts them as the TEI
    has them."""
    from edition.qa import text_figures
    page = html.parse(str(built_site / "texts" / "frunze-heyeti.html")).getroot()
    tei = etree.parse(str(ROOT / "tei" / "texts" / "frunze-heyeti.xml"))
    for doc in ("frunze-heyeti-doc1", "frunze-heyeti-doc2"):
        row = next(a for a in page.get_element_by_id(doc).iterancestors() if a.tag == "section")
        assert "row-inset" in row.get("class")
    inset = {row.find_class("num")[0].get("href")[1:] for row in page.xpath("//section[contains(@class, 'row-inset')]")}
    minutes = {b.get(f"{{{XML_NS}}}id") for b in tei.xpath(
        "//tei:text[@type='original']//tei:floatingText//*[@xml:id][self::tei:head or self::tei:p[not(parent::tei:sp)]"
        " or self::tei:item or self::tei:opener or self::tei:closer or self::tei:sp]", namespaces=NS)}
    assert inset == minutes and len(minutes) > 50
    closers = [i for i in minutes if page.get_element_by_id(i).get("data-block") == "closer"]
    assert len(closers) == 2 and all("(signature)" in page.get_element_by_id(f"{i}-en").text_content() for i in closers)
    choices = tei.xpath("//tei:text[@type='original']//tei:choice[tei:sic]", namespaces=NS)
    # a garbled footnote call or note number is shown by its number, as every note is
    in_text = [c for c in choices if not c.xpath("ancestor::tei:ref[@type='noteAnchor'] or ancestor::tei:label", namespaces=NS)]
    shown = page.xpath("//span[@class='tei-corr'][not(ancestor::*[contains(@class, 'note-popover')])]")
    assert len(shown) == len(in_text) > 3000
    printed = Counter(" ".join("".join(c.find("tei:sic", NS).itertext()).split()) for c in in_text)
    assert Counter(span.get("title").split("Printed: ", 1)[1].split(" (certainty: ")[0] for span in shown) == printed
    corpus, _ = load_corpus(project)
    figures = text_figures(corpus, next(d for d in corpus.texts if d.path.name == "frunze-heyeti.xml"))
    assert figures.corrections == len(choices)
    assert figures.corrections_uncertain == {
        cert: len(tei.xpath(f"//tei:text[@type='original']//tei:corr[@cert='{cert}']", namespaces=NS)) for cert in ("low", "medium")}
