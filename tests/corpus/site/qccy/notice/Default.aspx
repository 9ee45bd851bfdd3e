

<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">

<html xmlns="http://www.w3.org/1999/xhtml">
<head>
    <meta charset="utf-8"><title>
	青春朝阳网
</title><link href="../Styles/main-1.2.css" rel="stylesheet" type="text/css">

     <style>
       .indexTopMenu ul li {
           width: 65px !important;
       }
       .indexTopMenu ul li.wd {
	width:80px !important;
}
   </style>
   <meta http-equiv="X-UA-Compatible" content="IE=8">
</head>
<body>
    <form method="post" action="./Default.aspx" id="form1">
<div class="aspNetHidden">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="">
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTM4NjMx74FvUDXpmeZw7wQnwTV1">
</div>

<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['form1'];
if (!theForm) {
    theForm = document.form1;
}
function __doPostBack(eventTarget, eventArgument) {
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }
}
//]]>
</script>


<div class="aspNetHidden">

	<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="3D342507">
	<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEdAAPoS8DmprNMQXnySqjNnPv">
</div>
        <!-- CUI QCCY -- indexTop -- START PENG -->
        <div class="indexTop">
            <!-- CUI QCCY -- indexTopMenu -- START PENG -->
            <div class="indexTopMenu">
                <ul>
                    <li><a href="../Default.aspx" target="_blank">首 页</a></li>
                    <li><a href="../notice/Default.aspx" target="_blank">通知公告</a></li>
                    <li><a href="../news/Default.aspx" target="_blank">团委动态</a></li>
                    <li><a href="../dw/Default.aspx" target="_blank">党务公开</a></li>
                    <li><a href="../org2/tqw.aspx" target="_blank">组织机构</a></li>
                    <li><a href="../primary/Default.aspx" target="_blank">基层信息</a></li>
                    <li><a href="../online/Default.aspx" target="_blank">网上团校</a></li>
                    <li><a href="../magazine/Default.aspx" target="_blank">电子刊物</a></li>
                    <li class="wd"><a href="../file/Default.aspx" target="_blank" style="margin-left: 3px;">团区委文件</a></li>
                    <li class="r"><a href="../CYQN/Default.aspx" target="_blank">青年视频</a></li>
                </ul>
            </div>
            <!-- CUI QCCY -- indexTopMenu -- END PENG -->


            <!-- CUI QCCY -- indexTopDate -- START PENG -->
            <div class="indexTopDate">
                今天是：<script type="text/javascript">
                        var date = new Date();
                        document.write(date.getFullYear() + "年");
                        document.write((date.getMonth() + 1) + "月");
                        document.write(date.getDate() + "日&nbsp;&nbsp;");
                        var week = date.getDay();
                        document.write("星期" + "天一二三四五六".charAt(week));
                </script>
            </div>
            <!-- CUI QCCY -- indexTopDate -- END PENG -->
            <div style="position: fixed; float: right; margin-left: 1000px; margin-top: 270px">
                <img src="../images/douyin.jpg" style="width:132px;height:198px">
            </div>

        </div>
        <!-- CUI QCCY -- indexTop -- START END -->



        <!-- CUI QCCY -- indexTop -- START PENG -->
        <div class="indexBanner">
            <object classid="clsid:D27CDB6E-AE6D-11cf-96B8-444553540000" width="1000" height="191">
                <param name="movie" value="/images/BannerNew.swf">
                <param name="wmode" value="transparent">
                <embed src="../images/BannerNew.swf" quality="high" type="application/x-shockwave-flash" width="1000" height="191">
            </object>
        </div>
        <!-- CUI QCCY -- indexTop -- END PENG -->



        <!-- CUI QCCY -- indexSearch -- START PENG -->
        <div class="indexUnBannder">

            <!-- CUI QCCY -- search -- START PENG -->
            <div class="search">
                <span class="siteSearch">站内搜索：</span>
                <span style="height: 20px;">
                    <input name="ctl00$txtSearch" type="text" id="txtSearch" class="searchInfo">&nbsp;<input onclick="__doPostBack('ctl00$btnSearch','')" name="ctl00$btnSearch" type="button" id="btnSearch" value="搜索" class="searchButton"></span>
            </div>
            <!-- CUI QCCY -- search -- END PENG -->

            <!-- CUI QCCY -- indexLink -- START PENG -->
            <div class="indexLink">
                
            </div>
            <!-- CUI QCCY -- indexLink -- END PENG -->

        </div>
        <!-- CUI QCCY -- indexSearch -- END PENG -->
        
<!-- CUI QCCY -- indexcpContent -- START PENG -->
<div class="indexcpContent">

  <!-- CUI QCCY -- indexcpLeft -- START PENG -->
  <div class="indexcpLeft">
    <div class="noticeListTit"><a href="../Default.aspx">首页</a>>> 通知公告</div>
    <div class="noticeList">
      <h3>通知公告</h3>
      <ul>
          
                 <li><a href='Detail.aspx?mark=ED9CD0886DBB6E7E'>·县直各部门通报社会救助政策宣传的通知</a><span>[2025-06-11]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=D320D5A24F760BCC'>·全市组织预算执行情况结果公示</a><span>[2025-05-27]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=7F02E48C87B2D48D'>·我委推进老旧小区改造工作总结</a><span>[2025-05-18]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=B4A61D82546748A0'>·我委发布营商环境优化行动工作会议</a><span>[2025-05-15]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=4FEE6B18DB32B93C'>·县直各部门启动义务教育招生推进会</a><span>[2025-04-30]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=04E6F36E9B434172'>·我委部署营商环境优化行动推进会</a><span>[2025-04-17]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=628D78FD9BAA536B'>·全县开展预算执行情况实施方案</a><span>[2025-04-11]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=59B3B75C527DE9EF'>·各乡镇部署义务教育招生工作会议暨各乡镇推进乡村振</a><span>[2025-04-10]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=4E84A14DD3218FFC'>·我委印发城乡低保资金发放的通知</a><span>[2025-03-31]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=E5FA1DE1885C9DD9'>·市直各单位部署消费品质量抽查情况通报</a><span>[2025-03-31]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=770217576008FD5A'>·我厅启动森林防火工作工作总结</a><span>[2025-03-24]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=CB87266FBC2DE454'>·我委开展安全生产专项检查工作总结</a><span>[2025-03-21]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=345B972CA14BEE5F'>·我局部署城乡低保资金发放工作总结</a><span>[2025-03-15]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=7C19FD6401FF4198'>·关于2025年度本级公示人才引进计划的公告</a><span>[2025-03-05]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=9D8ED08E913D4526'>·全区开展乡村振兴重点任务工作会议</a><span>[2025-02-21]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=BDE3805D8D8B7190'>·关于2025年度各乡镇发布医疗保障待遇调整实施方案</a><span>[2025-02-18]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=B089BCCE662E7F12'>·我委公示民生实事项目结果公示</a><span>[2025-02-08]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=D991F0191AEBF3EB'>·县直各部门发布社会救助政策宣传政策解读</a><span>[2025-02-05]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=FB314A13151D0FFE'>·全市召开城乡低保资金发放工作会议</a><span>[2025-02-02]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=0B2BAF333E9E3AAF'>·市直各单位召开农村人居环境整治工作总结</a><span>[2025-01-18]</span></li>
              
      </ul>
      <center></center>
      <div class="page">
      
<!-- AspNetPager V6.0.0 for VS2005  Copyright:2003-2006 Webdiyer (www.webdiyer.com) -->
<div id="ContentPlaceHolder1_anpPageIndex">
	<a disabled="true" style="margin-right:5px;">第一页</a><a disabled="true" style="margin-right:5px;">上一页</a><span class="cpb" style="margin-right:5px;">1</span><a href="javascript:__doPostBack(&#39;ctl00$ContentPlaceHolder1$anpPageIndex&#39;,&#39;2&#39;)" style="margin-right:5px;">2</a><a href="javascript:__doPostBack(&#39;ctl00$ContentPlaceHolder1$anpPageIndex&#39;,&#39;3&#39;)" style="margin-right:5px;">3</a><a href="javascript:__doPostBack(&#39;ctl00$ContentPlaceHolder1$anpPageIndex&#39;,&#39;4&#39;)" style="margin-right:5px;">4</a><span style="margin-right:5px;"><a href="javascript:__doPostBack(&#39;ctl00$ContentPlaceHolder1$anpPageIndex&#39;,&#39;5&#39;)">...</a></span><a href="javascript:__doPostBack(&#39;ctl00$ContentPlaceHolder1$anpPageIndex&#39;,&#39;2&#39;)" style="margin-right:5px;">下一页</a><a href="javascript:__doPostBack(&#39;ctl00$ContentPlaceHolder1$anpPageIndex&#39;,&#39;5&#39;)" style="margin-right:5px;">最后一页</a>
</div>
<!-- AspNetPager V6.0.0 for VS2005 End -->


      </div>
    </div>
    
    <div class="cuiclearpeng"></div>
  </div>
  <!-- CUI QCCY -- indexcpLeft -- END PENG -->
  
  <!-- CUI QCCY -- indexcpRight -- START PENG -->
  <div class="indexcpRight">
    
<!-- CUI QCCY -- indexcpRight -- START PENG -->
<div class="indexcpRight">
 <div class="indexcpRight02">
        <a href="../QL/Default.aspx" target="_blank">
            <img src="../images/qinglian.jpg">
        </a> 
       <a href="../YQW/Default.aspx" target="_blank">
            <img src="../images/xxwbz.jpg">
       </a>
    </div>
    
    <div class="indexcpRight01">
        <h2 style="margin: 0 0 4px 0;">
            相关链接</h2>
        <a href="http://www.bjyouth.gov.cn/" target="_blank">
            <img src="../images/L01.jpg"></a> <a href="http://www.ccyl.org.cn/" target="_blank">
                <img src="../images/L02.jpg"></a> <a href="../index2.aspx" target="_blank">
                    <img src="../images/L03.jpg"></a> <a href="../AdminLogin.aspx" target="_blank">
                        <img src="../images/links-management.jpg"></a>
    </div>

    <div class="cuiclearpeng">
    </div>
</div>
<!-- CUI QCCY -- indexcpRight -- END PENG -->

    <div class="cuiclearpeng"></div>
  </div>
  <!-- CUI QCCY -- indexcpRight -- END PENG -->
  
  <div class="cuiclearpeng"></div>
</div>
<!-- CUI QCCY -- indexcpContent -- END PENG -->

<div class="indexBottom">
共青团北京市朝阳区委员会（模型）&nbsp;京公网安备:110105000000<br>
地址:北京市朝阳区（模型）     邮编:100020
</div>

</form>

</body>
</html>