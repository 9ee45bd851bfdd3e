/* zcwjlil.js (stand-in): the whole column as zcwj.json, drawn and paged in the browser */
var allData = [], curData = [], pageTemp = { pageSize: 20, pageNum: 1, totalSize: 0, totalPage: 0 };
function htmlData() {
  var start = (pageTemp.pageNum - 1) * pageTemp.pageSize, html = '';
  var rows = curData.slice(start, start + pageTemp.pageSize);
  for (var i = 0; i < rows.length; i++) {
    var r = rows[i], num = r.FILENUM === '*' ? '' : r.FILENUM;
    html += '<li><a href="' + r.URL + '" target="_blank" title="' + r.FILENAME + '">' + r.FILENAME + '</a>'
      + '<span class="wh">' + num + '</span><span class="time">' + r.PUBDATE.substring(0, 10) + '</span></li>';
    if ((i + 1) % 10 === 0 && i + 1 < rows.length) html += '<li class="line"></li>';
  }
  document.getElementById('ulList').innerHTML = html;
  var bar = '', n = pageTemp.totalPage;
  if (n > 1) {
    bar += '<a href="javascript:void(0)" data-p="' + Math.max(1, pageTemp.pageNum - 1) + '">上一页</a>';
    for (var p = 1; p <= n; p++) {
      bar += p === pageTemp.pageNum ? '<span class="current">' + p + '</span>'
                                   : '<a href="javascript:void(0)" data-p="' + p + '">' + p + '</a>';
    }
    bar += '<a href="javascript:void(0)" data-p="' + Math.min(n, pageTemp.pageNum + 1) + '">下一页</a>';
    bar += '<span>共' + pageTemp.totalSize + '条</span>';
  }
  var pages = document.querySelector('.pages');
  pages.innerHTML = bar;
  var links = pages.getElementsByTagName('a');
  for (var k = 0; k < links.length; k++) {
    links[k].onclick = function () { pageTemp.pageNum = parseInt(this.getAttribute('data-p'), 10); htmlData(); };
  }
}
(function () {
  var xhr = new XMLHttpRequest();
  xhr.open('GET', location.pathname.replace(/[^\/]*$/, '') + 'zcwj.json');
  xhr.onload = function () {
    allData = JSON.parse(xhr.responseText).data;
    curData = allData;
    pageTemp.totalSize = curData.length;
    pageTemp.totalPage = Math.ceil(pageTemp.totalSize / pageTemp.pageSize);
    pageTemp.pageNum = 1;
    htmlData();
  };
  xhr.send();
})();
