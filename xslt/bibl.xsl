<?xml version="1.0" encoding="UTF-8"?>
<!-- References to works and documents inside notes: bibl and its parts. A bibl linked to the
     bibliography (@corresp="bibl:…") is followed by a small link to its entry, because the
     names inside it are links already and links cannot nest. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="tei">

  <xsl:template match="tei:bibl">
    <span class="tei-bibl">
      <xsl:if test="@type"><xsl:attribute name="data-type"><xsl:value-of select="@type"/></xsl:attribute></xsl:if>
      <xsl:if test="starts-with(@corresp, 'bibl:')">
        <xsl:attribute name="data-ref"><xsl:value-of select="normalize-space(@corresp)"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </span>
    <xsl:if test="starts-with(@corresp, 'bibl:')">
      <a class="entity-link" data-ref="{normalize-space(@corresp)}" aria-label="{normalize-space(@corresp)}">
        <xsl:attribute name="href">
          <xsl:call-template name="index-href">
            <xsl:with-param name="uri" select="normalize-space(@corresp)"/>
          </xsl:call-template>
        </xsl:attribute>
        <xsl:text>↗</xsl:text>
      </a>
    </xsl:if>
  </xsl:template>

  <!-- author, publisher, pubPlace, biblScope, citedRange, idno (a shelf mark): spans whose
       class says what each part of the reference is -->
  <xsl:template match="tei:bibl//tei:author | tei:bibl//tei:editor | tei:bibl//tei:publisher | tei:bibl//tei:pubPlace
                       | tei:bibl//tei:biblScope | tei:bibl//tei:citedRange | tei:bibl//tei:idno">
    <span class="tei-{local-name()}">
      <xsl:if test="@type"><xsl:attribute name="data-type"><xsl:value-of select="@type"/></xsl:attribute></xsl:if>
      <xsl:if test="@unit"><xsl:attribute name="data-unit"><xsl:value-of select="@unit"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </span>
  </xsl:template>
</xsl:stylesheet>
