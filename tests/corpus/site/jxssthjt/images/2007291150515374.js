document.write('<div class="footer"><div class="friendlink"><span>友情链接</span><ul style="display:none">'
 + '<li><a href="https://www.mee.gov.cn/" target="_blank">生态环境部</a></li><li><a href="http://www.jiangxi.gov.cn/" target="_blank">江西省人民政府</a></li></ul></div>'
 + '<p>主办：江西省生态环境厅　网站标识码：3600000076</p><p><a href="/jxssthjt/col/col42070/index.html">网站地图</a>　<a href="/jxssthjt/col/col42071/index.html">联系我们</a></p></div>');
