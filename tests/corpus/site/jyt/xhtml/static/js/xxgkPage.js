/* 政府信息公开列表：按 #page / #pageSize 向检索接口取数，重绘列表与分页 */
(function () {
  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : '';
  }
  function val(id) { return parseInt(document.getElementById(id).value, 10); }
  function table_ajax() {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', '/common/search/' + meta('channelId') + '?_isAgg=true&_isJson=true&_pageSize=' + val('pageSize')
      + '&_template=index&_rangeTimeGte=&_channelName=&page=' + val('page'));
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.onload = function () {
      var data = JSON.parse(xhr.responseText);
      table_each(data.data.results);
      table_page(data.data.total);
    };
    xhr.send();
  }
  function table_each(rows) {
    var html = '';
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      html += '<li><a target="_blank" href="' + r.url + '" title="' + r.title + '">' + r.title + '</a><b>'
        + r.publishedTimeStr.substring(0, 10) + '</b></li>';
    }
    document.querySelector('ul.jytxxgklist').innerHTML = html;
  }
  function go(n) { document.getElementById('page').value = n; table_ajax(); }
  function table_page(total) {
    var size = val('pageSize'), page = val('page'), count = Math.floor((total + size - 1) / size), html = '';
    if (count > 1) {
      html += '<a href="javascript:;" class="firstpage" data-p="1">首页</a>';
      if (page > 1) html += '<a href="javascript:;" class="prepage" data-p="' + (page - 1) + '">上一页</a>';
      for (var i = 1; i <= count; i++) {
        html += i == page ? '<span class="current">' + i + '</span>'
                          : '<a href="javascript:;" class="zxfPagenum" data-p="' + i + '">' + i + '</a>';
      }
      if (page < count) html += '<a href="javascript:;" class="nextpage" data-p="' + (page + 1) + '">下一页</a>';
      html += '<a href="javascript:;" class="lastpage" data-p="' + count + '">末页</a>';
      html += '<span class="zxfinfo">共' + count + '页</span>';
    }
    var box = document.getElementById('page_div');
    box.innerHTML = html;
    var links = box.getElementsByTagName('a');
    for (var k = 0; k < links.length; k++) {
      links[k].onclick = function () { go(parseInt(this.getAttribute('data-p'), 10)); return false; };
    }
  }
  window.table_ajax = table_ajax;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', table_ajax);
  else table_ajax();
})();
