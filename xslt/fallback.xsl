<?xml version="1.0" encoding="UTF-8"?>
<!-- Fallback: an element without a mapping keeps its text in a span named after it and
     is reported, so that no text is ever silently dropped. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:x-edition:xslt"
  exclude-result-prefixes="tei ed">

  <!-- any element not handled elsewhere -->
  <xsl:template match="*" priority="-10">
    <!-- ed:line is the element's source line, supplied by edition/transform.py where it runs -->
    <xsl:message>
      <xsl:if test="function-available('ed:line')"><xsl:value-of select="ed:line(.)"/>: </xsl:if>
      <xsl:text>unmapped element &lt;</xsl:text><xsl:value-of select="name()"/><xsl:text>&gt;: its text is kept in a span</xsl:text>
    </xsl:message>
    <span class="tei-{local-name()}">
      <xsl:apply-templates/>
    </span>
  </xsl:template>
</xsl:stylesheet>
