<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet: TEI text of the edition -> HTML fragment (no page shell, no labels).
  Output: one <div class="tei-TEI"> holding the original and the translation as
  <div class="tei-text">, each a flat sequence of blocks (elements with @data-block),
  and <div class="tei-notes"> with every note of both texts. Python pairs the blocks
  into rows (edition/align.py); Jinja lays out the page.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="tei">

  <!-- included, not imported: all templates share one import precedence, so that the
       priorities alone decide (the fallback has the lowest) -->
  <xsl:include href="fallback.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:include href="structure.xsl"/>
  <xsl:include href="phrase.xsl"/>
  <xsl:include href="names.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="corrections.xsl"/>
  <xsl:include href="bibl.xsl"/>

  <!-- interface words, from the labels table (templates/labels/<language>.toml) -->
  <xsl:param name="label-note" select="'Note'"/>
  <xsl:param name="label-note-list" select="'In the list of notes'"/>
  <xsl:param name="label-note-back" select="'Back to the text'"/>
  <xsl:param name="label-gloss" select="'The author’s own gloss, in the source'"/>
  <xsl:param name="label-close" select="'Close'"/>
  <xsl:param name="label-gloss-translator" select="'The translator’s gloss, in the source'"/>
  <xsl:param name="label-printed" select="'Printed'"/>
  <xsl:param name="label-cert" select="'certainty'"/>
  <xsl:param name="label-figure-missing" select="'Image not reproduced.'"/>
  <xsl:param name="label-document" select="'A document printed within the text'"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>
</xsl:stylesheet>
