<?xml version="1.0" encoding="UTF-8"?>
<!-- Fallback: an element without a mapping keeps its text in a span named after it and
     is reported, so that no text is ever silently dropped. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="tei">

  <!-- any element not handled elsewhere -->
  <xsl:template match="*" priority="-10">
    <xsl:message>unmapped element <xsl:value-of select="name()"/></xsl:message>
    <span class="tei-{local-name()}">
      <xsl:apply-templates/>
    </span>
  </xsl:template>
</xsl:stylesheet>
