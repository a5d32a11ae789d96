<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain text of one of a text's two texts (the original or the translation), for download:
  the reading text as the edition reads it (the corrections, regularisations and expansions,
  never the printed errors, original spellings or abbreviations they replace), each block on its
  own, after the label its row on the text page shows (¶3, h. 2: edition/model.py passage_label,
  through ed:passage-label), a note's call as [n. 7] / [t4] / [e2] where it stands, and the notes
  at the end, each after the same label. Python (edition/outputs/downloads.py) writes the file.

  The blocks are the elements the reading page makes rows of (model.BLOCK; xslt/structure.xsl
  marks the same elements data-block): tests/test_downloads.py ties the three together.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:x-edition:xslt"
  exclude-result-prefixes="tei ed">

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- which text: original or translation (text/@type) -->
  <xsl:param name="kind" select="'original'"/>
  <!-- the header lines, from the labels table and the model (already composed: one per line) -->
  <xsl:param name="header" select="''"/>
  <xsl:param name="label-notes" select="'Notes'"/>

  <xsl:variable name="nl" select="'&#10;'"/>
  <xsl:variable name="text" select="/tei:TEI/tei:text/tei:group/tei:text[@type = $kind]"/>

  <xsl:template match="/">
    <xsl:value-of select="$header"/>
    <xsl:value-of select="$nl"/>
    <xsl:apply-templates select="$text/tei:front | $text/tei:body | $text/tei:back" mode="blocks"/>
    <xsl:if test="$text//tei:note">
      <xsl:value-of select="concat($nl, $label-notes, $nl, $nl)"/>
      <xsl:for-each select="$text//tei:note">
        <xsl:call-template name="block"/>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- mode blocks: containers are walked, blocks are written, text between blocks is layout -->
  <xsl:template match="*" mode="blocks">
    <xsl:apply-templates select="*" mode="blocks"/>
  </xsl:template>

  <xsl:template match="tei:p[not(parent::tei:sp)] | tei:head | tei:item | tei:ab | tei:opener | tei:closer | tei:sp
                       | tei:div/tei:quote | tei:body/tei:quote | tei:front/tei:quote | tei:back/tei:quote
                       | tei:div/tei:cit | tei:body/tei:cit | tei:front/tei:cit | tei:back/tei:cit" mode="blocks">
    <xsl:call-template name="block"/>
  </xsl:template>

  <!-- a note is written at the end, in the list of notes -->
  <xsl:template match="tei:note" mode="blocks"/>

  <!-- a block: its label, two spaces, its reading text on one line, an empty line -->
  <xsl:template name="block">
    <xsl:variable name="label" select="ed:passage-label(string(@xml:id))"/>
    <xsl:variable name="words"><xsl:apply-templates/></xsl:variable>
    <xsl:if test="string($label)"><xsl:value-of select="concat($label, '  ')"/></xsl:if>
    <xsl:value-of select="concat(normalize-space($words), $nl, $nl)"/>
  </xsl:template>

  <!-- the reading text: the editors' reading of a choice, never the printed one -->
  <xsl:template match="tei:choice/tei:sic | tei:choice/tei:orig | tei:choice[tei:expan]/tei:abbr"/>

  <!-- a note inside the text: its call, labelled as in the list at the end -->
  <xsl:template match="tei:note">
    <xsl:value-of select="concat('[', ed:passage-label(string(@xml:id)), ']')"/>
  </xsl:template>

  <!-- the source's footnote calls and note numbers, kept in the TEI as words of the
       transcription, stand as the note's label -->
  <xsl:template match="tei:ref[@type = 'noteAnchor'] | tei:note[@place = 'foot']/tei:label"/>

  <!-- editorial signs, as the reading page shows them -->
  <xsl:template match="tei:gap">[…]</xsl:template>
  <xsl:template match="tei:supplied">[<xsl:apply-templates/>]</xsl:template>

  <!-- breaks: the reading page joins the lines, but an opener's or closer's line breaks part words -->
  <xsl:template match="tei:lb | tei:pb"/>
  <xsl:template match="tei:opener//tei:lb | tei:closer//tei:lb">
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- every other element: its text (the built-in rule) -->
</xsl:stylesheet>
