<?xml version="1.0" encoding="UTF-8"?>
<!-- Corrections: choice with sic/corr (and orig/reg, abbr/expan) keeps both readings; CSS shows
     one. The corrected reading is shown by default and marked; the switch "printed reading"
     shows the source's reading instead (edition.css, edition.js). -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="tei">

  <!-- choice: both readings, the source's first -->
  <xsl:template match="tei:choice">
    <span class="tei-choice">
      <xsl:apply-templates select="tei:sic | tei:orig | tei:abbr"/>
      <xsl:apply-templates select="tei:corr | tei:reg"/>
    </span>
  </xsl:template>

  <!-- an abbreviation stands as printed; its expansion is its tooltip -->
  <xsl:template match="tei:choice/tei:abbr">
    <abbr class="tei-abbr" title="{normalize-space(../tei:expan)}"><xsl:apply-templates/></abbr>
  </xsl:template>

  <!-- sic, orig inside choice -->
  <xsl:template match="tei:choice/tei:sic | tei:choice/tei:orig">
    <span class="tei-{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- corr, reg: the editors' reading; its tooltip gives the printed one, and an uncertain
       correction says how certain it is (data-cert: medium, low) -->
  <xsl:template match="tei:choice/tei:corr | tei:choice/tei:reg">
    <span class="tei-{local-name()}">
      <xsl:if test="@cert">
        <xsl:attribute name="data-cert"><xsl:value-of select="@cert"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="../tei:sic | ../tei:orig">
        <xsl:attribute name="title">
          <xsl:value-of select="$label-printed"/>
          <xsl:text>: </xsl:text>
          <xsl:value-of select="normalize-space(../tei:sic | ../tei:orig)"/>
          <xsl:if test="@cert">
            <xsl:text> (</xsl:text>
            <xsl:value-of select="$label-cert"/>
            <xsl:text>: </xsl:text>
            <xsl:value-of select="@cert"/>
            <xsl:text>)</xsl:text>
          </xsl:if>
        </xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </span>
  </xsl:template>
</xsl:stylesheet>
