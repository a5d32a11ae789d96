<?xml version="1.0" encoding="UTF-8"?>
<!-- Shared helpers: language and direction, the attributes every output element carries. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="tei">

  <!-- the text's siglum, used where a note has no xml:id of its own -->
  <xsl:variable name="siglum" select="/tei:TEI/@xml:id"/>

  <!-- lang of the nearest ancestor-or-self with xml:lang -->
  <xsl:template name="lang">
    <xsl:value-of select="ancestor-or-self::*[@xml:lang][1]/@xml:lang"/>
  </xsl:template>

  <!-- rtl for the Arabic-script languages of the edition -->
  <xsl:template name="dir">
    <xsl:variable name="lang">
      <xsl:call-template name="lang"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$lang = 'ur' or $lang = 'ar' or $lang = 'fa' or starts-with($lang, 'ota')">rtl</xsl:when>
      <xsl:otherwise>ltr</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- lang and dir on a block -->
  <xsl:template name="lang-dir">
    <xsl:attribute name="lang"><xsl:call-template name="lang"/></xsl:attribute>
    <xsl:attribute name="dir"><xsl:call-template name="dir"/></xsl:attribute>
  </xsl:template>

  <!-- @xml:id -> id, @corresp -> data-corresp: every output element traces back to its TEI -->
  <xsl:template name="trace">
    <xsl:if test="@xml:id">
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
