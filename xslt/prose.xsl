<?xml version="1.0" encoding="UTF-8"?>
<!--
  The edition's own prose (tei/introduction.xml) -> HTML fragment: one <div class="tei-prose">
  of sections. Names, dates, references and works cited are the text pages' own templates
  (names.xsl, phrase.xsl, bibl.xsl), so that a name links to its index entry and a passage
  ("silah-temini.xml#silah-temini-p179-s3-en") to its place in its text exactly as in the
  editors' notes. A page of the edition that is not a text is named "page:claims" and so on;
  edition/transform.py answers its address from the model (ed:page-href).
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:x-edition:xslt"
  exclude-result-prefixes="tei ed">

  <!-- included, not imported, as in tei2html.xsl: one import precedence, priorities decide -->
  <xsl:include href="fallback.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:include href="phrase.xsl"/>
  <xsl:include href="names.xsl"/>
  <xsl:include href="bibl.xsl"/>

  <!-- interface words the included templates use (from the labels table) -->
  <xsl:param name="label-gloss" select="'The author’s own gloss, in the source'"/>
  <xsl:param name="label-gloss-translator" select="'The translator’s gloss, in the source'"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:template match="/tei:TEI">
    <div class="tei-prose" lang="{@xml:lang}">
      <xsl:apply-templates select="tei:text/tei:body/tei:div"/>
    </div>
  </xsl:template>

  <!-- a division: a section with its id (the table of contents links to it); its head is an h2,
       a head one level down an h3 -->
  <xsl:template match="tei:div">
    <section class="prose-section">
      <xsl:call-template name="trace"/>
      <xsl:apply-templates/>
    </section>
  </xsl:template>
  <xsl:template match="tei:div/tei:head">
    <xsl:element name="h{count(ancestor::tei:div) + 1}">
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:div/tei:p">
    <p><xsl:call-template name="trace"/><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="tei:list">
    <ul><xsl:apply-templates select="tei:item"/></ul>
  </xsl:template>
  <xsl:template match="tei:item">
    <li><xsl:apply-templates/></li>
  </xsl:template>

  <!-- the name of an element or attribute, as the editorial declarations print it -->
  <xsl:template match="tei:gi" priority="1">
    <code class="tei-gi">&lt;<xsl:apply-templates/>&gt;</code>
  </xsl:template>
  <xsl:template match="tei:att" priority="1">
    <code class="tei-att">@<xsl:apply-templates/></code>
  </xsl:template>

  <!-- a page of the edition by name (page:claims): its address, from the model -->
  <xsl:template match="tei:ref[starts-with(@target, 'page:')]" priority="1">
    <a class="tei-ref" href="{ed:page-href(string(@target))}"><xsl:apply-templates/></a>
  </xsl:template>
</xsl:stylesheet>
