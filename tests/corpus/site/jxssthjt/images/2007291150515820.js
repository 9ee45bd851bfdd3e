document.write('<div class="header"><div class="logo"><a href="/jxssthjt/index.html"><img src="/jxssthjt/images/logo.png" alt="江西省生态环境厅"></a></div>'
 + '<div class="nav"><ul><li><a href="/jxssthjt/index.html">首页</a></li><li><a href="/jxssthjt/col/col42062/index.html">政务公开</a></li>'
 + '<li><a href="/jxssthjt/col/col42063/index.html">新闻资讯</a></li><li><a href="/jxssthjt/col/col42064/index.html">政务服务</a></li>'
 + '<li><a href="/jxssthjt/col/col42065/index.html">互动交流</a></li><li><a href="/jxssthjt/col/col42066/index.html">专题专栏</a></li></ul></div></div>');
