<?xml version="1.0" encoding="UTF-8"?>
<!-- References to works and documents inside notes: bibl and its parts. A bibl linked to the
     bibliography (@corresp="bibl:…") is followed by a small link to its entry, because the
     names inside it are links already and links cannot nest. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:x-edition:xslt"
  exclude-result-prefixes="tei ed">

  <xsl:template match="tei:bibl">
    <span class="tei-bibl">
      <xsl:if test="@type"><xsl:attribute name="data-type"><xsl:value-of select="@type"/></xsl:attribute></xsl:if>
      <xsl:if test="starts-with(@corresp, 'bibl:')">
        <xsl:attribute name="data-ref"><xsl:value-of select="normalize-space(@corresp)"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </span>
    <xsl:if test="starts-with(@corresp, 'bibl:')">
      <a class="entity-link" data-ref="{normalize-space(@corresp)}" aria-label="{ed:index-label(normalize-space(@corresp))}">
        <xsl:attribute name="href">
          <xsl:call-template name="index-href">
            <xsl:with-param name="uri" select="normalize-space(@corresp)"/>
          </xsl:call-template>
        </xsl:attribute>
        <xsl:text>↗</xsl:text>
      </a>
    </xsl:if>
  </xsl:template>

  <!-- author, publisher, pubPlace, biblScope, citedRange, idno (a shelf mark or a part of one):
       spans whose class says what each part of the reference is, and whose title tells the
       reader, since sources print these parts as bare abbreviations ("F.544, op. 3, d. 122, l. 28") -->
  <xsl:template match="tei:bibl//tei:author | tei:bibl//tei:editor | tei:bibl//tei:publisher | tei:bibl//tei:pubPlace
                       | tei:bibl//tei:biblScope | tei:bibl//tei:citedRange | tei:bibl//tei:idno">
    <xsl:variable name="part"><xsl:call-template name="bibl-part-name"/></xsl:variable>
    <span class="tei-{local-name()}">
      <xsl:if test="@type"><xsl:attribute name="data-type"><xsl:value-of select="@type"/></xsl:attribute></xsl:if>
      <xsl:if test="@unit"><xsl:attribute name="data-unit"><xsl:value-of select="@unit"/></xsl:attribute></xsl:if>
      <xsl:if test="string($part)"><xsl:attribute name="title"><xsl:value-of select="$part"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- what a part of a reference is, in words; empty for parts that need no gloss. A part of an
       archival reference is an idno, or a biblScope of the same unit where the print garbled it
       and it carries a correction (TEI's idno cannot hold one) -->
  <xsl:template name="bibl-part-name">
    <xsl:variable name="kind" select="concat(local-name(), ':', @type, @unit)"/>
    <xsl:choose>
      <xsl:when test="$kind = 'idno:shelfmark' or $kind = 'biblScope:shelfmark'">shelf mark</xsl:when>
      <xsl:when test="$kind = 'idno:fond' or $kind = 'biblScope:fond'">fond (record group)</xsl:when>
      <xsl:when test="$kind = 'idno:opis' or $kind = 'biblScope:opis'">opis’ (inventory)</xsl:when>
      <xsl:when test="$kind = 'idno:delo' or $kind = 'biblScope:delo'">delo (file)</xsl:when>
      <xsl:when test="$kind = 'biblScope:folio'">list (folio)</xsl:when>
      <xsl:when test="$kind = 'biblScope:volume'">volume</xsl:when>
      <xsl:when test="$kind = 'biblScope:issue'">issue</xsl:when>
      <xsl:when test="$kind = 'biblScope:chapter'">chapter</xsl:when>
      <xsl:when test="$kind = 'biblScope:note'">note</xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
