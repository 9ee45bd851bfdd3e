

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
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTM4NjMxk8GLlo3kTa4mwVfId5h2">
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
	<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEdAAPgmrBcNLKS7tuyEC8O4Aw">
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
    <div class="noticeListTit"><a href="../Default.aspx">首页</a>>> 团委动态</div>
    <div class="noticeList">
      <h3>团委动态</h3>
      <ul>
          
                 <li><a href='Detail.aspx?mark=6D7F270BCF01F506'>·我委召开森林防火工作情况通报</a><span>[2025-06-26]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=AAB7AFDC164D793E'>·全区启动医疗保障待遇调整情况通报</a><span>[2025-06-20]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=CB6D48607E380A43'>·全县推进农村人居环境整治的公告</a><span>[2025-06-15]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=BBDCC2EC8468F0A4'>·我厅启动预算执行情况的通知</a><span>[2025-06-08]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=259F19CB06457CFE'>·市直各单位召开人才引进计划情况通报</a><span>[2025-06-06]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=7CC063AD7909E5A8'>·关于2025年度全区推进防汛抗旱工作推进会</a><span>[2025-06-01]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=40A5E816647FEF88'>·全县印发营商环境优化行动工作会议</a><span>[2025-05-25]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=705F6625085FDA41'>·关于2025年度全市发布民生实事项目情况通报</a><span>[2025-05-21]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=0348A9F040EC1A5A'>·县直各部门推进行政执法公示实施方案</a><span>[2025-05-19]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=07416EF09F1BEC87'>·关于2025年度全市组织消费品质量抽查政策解读</a><span>[2025-05-13]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=86C96A6F054C3A07'>·全市启动行政执法公示工作会议</a><span>[2025-05-10]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=EE81FC6E0BCE4F27'>·本级部署义务教育招生情况通报</a><span>[2025-05-05]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=B079734EC9885CCA'>·关于2025年度市直各单位发布医疗保障待遇调整政策解读</a><span>[2025-05-05]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=C06E0CE6BF7A268C'>·关于2025年度全县发布老旧小区改造推进会</a><span>[2025-05-01]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=1F9D66239FA1F76F'>·关于2025年度全市组织老旧小区改造情况通报</a><span>[2025-04-23]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=B9E265BD53ABD7B2'>·全市公示农村人居环境整治专题培训班</a><span>[2025-04-19]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=26A56B45917B3F59'>·市直各单位发布预算执行情况工作会议</a><span>[2025-04-16]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=127A553572F7F24E'>·全市组织政务公开工作要点情况通报</a><span>[2025-04-14]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=112549C203CC73C5'>·全区启动安全生产专项检查专题培训班</a><span>[2025-04-06]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=8BEE2B32E5D7562B'>·关于2025年度全市组织乡村振兴重点任务推进会</a><span>[2025-04-06]</span></li>
              
      </ul>
      <center></center>
      <div class="page">
      
<!-- AspNetPager V6.0.0 for VS2005  Copyright:2003-2006 Webdiyer (www.webdiyer.com) -->
<div id="ContentPlaceHolder1_anpPageIndex">
	<a disabled="true" style="margin-right:5px;">第一页</a><a disabled="true" style="margin-right:5px;">上一页</a><span class="cpb" style="margin-right:5px;">1</span><a href="javascript:__doPostBack(&#39;ctl00$ContentPlaceHolder1$anpPageIndex&#39;,&#39;2&#39;)" style="margin-right:5px;">2</a><a href="javascript:__doPostBack(&#39;ctl00$ContentPlaceHolder1$anpPageIndex&#39;,&#39;3&#39;)" style="margin-right:5px;">3</a><a href="javascript:__doPostBack(&#39;ctl00$ContentPlaceHolder1$anpPageIndex&#39;,&#39;2&#39;)" style="margin-right:5px;">下一页</a><a href="javascript:__doPostBack(&#39;ctl00$ContentPlaceHolder1$anpPageIndex&#39;,&#39;3&#39;)" style="margin-right:5px;">最后一页</a>
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