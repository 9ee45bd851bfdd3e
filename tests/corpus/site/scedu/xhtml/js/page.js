/* createPageHTML(div, pages, current, name, ext, total): page 1 is name.ext, page N name_N.ext */
function createPageHTML(d, n, c, name, ext, total) {
  if (n == null || n < 1) return;
  var u = function (i) { return i == 1 ? name + "." + ext : name + "_" + i + "." + ext; };
  var s = '<div class="pagination-first"><a class="pagination-index" href="' + u(1) + '">首页</a>';
  s += '<a class="pagination-index" href="' + (c > 1 ? u(c - 1) : 'javascript:;') + '">上一页</a>';
  for (var i = Math.max(1, c - 2); i <= Math.min(n, c + 2); i++)
    s += '<a class="pagination-num' + (i == c ? ' active' : '') + '" href="' + (i == c ? 'javascript:;' : u(i)) + '">' + i + '</a>';
  s += '<a class="pagination-index" href="' + (c < n ? u(c + 1) : 'javascript:;') + '">下一页</a>';
  s += '<a class="pagination-index" href="' + (n > 1 ? u(n) : 'javascript:;') + '">末页</a></div>';
  s += '<div class="pagination-last"><span>共 ' + total + ' 条</span><span>共 ' + n + ' 页</span><span>当前第 ' + c + ' 页</span></div>';
  document.getElementById(d).innerHTML = s;
}
