<?xml version="1.0" encoding="UTF-8"?>
<!-- Notes: a call in the running text that opens the note beside it (HTML popover; without
     JavaScript the browser shows it centred), and the note once more in the list of notes
     (mode "list"). Ids are written once: the popover carries only pop-<id>, the list entry the
     note's own id. A note inside a note (a translators' note in a translated footnote) is a
     link to its entry in the list, never a second copy of it. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:x-edition:xslt"
  exclude-result-prefixes="tei ed">

  <!-- the note's id: its xml:id, or a position-based one (stable, unlike generate-id) -->
  <xsl:template name="note-id">
    <xsl:choose>
      <xsl:when test="@xml:id"><xsl:value-of select="@xml:id"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($siglum, '-note-', count(preceding::tei:note) + 1)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- data-note-type: translation or editorial; the source's own notes have none -->
  <xsl:template name="note-type">
    <xsl:if test="@type">
      <xsl:attribute name="data-note-type"><xsl:value-of select="@type"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- the mark: the source's own number, or the note's id as the page cites it (t4, e5);
       edition/model.py note_mark is the one definition. A note without an id of that form
       (the model answers '') is numbered by its place (t1, e1…). -->
  <xsl:template name="note-mark">
    <xsl:param name="id"/>
    <xsl:variable name="text" select="ancestor::tei:text[1]"/>
    <xsl:variable name="mark" select="ed:note-mark(string($id), string(@n))"/>
    <xsl:choose>
      <xsl:when test="string($mark)"><xsl:value-of select="$mark"/></xsl:when>
      <xsl:otherwise>
      <xsl:choose>
        <xsl:when test="@type = 'translation'">
          <xsl:value-of select="concat('t', count(preceding::tei:note[@type = 'translation'][ancestor::tei:text[1] = $text]) + 1)"/>
        </xsl:when>
        <xsl:when test="@type = 'editorial'">
          <xsl:value-of select="concat('e', count(preceding::tei:note[@type = 'editorial']) + 1)"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="count(preceding::tei:note[not(@type)][ancestor::tei:text[1] = $text]) + 1"/></xsl:otherwise>
      </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- note in running text: a call button and the note body as a popover -->
  <xsl:template match="tei:note">
    <xsl:variable name="id"><xsl:call-template name="note-id"/></xsl:variable>
    <xsl:variable name="mark"><xsl:call-template name="note-mark"><xsl:with-param name="id" select="$id"/></xsl:call-template></xsl:variable>
    <button type="button" class="note-call" id="call-{$id}" popovertarget="pop-{$id}" aria-label="{$label-note} {$mark}">
      <xsl:call-template name="note-type"/>
      <xsl:value-of select="$mark"/>
    </button>
    <span class="note-popover" popover="" id="pop-{$id}">
      <xsl:call-template name="note-type"/>
      <xsl:call-template name="lang-dir"/>
      <span class="note-popover-mark" aria-hidden="true"><xsl:value-of select="$mark"/></span>
      <xsl:text> </xsl:text>
      <xsl:apply-templates/>
      <xsl:text> </xsl:text>
      <a class="note-to-list" href="#{$id}" aria-label="{$label-note-list}">§</a>
      <button type="button" class="note-close" popovertarget="pop-{$id}" popovertargetaction="hide" aria-label="{$label-close}">×</button>
    </span>
  </xsl:template>

  <!-- a note inside a note: a link to its entry in the list -->
  <xsl:template match="tei:note//tei:note" priority="1">
    <xsl:variable name="id"><xsl:call-template name="note-id"/></xsl:variable>
    <xsl:variable name="mark"><xsl:call-template name="note-mark"><xsl:with-param name="id" select="$id"/></xsl:call-template></xsl:variable>
    <a class="note-ref" href="#{$id}" aria-label="{$label-note} {$mark}">
      <xsl:call-template name="note-type"/>
      <xsl:value-of select="$mark"/>
    </a>
  </xsl:template>

  <!-- the source's footnote calls and note numbers are words of the transcription, kept as
       text in the TEI (ref type="noteAnchor", label); the page shows them once, as the note's
       call button and its number in the list, both made from @n -->
  <xsl:template match="tei:ref[@type = 'noteAnchor']" priority="2"/>
  <xsl:template match="tei:note[@place = 'foot']/tei:label"/>

  <!-- note in the list of notes, with a link back to where it is called: its call button,
       or, for a note inside a note, the entry of the note that holds it -->
  <xsl:template match="tei:note" mode="list">
    <xsl:variable name="id"><xsl:call-template name="note-id"/></xsl:variable>
    <xsl:variable name="back">
      <xsl:choose>
        <xsl:when test="ancestor::tei:note">
          <xsl:for-each select="ancestor::tei:note[1]"><xsl:call-template name="note-id"/></xsl:for-each>
        </xsl:when>
        <xsl:otherwise>call-<xsl:value-of select="$id"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <div class="tei-note" id="{$id}">
      <xsl:call-template name="note-type"/>
      <xsl:if test="@corresp"><xsl:attribute name="data-corresp"><xsl:value-of select="normalize-space(@corresp)"/></xsl:attribute></xsl:if>
      <xsl:variable name="mark"><xsl:call-template name="note-mark"><xsl:with-param name="id" select="$id"/></xsl:call-template></xsl:variable>
      <a class="note-back" href="#{$back}" aria-label="{$mark} ({$label-note-back})"><xsl:value-of select="$mark"/></a>
      <xsl:text> </xsl:text>
      <span class="note-body"><xsl:call-template name="lang-dir"/><xsl:apply-templates/></span>
    </div>
  </xsl:template>
</xsl:stylesheet>
