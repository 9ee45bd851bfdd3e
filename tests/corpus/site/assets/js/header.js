document.write('<header class="header"><div class="container"><a class="logo" href="/index.html">上海市卫生健康委员会</a>'
 + '<nav class="main-nav"><ul>'
 + '<li><a href="/index.html">首页</a></li><li><a href="/xwzx/index.html">新闻中心</a></li>'
 + '<li><a href="/xwfb/index.html">新闻发布</a></li><li><a href="/tzgg/index.html">通知公告</a></li>'
 + '<li><a href="/yqtb/index.html">疫情通报</a></li><li><a href="/jkts/index.html">健康提示</a></li>'
 + '<li><a href="/zwgk/index.html">政务公开</a></li><li><a href="/hdjl/index.html">互动交流</a></li>'
 + '</ul></nav></div></header>');
