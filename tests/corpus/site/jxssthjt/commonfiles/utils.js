/* utils.js (stand-in): loadPageData asks /queryList for one page and draws template + jpage bar */
function loadPageData(params, unitid) {
  var m = location.search.match(/[?&]pageNum=(\d+)/);
  if (m) params.current = parseInt(m[1], 10);
  var q = [];
  for (var k in params) {
    var v = params[k];
    if (Object.prototype.toString.call(v) === '[object Array]') {
      for (var i = 0; i < v.length; i++) q.push(encodeURIComponent(k + '[]') + '=' + encodeURIComponent(v[i]));
    } else {
      q.push(encodeURIComponent(k) + '=' + encodeURIComponent(v));
    }
  }
  var xhr = new XMLHttpRequest();
  xhr.open('GET', '/queryList?' + q.join('&'));
  xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
  xhr.onload = function () {
    var res = JSON.parse(xhr.responseText), rows = res.data.results, max = parseInt(params.titleMax, 10);
    var src = document.getElementById(params.templateContainerId).innerHTML;
    var each = src.match(/\{\{#each data\}\}\{\{#with this\}\}([\s\S]*?)\{\{\/with\}\}\{\{\/each\}\}/);
    var body = '';
    for (var i = 0; i < rows.length; i++) {
      var s = rows[i].source, pc = JSON.parse(s.urls).pc, d = s.pubDate;
      var shown = s.title.length > max ? s.title.substring(0, max) + '...' : s.title;
      body += each[1].replace(/\{\{pcUrl\}\}/g, pc)
        .replace(/title='\{\{title\}\}'/g, "title='" + s.title + "'").replace(/\{\{title\}\}/g, shown)
        .replace(/\{\{formatDate\s+pubDate\s+'YYYY'\s*\}\}/g, d.substring(0, 4))
        .replace(/\{\{formatDate\s+pubDate\s+'MM'\s*\}\}/g, d.substring(5, 7))
        .replace(/\{\{formatDate\s+pubDate\s+'DD'\s*\}\}/g, d.substring(8, 10));
    }
    var list = src.replace(/\{\{#each data\}\}[\s\S]*\{\{\/each\}\}/, body);
    var per = parseInt(params.perPage, 10), pages = Math.max(1, Math.ceil(res.data.total / per)), cur = params.current;
    var base = location.pathname + '?uid=' + unitid + '&pageNum=';
    function btn(cls, title, n, on) {
      return on ? '<a class="default_pgBtn ' + cls + '" title="' + title + '" href="' + base + n + '"></a>'
                : '<span class="default_pgBtn ' + cls + 'Disabled" title="' + title + '"></span>';
    }
    var bar = '<div class="default_pgToolbar"><div class="default_pgPanel">'
      + btn('default_pgFirst', '首页', 1, cur > 1) + btn('default_pgPrev', '上页', cur - 1, cur > 1)
      + '<span class="default_pgCurrentPage">' + cur + '</span>/<span class="default_pgTotalPage">' + pages + '</span>'
      + btn('default_pgNext', '下页', cur + 1, cur < pages) + btn('default_pgLast', '尾页', pages, cur < pages)
      + '<span class="default_pgSearchInfo">共' + res.data.total + '条</span></div></div>';
    document.getElementById(unitid).innerHTML = '<div class="default_pgContainer">' + list + '</div>' + bar;
  };
  xhr.send();
}
