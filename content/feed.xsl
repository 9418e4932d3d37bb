<?xml version="1.0" encoding="utf-8"?>
<!-- Shows an RSS feed opened in a browser as a readable page instead of raw XML. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" encoding="utf-8" indent="yes"/>
  <xsl:template match="/rss/channel">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="title"/> (feed)</title>
        <link rel="stylesheet" href="/assets/site.css"/>
      </head>
      <body>
        <main id="main">
          <p class="notice">This is a news feed. Copy its address from the address bar into a feed reader to follow new papers.</p>
          <h1><xsl:value-of select="title"/></h1>
          <p class="lede"><xsl:value-of select="description"/></p>
          <p><a href="{link}">Visit the site</a></p>
          <ol class="papers">
            <xsl:for-each select="item">
              <li class="paper-item">
                <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
                <p class="meta"><xsl:value-of select="substring(pubDate, 6, 11)"/></p>
                <p class="excerpt"><xsl:value-of select="description" disable-output-escaping="yes"/></p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
