/**
 * The page template (Docusaurus `ssrTemplate`): the stock one, except how the app's scripts load.
 *
 * Stock pages list `<script defer>` in <head>, so the browser fetches ~150 KB of JS from the first
 * bytes of HTML on, sharing a slow phone connection with the stylesheet and the page itself. Every
 * page here is server-rendered and readable without JS (the browser tests check it), so the
 * scripts are requested once the page has been parsed and painted: DOMContentLoaded, then the
 * frame after. They still run in order (`async = false`) and hydrate as before; what the reader
 * loses is one round trip before the page becomes interactive, what they gain is that the text
 * appears with the whole connection behind it (docs-internal/performance.md).
 */
/** The loader's list of script URLs (space-separated); scripts/perf/assets.ts reads it too. */
export const AFTER_PAINT_ATTRIBUTE = 'data-load-after-paint';

const loadScriptsAfterFirstPaint = `
(function () {
  var scripts = document.currentScript.getAttribute('${AFTER_PAINT_ATTRIBUTE}').split(' ');
  function load() {
    scripts.forEach(function (src) {
      var script = document.createElement('script');
      script.src = src;
      script.async = false;
      document.head.appendChild(script);
    });
  }
  function afterNextPaint() {
    requestAnimationFrame(function () { setTimeout(load, 0); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', afterNextPaint);
  else afterNextPaint();
})();`;

export const ssrTemplate = `
<!DOCTYPE html>
<html <%~ it.htmlAttributes %>>
  <head>
    <meta charset="UTF-8">
    <meta name="generator" content="Docusaurus v<%= it.version %>">
    <% it.metaAttributes.forEach((metaAttribute) => { %>
      <%~ metaAttribute %>
    <% }); %>
    <%~ it.headTags %>
    <% it.stylesheets.forEach((stylesheet) => { %>
      <link rel="stylesheet" href="<%= it.baseUrl %><%= stylesheet %>" />
    <% }); %>
    <script ${AFTER_PAINT_ATTRIBUTE}="<% it.scripts.forEach((script, i) => { %><%= i ? ' ' : '' %><%= it.baseUrl %><%= script %><% }); %>">${loadScriptsAfterFirstPaint}</script>
  </head>
  <body <%~ it.bodyAttributes %>>
    <%~ it.preBodyTags %>
    <div id="__docusaurus"><%~ it.appHtml %></div>
    <%~ it.postBodyTags %>
  </body>
</html>
`;
