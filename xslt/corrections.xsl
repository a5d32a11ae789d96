<?xml version="1.0" encoding="UTF-8"?>
<!-- Corrections: choice with sic/corr (and orig/reg) keeps both readings; CSS shows one. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="tei">

  <!-- choice: both readings, the source's first -->
  <xsl:template match="tei:choice">
    <span class="tei-choice">
      <xsl:apply-templates select="tei:sic | tei:orig | tei:abbr"/>
      <xsl:apply-templates select="tei:corr | tei:reg | tei:expan"/>
    </span>
  </xsl:template>

  <!-- sic, corr, orig, reg inside choice -->
  <xsl:template match="tei:choice/tei:sic | tei:choice/tei:corr | tei:choice/tei:orig | tei:choice/tei:reg">
    <span class="tei-{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>
</xsl:stylesheet>
