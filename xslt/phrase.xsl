<?xml version="1.0" encoding="UTF-8"?>
<!-- Phrase level: highlighting, foreign words, quotations, titles, breaks, editorial signs. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="tei">

  <!-- hi, emph: typographic emphasis, @rend kept as a class -->
  <xsl:template match="tei:hi | tei:emph">
    <em class="tei-{local-name()} rend-{@rend}">
      <xsl:call-template name="trace"/>
      <xsl:apply-templates/>
    </em>
  </xsl:template>

  <!-- foreign, term, gi, att, num, abbr: inline spans, language marked -->
  <xsl:template match="tei:foreign | tei:term | tei:gi | tei:att | tei:num | tei:abbr | tei:expan">
    <span class="tei-{local-name()}">
      <xsl:call-template name="trace"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- label outside a footnote: a printed lead-in such as "Anahtar Kelimeler:" before keywords -->
  <xsl:template match="tei:label">
    <span class="tei-label">
      <xsl:call-template name="trace"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- q, quote inside running text: an inline quotation. A span, not <q>: the sources'
       own quotation marks are part of the text, and <q> would add a second pair. -->
  <xsl:template match="tei:q | tei:quote">
    <span class="tei-{local-name()}">
      <xsl:call-template name="trace"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- gloss: the source author's own explanation inside a quotation, brackets included; a
       gloss of type "translator" is the explanation of whoever translated a document the
       source prints (the minutes, translated from Russian) -->
  <xsl:template match="tei:gloss">
    <span class="tei-gloss" title="{$label-gloss}">
      <xsl:if test="@type = 'translator'">
        <xsl:attribute name="title"><xsl:value-of select="$label-gloss-translator"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="trace"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- pc (punctuation around a cit's reference), seg type="citation" (the bibls of one
       author-date citation inside a sentence) and w (a word classified as not a name): their
       text as it stands -->
  <xsl:template match="tei:pc | tei:seg | tei:w">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- title without a register entry: a cited title -->
  <xsl:template match="tei:title">
    <cite class="tei-title">
      <xsl:call-template name="trace"/>
      <xsl:apply-templates/>
    </cite>
  </xsl:template>

  <!-- lb, pb: line and page breaks of the print original; a page break shows its number -->
  <xsl:template match="tei:lb"/>
  <xsl:template match="tei:pb">
    <span class="tei-pb" data-n="{@n}"/>
  </xsl:template>

  <!-- gap, supplied, unclear: editorial signs -->
  <xsl:template match="tei:gap">
    <span class="tei-gap" data-reason="{@reason}" title="missing in the transcription ({@reason})">[…]</span>
  </xsl:template>
  <xsl:template match="tei:supplied">
    <span class="tei-supplied">[<xsl:apply-templates/>]</span>
  </xsl:template>
  <xsl:template match="tei:unclear">
    <span class="tei-unclear"><xsl:apply-templates/></span>
  </xsl:template>
</xsl:stylesheet>
