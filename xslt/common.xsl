<?xml version="1.0" encoding="UTF-8"?>
<!-- Shared helpers: language and direction, the attributes every output element carries. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:x-edition:xslt"
  exclude-result-prefixes="tei ed">

  <!-- the text's siglum, used where a note has no xml:id of its own -->
  <xsl:variable name="siglum" select="/tei:TEI/@xml:id"/>

  <!-- lang of the nearest ancestor-or-self with xml:lang -->
  <xsl:template name="lang">
    <xsl:value-of select="ancestor-or-self::*[@xml:lang][1]/@xml:lang"/>
  </xsl:template>

  <!-- the writing direction of that language: edition/model.py direction() is the one definition -->
  <xsl:template name="dir">
    <xsl:variable name="lang">
      <xsl:call-template name="lang"/>
    </xsl:variable>
    <xsl:value-of select="ed:dir(string($lang))"/>
  </xsl:template>

  <!-- lang and dir on a block; a block of a document printed within the text (floatingText)
       also names that document, so that its rows are set apart (data-inset: its type) -->
  <xsl:template name="lang-dir">
    <xsl:attribute name="lang"><xsl:call-template name="lang"/></xsl:attribute>
    <xsl:attribute name="dir"><xsl:call-template name="dir"/></xsl:attribute>
    <xsl:for-each select="ancestor::tei:floatingText[1]">
      <xsl:attribute name="data-inset"><xsl:value-of select="@type"/></xsl:attribute>
      <xsl:attribute name="data-inset-id"><xsl:value-of select="@xml:id"/></xsl:attribute>
    </xsl:for-each>
  </xsl:template>

  <!-- @xml:id -> id, @corresp -> data-corresp: every output element traces back to its TEI.
       Inside a note no id is written: a note's text stands twice on the page (in its popover
       and in the list of notes), and the list entry carries the note's own id. -->
  <xsl:template name="trace">
    <xsl:if test="@xml:id and not(ancestor::tei:note)">
      <xsl:attribute name="id"><xsl:value-of select="@xml:id"/></xsl:attribute>
    </xsl:if>
    <xsl:if test="@corresp">
      <xsl:attribute name="data-corresp"><xsl:value-of select="normalize-space(@corresp)"/></xsl:attribute>
    </xsl:if>
    <xsl:if test="@xml:lang and not(parent::tei:group)">
      <xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute>
      <xsl:attribute name="dir"><xsl:call-template name="dir"/></xsl:attribute>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
