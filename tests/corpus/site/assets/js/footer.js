document.write('<footer class="footer"><div class="container"><p><a href="/wzdt/index.html">网站地图</a> | '
 + '<a href="/lxwm/index.html">联系我们</a></p><p>主办：上海市卫生健康委员会</p></div></footer>');
