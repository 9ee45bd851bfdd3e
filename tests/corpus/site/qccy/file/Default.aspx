

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
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTM4NjMxGUM9uNVgUJ6HAlITKKGE">
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
	<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEdAAPB4vllXCF7HqsqsbNpZoO">
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
    <div class="noticeListTit"><a href="../Default.aspx">首页</a>>> 团区委文件</div>
    <div class="noticeList">
      <h3>团区委文件</h3>
      <ul>
          
                 <li><a href='Detail.aspx?mark=6E70E25D46BF49A6'>·各乡镇启动老旧小区改造工作总结</a><span>[2025-02-18]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=67CD077DD15E4484'>·各乡镇通报人才引进计划工作会议</a><span>[2024-12-26]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=661CAFD9749930AF'>·关于2024年度全市开展城乡低保资金发放专题培训班</a><span>[2024-10-31]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=EEECA95B870EA4CA'>·关于2024年度我局召开重点项目建设的公告</a><span>[2024-09-07]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=64C61A484724750D'>·各乡镇召开社会救助政策宣传推进会</a><span>[2024-06-27]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=2B047C5B26F5DF6F'>·我局部署防汛抗旱工作结果公示</a><span>[2024-08-01]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=1B59C1258E13EB4E'>·关于2024年度全市开展重点项目建设结果公示</a><span>[2024-05-04]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=A7B56F56254B2820'>·市直各单位组织医疗保障待遇调整政策解读</a><span>[2024-03-12]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=952D6C74D58A7892'>·关于2024年度市直各单位召开防汛抗旱工作实施方案</a><span>[2024-01-23]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=D48E78F86D415193'>·关于2023年度我厅公示预算执行情况情况通报</a><span>[2023-12-10]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=877A6F6BE38161CE'>·本级推进森林防火工作的公告</a><span>[2023-11-20]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=3C86C5F8086E4D9C'>·全市通报乡村振兴重点任务工作会议</a><span>[2023-09-22]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=492CE04D3A0FD37B'>·全县部署农村人居环境整治结果公示</a><span>[2023-08-15]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=A1508852F3950BB9'>·全区召开农村人居环境整治结果公示</a><span>[2023-08-15]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=101284912957A307'>·本级印发营商环境优化行动工作总结</a><span>[2023-08-10]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=0483FC96E4D7BDD6'>·关于2023年度全区启动农村人居环境整治工作总结</a><span>[2023-07-25]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=9B8B6DDC4113086E'>·本级组织人才引进计划工作会议</a><span>[2023-05-23]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=F834F827D448600A'>·我厅公示营商环境优化行动工作会议</a><span>[2023-06-29]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=BA7AC47291F2DCA3'>·关于2023年度各乡镇组织乡村振兴重点任务专题培训班</a><span>[2023-04-05]</span></li>
              
          
                 <li><a href='Detail.aspx?mark=FC52632D5330007E'>·我委组织医疗保障待遇调整推进会</a><span>[2023-02-26]</span></li>
              
      </ul>
      <center></center>
      <div class="page">
      
<!-- AspNetPager V6.0.0 for VS2005  Copyright:2003-2006 Webdiyer (www.webdiyer.com) -->
<div id="ContentPlaceHolder1_anpPageIndex">
	<a disabled="true" style="margin-right:5px;">第一页</a><a disabled="true" style="margin-right:5px;">上一页</a><span class="cpb" style="margin-right:5px;">1</span><a href="javascript:__doPostBack(&#39;ctl00$ContentPlaceHolder1$anpPageIndex&#39;,&#39;2&#39;)" style="margin-right:5px;">2</a><a href="javascript:__doPostBack(&#39;ctl00$ContentPlaceHolder1$anpPageIndex&#39;,&#39;2&#39;)" style="margin-right:5px;">下一页</a><a href="javascript:__doPostBack(&#39;ctl00$ContentPlaceHolder1$anpPageIndex&#39;,&#39;2&#39;)" style="margin-right:5px;">最后一页</a>
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