/* Handlebars.tools.js (stand-in): draw a channel template next to its script tag */
function renderChannelTemplate(tplId, items, containerId, isMenu, opts) {
  var tpl = document.getElementById(tplId), src = tpl.innerHTML;
  var m = src.match(/\{\{#each items\}\}\{\{#with this\}\}([\s\S]*?)\{\{\/with\}\}\{\{\/each\}\}/);
  var row = m ? m[1] : src, html = '', max = (opts && opts.titleMax) || 0;
  for (var i = 0; i < items.length; i++) {
    var it = items[i];
    if (isMenu && it.showOrNot != 1) continue;
    var urls = typeof it.urls === 'string' ? JSON.parse(it.urls) : it.urls;
    var name = it.name || it.showName;
    if (max && name.length > max) name = name.substring(0, max);
    html += row.replace(/\{\{pcUrl\}\}/g, urls.pc).replace(/\{\{showName\}\}/g, it.showName || it.name)
               .replace(/\{\{name\}\}/g, name);
  }
  var holder = document.createElement('template');
  holder.innerHTML = html;
  tpl.parentNode.insertBefore(holder.content, tpl);
}
