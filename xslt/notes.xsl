<?xml version="1.0" encoding="UTF-8"?>
<!-- Notes: a call in the running text that opens the note in place (HTML popover, no
     JavaScript), and the note again in the list of notes (mode "list"). -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="tei">

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

  <!-- the mark: the source's own number, or t1, t2… for translation and e1… for editorial notes -->
  <xsl:template name="note-mark">
    <xsl:variable name="text" select="ancestor::tei:text[1]"/>
    <xsl:choose>
      <xsl:when test="@n"><xsl:value-of select="@n"/></xsl:when>
      <xsl:when test="@type = 'translation'">
        <xsl:value-of select="concat('t', count(preceding::tei:note[@type = 'translation'][ancestor::tei:text[1] = $text]) + 1)"/>
      </xsl:when>
      <xsl:when test="@type = 'editorial'">
        <!-- counted through both columns: editorial notes stand in either -->
        <xsl:value-of select="concat('e', count(preceding::tei:note[@type = 'editorial']) + 1)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="count(preceding::tei:note[not(@type)][ancestor::tei:text[1] = $text]) + 1"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- note in running text: a call button and the note body as a popover -->
  <xsl:template match="tei:note">
    <xsl:variable name="id"><xsl:call-template name="note-id"/></xsl:variable>
    <button type="button" class="note-call" id="call-{$id}" popovertarget="pop-{$id}">
      <xsl:call-template name="note-type"/>
      <xsl:call-template name="note-mark"/>
    </button>
    <span class="note-popover" popover="" id="pop-{$id}">
      <xsl:call-template name="note-type"/>
      <xsl:call-template name="lang-dir"/>
      <xsl:apply-templates/>
      <xsl:text> </xsl:text>
      <a class="note-to-list" href="#{$id}">§</a>
    </span>
  </xsl:template>

  <!-- the source's footnote calls and note numbers are words of the transcription, kept as
       text in the TEI (ref type="noteAnchor", label); the page shows them once, as the note's
       call button and its number in the list, both made from @n -->
  <xsl:template match="tei:ref[@type = 'noteAnchor']" priority="1"/>
  <xsl:template match="tei:note[@place = 'foot']/tei:label"/>

  <!-- note in the list of notes, with a link back to its call -->
  <xsl:template match="tei:note" mode="list">
    <xsl:variable name="id"><xsl:call-template name="note-id"/></xsl:variable>
    <div class="tei-note" id="{$id}">
      <xsl:call-template name="note-type"/>
      <xsl:if test="@corresp"><xsl:attribute name="data-corresp"><xsl:value-of select="normalize-space(@corresp)"/></xsl:attribute></xsl:if>
      <a class="note-back" href="#call-{$id}"><xsl:call-template name="note-mark"/></a>
      <xsl:text> </xsl:text>
      <span class="note-body"><xsl:call-template name="lang-dir"/><xsl:apply-templates/></span>
    </div>
  </xsl:template>
</xsl:stylesheet>
