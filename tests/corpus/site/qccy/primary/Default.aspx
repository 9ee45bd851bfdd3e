

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
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTM4NjMxGF7RbwnRC6gXRmG0F7q9">
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
	<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEdAAPaBFnYYxik9tyve3S5DL6">
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
    <div class="noticeListTit"><a href="../Default.aspx">首页</a>>> 基层信息</div>
    <div class="noticeList">
      <h3>基层信息</h3>
      <ul>
          
                 <li><a href='Detail.aspx?mark=80B0DAECF3E194C5'>·全区部署人才引进计划结果公示</a><span>[2024-09-12]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=5DCC3A86693BDF58'>·县直各部门组织城乡低保资金发放推进会</a><span>[2024-08-26]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=57835A00FA557FE1'>·我局推进消费品质量抽查工作会议</a><span>[2024-08-14]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=11933A2CBEFBADC7'>·全区启动重点项目建设结果公示</a><span>[2024-07-24]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=0D24D10FAFB5CC44'>·县直各部门召开重点项目建设专题培训班</a><span>[2024-07-24]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=39A9A62E4E0298FD'>·本级组织行政执法公示工作会议</a><span>[2024-07-06]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=3BB94456DD9F33E7'>·本级组织森林防火工作推进会</a><span>[2024-06-17]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=F5E4D00A265FDE37'>·各乡镇通报义务教育招生工作会议</a><span>[2024-06-01]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=2D9E981DE7F9B350'>·县直各部门启动医疗保障待遇调整的公告</a><span>[2024-05-11]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=2C71E2A5BC936E73'>·本级开展政务公开工作要点情况通报</a><span>[2024-04-23]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=FDE333D33341199B'>·关于2024年度本级公示医疗保障待遇调整的通知</a><span>[2024-03-29]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=3BCE7FB2B61B4F02'>·关于2024年度全县公示乡村振兴重点任务政策解读</a><span>[2024-03-16]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=149AD9B5B007BABD'>·关于2024年度全县组织安全生产专项检查推进会</a><span>[2024-02-22]</span></li>
              
      </ul>
      <center></center>
      <div class="page">
      
<!-- AspNetPager V6.0.0 for VS2005  Copyright:2003-2006 Webdiyer (www.webdiyer.com) -->
<!--记录总数只有一页，AspNetPager已自动隐藏，若需在只有一页数据时显示AspNetPager，请将AlwaysShow属性值设为true！-->
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