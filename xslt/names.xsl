<?xml version="1.0" encoding="UTF-8"?>
<!-- Names, dates, quantities and references: each tagged name links to its index entry. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:str="http://exslt.org/strings"
  xmlns:ed="urn:x-edition:xslt"
  extension-element-prefixes="str"
  exclude-result-prefixes="tei str ed">

  <!-- the index page and anchor of one private URI (person:lenin -> ../index/persons.html#lenin)
       and the accessible name of a link to it ("Index: Vladimir Lenin"): edition/transform.py
       answers both from the model's table of register kinds and the registry -->
  <xsl:template name="index-href">
    <xsl:param name="uri"/>
    <xsl:value-of select="ed:index-href(string($uri))"/>
  </xsl:template>

  <!-- persName, placeName, orgName, rs, title with one ref and no tagged name inside: a link -->
  <xsl:template match="*[@ref][not(contains(normalize-space(@ref), ' '))][not(.//*[@ref])]">
    <a class="tei-{local-name()} entity" data-ref="{@ref}">
      <xsl:attribute name="href">
        <xsl:call-template name="index-href">
          <xsl:with-param name="uri" select="normalize-space(@ref)"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:if test="@type"><xsl:attribute name="data-type"><xsl:value-of select="@type"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </a>
    <xsl:if test="self::tei:rs[@type='event']">
      <xsl:call-template name="passages-link">
        <xsl:with-param name="uri" select="normalize-space(@ref)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- after an event's name: a small link to the page that sets beside this passage those of the
       other texts that name the event (compare/events/<id>.html), if two texts or more name it -->
  <xsl:template name="passages-link">
    <xsl:param name="uri"/>
    <xsl:variable name="href" select="ed:passages-href(string($uri))"/>
    <xsl:if test="$href != ''">
      <a class="entity-link passages-link" href="{$href}" data-event="{$uri}" aria-label="{ed:passages-label(string($uri))}" title="{ed:passages-label(string($uri))}">⇄</a>
    </xsl:if>
  </xsl:template>

  <!-- a name that holds other names, or names several entities (the treaties of Moscow and
       Kars): a span, followed by one small link per entity, since links cannot nest -->
  <xsl:template match="*[@ref]" priority="-0.4">
    <span class="tei-{local-name()} entity" data-ref="{normalize-space(@ref)}">
      <xsl:if test="@type"><xsl:attribute name="data-type"><xsl:value-of select="@type"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </span>
    <xsl:for-each select="str:tokenize(normalize-space(@ref), ' ')">
      <a class="entity-link" data-ref="{.}" aria-label="{ed:index-label(string(.))}">
        <xsl:attribute name="href">
          <xsl:call-template name="index-href">
            <xsl:with-param name="uri" select="string(.)"/>
          </xsl:call-template>
        </xsl:attribute>
        <xsl:text>↗</xsl:text>
      </a>
      <xsl:if test="starts-with(., 'event:')">
        <xsl:call-template name="passages-link">
          <xsl:with-param name="uri" select="string(.)"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- date with @when: <time>; spans and vague dates keep their bounds as data -->
  <xsl:template match="tei:date">
    <xsl:choose>
      <xsl:when test="@when and not(@calendar)">
        <time class="tei-date" datetime="{@when}" data-when="{@when}">
          <xsl:apply-templates/>
        </time>
      </xsl:when>
      <xsl:otherwise>
        <span class="tei-date">
          <xsl:for-each select="@when | @from | @to | @notBefore | @notAfter | @calendar">
            <xsl:attribute name="data-{translate(local-name(), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')}"><xsl:value-of select="."/></xsl:attribute>
          </xsl:for-each>
          <xsl:apply-templates/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- measure: a figure, its normalised quantity, unit and commodity kept as data -->
  <xsl:template match="tei:measure">
    <span class="tei-measure" data-type="{@type}" data-quantity="{@quantity}" data-unit="{@unit}">
      <xsl:if test="@commodity"><xsl:attribute name="data-commodity"><xsl:value-of select="@commodity"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- ref: a cross-reference inside this text (#id) or to another text (siglum.xml#id);
       any other target (validation refuses it) never becomes an href -->
  <xsl:template match="tei:ref[@target]">
    <a class="tei-ref">
      <xsl:choose>
        <xsl:when test="starts-with(@target, '#')">
          <xsl:attribute name="href"><xsl:value-of select="@target"/></xsl:attribute>
        </xsl:when>
        <xsl:when test="contains(@target, '.xml#') and not(contains(@target, ':')) and not(contains(@target, '/'))">
          <xsl:attribute name="href">
            <xsl:value-of select="ed:text-href(string(@target))"/>
          </xsl:attribute>
        </xsl:when>
      </xsl:choose>
      <xsl:apply-templates/>
    </a>
  </xsl:template>
</xsl:stylesheet>
