<?xml version="1.0" encoding="UTF-8"?>
<!-- Structure: the two texts, their divisions and blocks. Blocks carry @data-block so that
     Python can pair each original block with its translation (edition/align.py). -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="tei">

  <!-- TEI: the header is rendered from data by Python; here only the texts and the notes -->
  <xsl:template match="/tei:TEI">
    <div class="tei-TEI" data-siglum="{@xml:id}">
      <xsl:apply-templates select="tei:text/tei:group/tei:text"/>
      <div class="tei-notes">
        <xsl:for-each select="tei:text/tei:group/tei:text">
          <div class="tei-note-list" data-type="{@type}">
            <xsl:call-template name="lang-dir"/>
            <xsl:apply-templates select=".//tei:note" mode="list"/>
          </div>
        </xsl:for-each>
      </div>
    </div>
  </xsl:template>

  <!-- text[@type=original|translation]: one column of the reading view -->
  <xsl:template match="tei:group/tei:text">
    <div class="tei-text" data-type="{@type}" id="{@xml:id}">
      <xsl:call-template name="lang-dir"/>
      <xsl:apply-templates select="tei:front | tei:body | tei:back"/>
    </div>
  </xsl:template>

  <!-- front, body, back, div: transparent; their blocks become rows -->
  <xsl:template match="tei:front | tei:body | tei:back | tei:div">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- head: a heading whose level follows the nesting of div (a document printed within the
       text, floatingText, counts as one more level) -->
  <xsl:template match="tei:head">
    <xsl:variable name="level">
      <xsl:choose>
        <xsl:when test="count(ancestor::tei:div | ancestor::tei:floatingText) &gt; 5">6</xsl:when>
        <xsl:otherwise><xsl:value-of select="count(ancestor::tei:div | ancestor::tei:floatingText) + 1"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="h{$level}">
      <xsl:attribute name="class">tei-head<xsl:if test="@type"> tei-head-<xsl:value-of select="@type"/></xsl:if></xsl:attribute>
      <xsl:attribute name="data-block">head</xsl:attribute>
      <xsl:call-template name="lang-dir"/>
      <xsl:call-template name="trace"/>
      <xsl:if test="parent::tei:body/parent::tei:floatingText and not(preceding-sibling::tei:head)">
        <!-- the document's own identifier, citable: its first heading carries it -->
        <span class="tei-floatingText-anchor" id="{../../@xml:id}" title="{$label-document}"/>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- p, ab: paragraphs -->
  <xsl:template match="tei:p | tei:ab">
    <p class="tei-{local-name()}" data-block="{local-name()}">
      <xsl:call-template name="lang-dir"/>
      <xsl:call-template name="trace"/>
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <!-- p inside a block quotation or list item: no nested block -->
  <xsl:template match="tei:quote/tei:p | tei:item/tei:p">
    <span class="tei-p">
      <xsl:call-template name="trace"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- list: transparent, each item is a block -->
  <xsl:template match="tei:list">
    <xsl:apply-templates select="tei:item | tei:head"/>
  </xsl:template>

  <!-- item: a list entry. A number the source prints ("1. Madde") is in its text, so @n is data
       only; a bulleted list's bullet (list/@rend) is drawn by the stylesheet -->
  <xsl:template match="tei:item">
    <div class="tei-item" data-block="item">
      <xsl:call-template name="lang-dir"/>
      <xsl:call-template name="trace"/>
      <xsl:if test="../@rend">
        <xsl:attribute name="data-list"><xsl:value-of select="../@rend"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- quote set off as a block (a child of div or body) -->
  <xsl:template match="tei:div/tei:quote | tei:body/tei:quote | tei:front/tei:quote | tei:back/tei:quote">
    <blockquote class="tei-quote" data-block="quote">
      <xsl:call-template name="lang-dir"/>
      <xsl:call-template name="trace"/>
      <xsl:apply-templates/>
    </blockquote>
  </xsl:template>

  <!-- cit set off as a block: the quotation with its reference (the reference and its brackets
       follow the quoted words, as the source prints them) -->
  <xsl:template match="tei:div/tei:cit | tei:body/tei:cit | tei:front/tei:cit | tei:back/tei:cit">
    <blockquote class="tei-cit" data-block="cit">
      <xsl:call-template name="lang-dir"/>
      <xsl:call-template name="trace"/>
      <xsl:apply-templates/>
    </blockquote>
  </xsl:template>

  <!-- s: a sentence. Not a tab stop (one per paragraph is the ¶ link): its counterpart is shown
       when it is selected, followed by a link, or at the reading line as the page scrolls -->
  <xsl:template match="tei:s">
    <span class="tei-s">
      <xsl:call-template name="trace"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>
  <!-- floatingText: a document the text prints whole (minutes); its blocks are rows like any
       other, marked with data-inset by lang-dir; its body and divisions are transparent -->
  <xsl:template match="tei:floatingText">
    <xsl:apply-templates select="tei:body"/>
  </xsl:template>

  <!-- opener (the document's date line), closer (its attestation and signature) -->
  <xsl:template match="tei:opener | tei:closer">
    <div class="tei-{local-name()}" data-block="{local-name()}">
      <xsl:call-template name="lang-dir"/>
      <xsl:call-template name="trace"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:dateline | tei:signed | tei:salute | tei:speaker">
    <span class="tei-{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- a line break the print makes inside an opener or closer is kept -->
  <xsl:template match="tei:opener//tei:lb | tei:closer//tei:lb">
    <br/>
  </xsl:template>

  <!-- sp: a speaker's turn, one block: the speaker's label, then its paragraphs -->
  <xsl:template match="tei:sp">
    <div class="tei-sp" data-block="sp">
      <xsl:call-template name="lang-dir"/>
      <xsl:call-template name="trace"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:sp/tei:p">
    <span class="tei-p">
      <xsl:call-template name="trace"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- figure: transparent; its caption (head), all the schema allows in it, is the block. The
       edition has no image the transcription lacks, and the page says so in place of the image. -->
  <xsl:template match="tei:figure">
    <xsl:apply-templates select="tei:head"/>
  </xsl:template>

  <xsl:template match="tei:figure/tei:head">
    <figure class="tei-figure" data-block="figure">
      <xsl:call-template name="lang-dir"/>
      <xsl:call-template name="trace"/>
      <span class="tei-figure-missing"><xsl:value-of select="$label-figure-missing"/></span>
      <figcaption><xsl:apply-templates/></figcaption>
    </figure>
  </xsl:template>
</xsl:stylesheet>
