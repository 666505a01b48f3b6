<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Jiaowu</source>
        <translation>关于教务管理系统</translation>
    </message>
    <message>
        <source>Jiaowu Academic Administration</source>
        <translation>教务管理系统</translation>
    </message>
    <message>
        <source>Desktop client version %1
Protocol %2, schema %3
Qt %4
Server: %5</source>
        <translation>桌面客户端版本 %1
协议 %2，数据结构 %3
Qt %4
服务器：%5</translation>
    </message>
</context>
<context>
    <name>AidPage</name>
    <message>
        <source>Scholarships, grants and loans</source>
        <translation>奖助贷</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Student number or name…</source>
        <translation>学号或姓名…</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>学年</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>所属院系</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>奖助项目</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>New application…</source>
        <translation>新增申请…</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>评审…</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Applications (as filtered)…</source>
        <translation>申请名单（按当前筛选）…</translation>
    </message>
    <message>
        <source>Quotas of the year…</source>
        <translation>本学年名额…</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>GPA</source>
        <translation>平均学分绩点</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>班级排名</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已评审</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>使用率</translation>
    </message>
    <message>
        <source>Set quota…</source>
        <translation>设置名额…</translation>
    </message>
    <message>
        <source>Places per department and award in the chosen year; approvals take a place.</source>
        <translation>所选学年各院系各奖助项目的名额；每批准一人占用一个名额。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>角色代码</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>评审条件</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Quotas</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Award types</source>
        <translation>奖助类型</translation>
    </message>
    <message>
        <source>Scholarship</source>
        <translation>奖学金</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>助学金</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>助学贷款</translation>
    </message>
    <message>
        <source>no failed course</source>
        <translation>无不及格科目</translation>
    </message>
    <message>
        <source>GPA in the top %1 of the class</source>
        <translation>绩点班级排名前%1</translation>
    </message>
    <message>
        <source>GPA at least %1</source>
        <translation>绩点不低于%1</translation>
    </message>
    <message>
        <source>year %1 or above</source>
        <translation>%1年级及以上</translation>
    </message>
    <message>
        <source>financial need: %1 or above</source>
        <translation>家庭经济困难：%1及以上</translation>
    </message>
    <message>
        <source>up to %1 a year</source>
        <translation>每年最高%1元</translation>
    </message>
    <message>
        <source>one of group “%1” a year</source>
        <translation>同一学年“%1”类限获一项</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全校</translation>
    </message>
    <message>
        <source>All awards</source>
        <translation>全部奖助项目</translation>
    </message>
    <message>
        <source>%1 applications</source>
        <translation>共 %1 份申请</translation>
    </message>
    <message>
        <source>Select an application to see its eligibility report.</source>
        <translation>选择一份申请以查看其资格审查结果。</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>评审意见：%1</translation>
    </message>
    <message>
        <source>Decision: %1</source>
        <translation>审批意见：%1</translation>
    </message>
    <message>
        <source>Not yet sent to the server.</source>
        <translation>尚未上传到服务器。</translation>
    </message>
    <message>
        <source>Review application</source>
        <translation>评审申请</translation>
    </message>
    <message>
        <source>Approve application</source>
        <translation>批准申请</translation>
    </message>
    <message>
        <source>Reject application</source>
        <translation>驳回申请</translation>
    </message>
    <message>
        <source>Financial need</source>
        <translation>家庭经济困难认定</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>评审意见</translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation>已将 %1 行写入 %2</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <source>New application</source>
        <translation>新增申请</translation>
    </message>
    <message>
        <source>Student number or name…</source>
        <translation>学号或姓名…</translation>
    </message>
    <message>
        <source>Why the student applies (optional)</source>
        <translation>申请理由（可选）</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>奖助项目</translation>
    </message>
    <message>
        <source>Academic year</source>
        <translation>学年</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Financial need</source>
        <translation>家庭经济困难认定</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Submit application</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <source>Eligibility (computed on this computer from the grades held here)</source>
        <translation>申请资格（根据本机保存的成绩在本机计算）</translation>
    </message>
    <message>
        <source>Choose an award and a student.</source>
        <translation>请选择奖助项目和学生。</translation>
    </message>
    <message>
        <source>Eligible: every rule is met (grades of %1).</source>
        <translation>符合条件：各项要求均满足（依据%1学年成绩）。</translation>
    </message>
    <message>
        <source>Not eligible: %1.</source>
        <translation>不符合条件：%1。</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>Decide status change</source>
        <translation>审批学籍异动</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Change type</source>
        <translation>异动类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>on approval</source>
        <translation>批准时</translation>
    </message>
    <message>
        <source>Target class</source>
        <translation>目标班级</translation>
    </message>
    <message>
        <source>Opinion (optional when approving, required to reject)</source>
        <translation>审批意见（批准时可不填，驳回时必填）</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Effects on approval</source>
        <translation>批准后的变化</translation>
    </message>
    <message>
        <source>(choose a class)</source>
        <translation>（请选择班级）</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Select an entry to see the old and new values.</source>
        <translation>选择一条记录以查看修改前后的值。</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>共 %1 条记录</translation>
    </message>
    <message>
        <source>Old values: %1</source>
        <translation>修改前：%1</translation>
    </message>
    <message>
        <source>New values: %1</source>
        <translation>修改后：%1</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Entity ID</source>
        <translation>对象编号</translation>
    </message>
    <message>
        <source>Old values</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>New values</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>客户端地址</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>Batch promotion</source>
        <translation>批量升级</translation>
    </message>
    <message>
        <source>Batch promotion is filed by the server in one transaction: connect to the server (turn off Work offline) to preview and file it.</source>
        <translation>批量升级由服务器在一个事务中统一办理：请连接服务器（关闭脱机工作）后再预览和提交。</translation>
    </message>
    <message>
        <source>All majors</source>
        <translation>全部专业</translation>
    </message>
    <message>
        <source>Year-end promotion</source>
        <translation>学年末升级</translation>
    </message>
    <message>
        <source>Approve and apply at once</source>
        <translation>同时审批并生效</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>年级</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>专业</translation>
    </message>
    <message>
        <source>Effective on</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Repeat a year</source>
        <translation>留级</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>不升级</translation>
    </message>
    <message>
        <source>Clear exception</source>
        <translation>取消例外</translation>
    </message>
    <message>
        <source>Selected students:</source>
        <translation>选中的学生：</translation>
    </message>
    <message>
        <source>into</source>
        <translation>编入</translation>
    </message>
    <message>
        <source>File the batch</source>
        <translation>提交批次</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 promoted, %2 repeat a year, %3 skipped, %4 cannot be filed</source>
        <translation>升级 %1 人，留级 %2 人，不处理 %3 人，无法办理 %4 人</translation>
    </message>
    <message>
        <source>Excepted by hand</source>
        <translation>人工设为例外</translation>
    </message>
    <message>
        <source>%1 status changes were filed as one batch. They reach this computer with the next sync.</source>
        <translation>已作为一个批次提交 %1 条学籍异动，下次同步后将出现在本机。</translation>
    </message>
    <message>
        <source>File %1 changes</source>
        <translation>提交 %1 条异动</translation>
    </message>
</context>
<context>
    <name>BatchLinesModel</name>
    <message>
        <source>Student no.</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Repeat a year</source>
        <translation>留级</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>不升级</translation>
    </message>
    <message>
        <source>Cannot file</source>
        <translation>无法办理</translation>
    </message>
    <message>
        <source>%1 (exception)</source>
        <translation>%1（例外）</translation>
    </message>
</context>
<context>
    <name>BedDialog</name>
    <message>
        <source>Assign a bed</source>
        <translation>安排床位</translation>
    </message>
    <message>
        <source>Move to another bed</source>
        <translation>调宿</translation>
    </message>
    <message>
        <source>Vacate a bed</source>
        <translation>退宿</translation>
    </message>
    <message>
        <source>Student number or name…</source>
        <translation>学号或姓名…</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>床位</translation>
    </message>
    <message>
        <source>Moved out on</source>
        <translation>退宿日期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>安排入住</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>调宿</translation>
    </message>
    <message>
        <source>Vacate</source>
        <translation>退宿</translation>
    </message>
    <message>
        <source>%1 (%2 free of %3)</source>
        <translation>%1（空 %2 / 共 %3）</translation>
    </message>
    <message>
        <source>Bed %1</source>
        <translation>%1号床</translation>
    </message>
    <message>
        <source>Choose a student.</source>
        <translation>请选择学生。</translation>
    </message>
    <message>
        <source>✓ The bed is free and the rules are met.</source>
        <translation>✓ 床位空闲，符合入住规则。</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <source>Bulk assignment of a cohort</source>
        <translation>新生批量分配宿舍</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全校</translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation>空 %1</translation>
    </message>
    <message>
        <source>New students moving in</source>
        <translation>新生入住</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Choose the cohort, then Preview. Nothing is written before Confirm.</source>
        <translation>选择年级后点击“预览”；确认之前不会写入任何数据。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>床位</translation>
    </message>
    <message>
        <source>Why not placed</source>
        <translation>未安排原因</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>年级</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>所属院系</translation>
    </message>
    <message>
        <source>Classes (none ticked: all)</source>
        <translation>班级（不勾选即全部）</translation>
    </message>
    <message>
        <source>Buildings (none ticked: all)</source>
        <translation>楼栋（不勾选即全部）</translation>
    </message>
    <message>
        <source>Move-in date</source>
        <translation>入住日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>To be placed (%1)</source>
        <translation>拟安排（%1）</translation>
    </message>
    <message>
        <source>Not placed (%1)</source>
        <translation>未安排（%1）</translation>
    </message>
    <message>
        <source>%1 students get a bed, %2 are not placed (see why). Confirm writes them all at once.</source>
        <translation>%1 名学生将获得床位，%2 名未能安排（见原因）。确认后一次性写入。</translation>
    </message>
    <message>
        <source>%1 beds assigned; they are sent to the server with the next sync.</source>
        <translation>已分配 %1 个床位，将在下次同步时上传到服务器。</translation>
    </message>
</context>
<context>
    <name>BusyBar</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CertificatesDialog</name>
    <message>
        <source>Cards and certificates</source>
        <translation>证件证书</translation>
    </message>
    <message>
        <source>A whole class</source>
        <translation>整个班级</translation>
    </message>
    <message>
        <source>One student</source>
        <translation>单个学生</translation>
    </message>
    <message>
        <source>Student number or name, then Enter</source>
        <translation>输入学号或姓名后按回车</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Issue numbers</source>
        <translation>发放编号</translation>
    </message>
    <message>
        <source>Reason to void (lost, damaged…)</source>
        <translation>作废原因（遗失、损坏…）</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Print to PDF…</source>
        <translation>打印为 PDF…</translation>
    </message>
    <message>
        <source>Select a row to preview the document.</source>
        <translation>选择一行以预览证件。</translation>
    </message>
    <message>
        <source>%1 (%2 students)</source>
        <translation>%1（%2人）</translation>
    </message>
    <message>
        <source>No student matches.</source>
        <translation>没有匹配的学生。</translation>
    </message>
    <message>
        <source>%1 issued; the numbers arrive from the server with the next sync.</source>
        <translation>已发放 %1 份；编号将在下次同步时由服务器发回。</translation>
    </message>
    <message>
        <source>… and %1 more not issued.</source>
        <translation>……另有 %1 人未发放。</translation>
    </message>
    <message>
        <source>Select one certificate to void.</source>
        <translation>请选择一份要作废的证件。</translation>
    </message>
    <message>
        <source>%1 certificates have no number yet: they print once they have synced with the server (the server issues the numbers). Sync, then print.</source>
        <translation>有 %1 份证件尚无编号：证件编号由服务器发放，同步后才能打印。请先同步，再打印。</translation>
    </message>
    <message>
        <source>Print to PDF</source>
        <translation>打印为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Printing %1 documents…</source>
        <translation>正在打印 %1 份…</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Printing cancelled; no file was written.</source>
        <translation>已取消打印，未生成文件。</translation>
    </message>
</context>
<context>
    <name>CertificatesModel</name>
    <message>
        <source>Student no.</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>证件编号</translation>
    </message>
    <message>
        <source>void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>waiting for the server's number</source>
        <translation>等待服务器发放编号</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <source>Edit status change</source>
        <translation>编辑学籍异动</translation>
    </message>
    <message>
        <source>New status change</source>
        <translation>新建学籍异动</translation>
    </message>
    <message>
        <source>Student number or name…</source>
        <translation>学号或姓名…</translation>
    </message>
    <message>
        <source>No student chosen</source>
        <translation>尚未选择学生</translation>
    </message>
    <message>
        <source>e.g. 教学〔2026〕12号</source>
        <translation>例如 教学〔2026〕12号</translation>
    </message>
    <message>
        <source>Effective on</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Find student</source>
        <translation>查找学生</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Change type</source>
        <translation>异动类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Target class</source>
        <translation>目标班级</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>What it will change</source>
        <translation>将产生的变化</translation>
    </message>
    <message>
        <source>(chosen at approval)</source>
        <translation>（审批时指定）</translation>
    </message>
    <message>
        <source>Choose a student first.</source>
        <translation>请先选择学生。</translation>
    </message>
</context>
<context>
    <name>ChangesTableModel</name>
    <message>
        <source>Student no.</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Change type</source>
        <translation>异动类型</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>最近办理</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Saved on this computer; not yet accepted by the server.</source>
        <translation>已保存在本机，服务器尚未受理。</translation>
    </message>
    <message>
        <source>%1 · unsent</source>
        <translation>%1 · 待上传</translation>
    </message>
</context>
<context>
    <name>ConflictDetail</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>My version</source>
        <translation>我的版本</translation>
    </message>
    <message>
        <source>Server's version</source>
        <translation>服务器版本</translation>
    </message>
    <message>
        <source>(not changed)</source>
        <translation>（未修改）</translation>
    </message>
    <message>
        <source>(no server version)</source>
        <translation>（服务器上没有此记录）</translation>
    </message>
</context>
<context>
    <name>ConflictListModel</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Edited at</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>被拒绝</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Send my values again, over the server's version</source>
        <translation>以我的修改覆盖服务器版本并重新发送</translation>
    </message>
    <message>
        <source>Take the server's</source>
        <translation>采用服务器的</translation>
    </message>
    <message>
        <source>Drop my values and keep the server's version</source>
        <translation>放弃我的修改，保留服务器版本</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Change my values, then send them</source>
        <translation>修改我的值后再发送</translation>
    </message>
    <message>
        <source>No conflicts: everything you changed was accepted.</source>
        <translation>没有冲突：您的修改均已被服务器接受。</translation>
    </message>
    <message>
        <source>%1 selected: keep mine or take the server's for all of them.</source>
        <translation>已选 %1 项：可全部保留我的或全部采用服务器的。</translation>
    </message>
</context>
<context>
    <name>DecideManyDialog</name>
    <message>
        <source>Decide %1 status changes</source>
        <translation>批量审批 %1 条学籍异动</translation>
    </message>
    <message>
        <source>%1 changes: %2</source>
        <translation>共 %1 条：%2</translation>
    </message>
    <message>
        <source>Student no.</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Change type</source>
        <translation>异动类型</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>%1 of them need a class chosen at approval: approve those one by one (rejecting them together is possible).</source>
        <translation>其中 %1 条须在审批时指定班级：请逐条批准（可以一并驳回）。</translation>
    </message>
    <message>
        <source>Opinion (optional when approving, required to reject)</source>
        <translation>审批意见（批准时可不填，驳回时必填）</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>Approve all</source>
        <translation>全部批准</translation>
    </message>
    <message>
        <source>Reject all</source>
        <translation>全部驳回</translation>
    </message>
    <message>
        <source>Write the reason for the rejection in Opinion.</source>
        <translation>请在审批意见中填写驳回理由。</translation>
    </message>
    <message>
        <source>%1 decided; the server applies them when they arrive.</source>
        <translation>已审批 %1 条；送达服务器后生效。</translation>
    </message>
    <message>
        <source>Cancelled: the others are still waiting for a decision.</source>
        <translation>已取消：其余异动仍待审批。</translation>
    </message>
    <message>
        <source>%1 not decided:</source>
        <translation>%1 条未能审批：</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Reason (required to reject)</source>
        <translation>理由（驳回时必填）</translation>
    </message>
    <message>
        <source>The department's review comment</source>
        <translation>院系评审意见</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Financial need</source>
        <translation>家庭经济困难认定</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Record review</source>
        <translation>记录评审</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
</context>
<context>
    <name>DormsPage</name>
    <message>
        <source>Dormitories</source>
        <translation>学生公寓</translation>
    </message>
    <message>
        <source>This computer holds the beds of your department's students only: the figures below count them, and beds of other departments look free here.</source>
        <translation>本机只保存本院系学生的床位：以下数字只统计这些床位，其他院系学生占用的床位在此显示为空。</translation>
    </message>
    <message>
        <source>You can view the dormitories; assigning beds needs the dormitory permission.</source>
        <translation>您可以查看学生公寓；分配床位需要公寓管理权限。</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>安排入住…</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>调宿…</translation>
    </message>
    <message>
        <source>Vacate…</source>
        <translation>退宿…</translation>
    </message>
    <message>
        <source>Bulk assignment…</source>
        <translation>批量分配…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Occupancy per building and floor…</source>
        <translation>各楼栋各楼层入住情况…</translation>
    </message>
    <message>
        <source>Residents of the chosen building…</source>
        <translation>所选楼栋住宿名单…</translation>
    </message>
    <message>
        <source>All residents…</source>
        <translation>全部住宿名单…</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Beds</source>
        <translation>床位数</translation>
    </message>
    <message>
        <source>Occupied</source>
        <translation>已住</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空床</translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation>入住率</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>Choose a room.</source>
        <translation>请选择房间。</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>床位</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>(free)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>入住日期</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>(current)</source>
        <translation>（在住）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>History of the room</source>
        <translation>房间住宿记录</translation>
    </message>
    <message>
        <source>%1 buildings · %2 beds · %3 occupied · %4 free</source>
        <translation>%1 栋楼 · %2 个床位 · 已住 %3 · 空 %4</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Room %1 · floor %2 · %3 · %4 of %5 beds free</source>
        <translation>房间 %1 · %2 楼 · %3 · 空床 %4 / 共 %5</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>房间数</translation>
    </message>
    <message>
        <source>Full rooms</source>
        <translation>满员房间</translation>
    </message>
    <message>
        <source>Empty rooms</source>
        <translation>空房间</translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation>已将 %1 行写入 %2</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <source>Edit and send again</source>
        <translation>编辑后重新发送</translation>
    </message>
    <message>
        <source>Server's version: %1</source>
        <translation>服务器版本：%1</translation>
    </message>
    <message>
        <source>The values are sent to the server at the next sync; the server checks them again.</source>
        <translation>这些值将在下次同步时发送，服务器会重新校验。</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
</context>
<context>
    <name>EffectsTable</name>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>异动前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>异动后</translation>
    </message>
    <message>
        <source>%1 (derived, not stored)</source>
        <translation>%1（推算，不存储）</translation>
    </message>
    <message>
        <source>chosen at approval</source>
        <translation>审批时指定</translation>
    </message>
    <message>
        <source>The approver chooses the class when approving.</source>
        <translation>由审批人在审批时指定班级。</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Welcome, %1</source>
        <translation>%1，您好</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Data scope</source>
        <translation>数据范围</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>offline — changes are kept on this computer</source>
        <translation>离线 — 修改暂存在本机</translation>
    </message>
    <message>
        <source>Your modules</source>
        <translation>我的功能模块</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Coming in a later version</source>
        <translation>后续版本提供</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import students</source>
        <translation>导入学生</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Choose a filled-in template (.xlsx). Nothing is imported before you confirm.</source>
        <translation>请选择填写好的模板（.xlsx）。确认之前不会导入任何数据。</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>未通过的行</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出校验报告…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation>已取消，未导入任何数据。</translation>
    </message>
    <message>
        <source>Rejected rows (%1)</source>
        <translation>未通过的行（%1）</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>提示（%1）</translation>
    </message>
    <message>
        <source>Import %1 students</source>
        <translation>导入 %1 名学生</translation>
    </message>
    <message>
        <source>%1 rows read: %2 can be imported, %3 rejected (%4 problems). Rejected rows are not imported; correct them in the file and import them later.</source>
        <translation>共读取 %1 行：%2 行可以导入，%3 行未通过（%4 个问题）。未通过的行不会导入，请在文件中改正后再导入。</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出校验报告</translation>
    </message>
    <message>
        <source>import-report.xlsx</source>
        <translation>导入校验报告.xlsx</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>导入校验报告</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>Jiaowu — Log in</source>
        <translation>教务管理系统 — 登录</translation>
    </message>
    <message>
        <source>Jiaowu Academic Administration</source>
        <translation>教务管理系统</translation>
    </message>
    <message>
        <source>Log in with your staff account</source>
        <translation>请使用教职工账号登录</translation>
    </message>
    <message>
        <source>Remember my username</source>
        <translation>记住用户名</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>脱机工作</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Enter the server address.</source>
        <translation>请输入服务器地址。</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>You have logged in on this computer before, so you can work offline; your changes are sent when the server is back.</source>
        <translation>您曾在本机登录过，可以脱机工作；服务器恢复后，修改将自动提交。</translation>
    </message>
    <message>
        <source>Login cancelled.</source>
        <translation>已取消登录。</translation>
    </message>
</context>
<context>
    <name>MainStatusBar</name>
    <message>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <source>● Working offline</source>
        <translation>● 脱机工作中</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● 离线</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>Unsent changes: %1</source>
        <translation>待上传修改：%1</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>冲突：%1</translation>
    </message>
    <message>
        <source>Sync paused: %1</source>
        <translation>同步已暂停：%1</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Jiaowu Academic Administration</source>
        <translation>教务管理系统</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Change my password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Work offline</source>
        <translation>脱机工作(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Check for &amp;updates</source>
        <translation>检查更新(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;About Jiaowu</source>
        <translation>关于教务管理系统(&amp;A)</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>This client was not started from an installation, so it cannot update itself; IT manages its version.</source>
        <translation>此客户端不是从安装目录启动的，无法自动更新；其版本由信息中心管理。</translation>
    </message>
    <message>
        <source>An update is already being checked or installed.</source>
        <translation>正在检查或安装更新。</translation>
    </message>
    <message>
        <source>Unsent changes</source>
        <translation>待上传修改</translation>
    </message>
    <message>
        <source>%1 of your changes have not been sent to the server yet.</source>
        <translation>您有 %1 条修改尚未发送到服务器。</translation>
    </message>
    <message>
        <source>They stay saved on this computer and are sent the next time you log in here. To carry them to another computer, export them to a file and import it there.</source>
        <translation>这些修改已保存在本机，下次您在本机登录时会自动发送。如需在其他电脑上发送，请导出为文件并在那台电脑上导入。</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Log out anyway</source>
        <translation>仍然注销</translation>
    </message>
    <message>
        <source>Quit anyway</source>
        <translation>仍然退出</translation>
    </message>
</context>
<context>
    <name>OrgDialog</name>
    <message>
        <source>Departments, majors and classes</source>
        <translation>院系、专业和班级</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>院系</translation>
    </message>
    <message>
        <source>Majors</source>
        <translation>专业</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>OrgFormDialog</name>
    <message>
        <source>New department</source>
        <translation>新建院系</translation>
    </message>
    <message>
        <source>Edit department</source>
        <translation>编辑院系</translation>
    </message>
    <message>
        <source>New major</source>
        <translation>新建专业</translation>
    </message>
    <message>
        <source>Edit major</source>
        <translation>编辑专业</translation>
    </message>
    <message>
        <source>New class</source>
        <translation>新建班级</translation>
    </message>
    <message>
        <source>Edit class</source>
        <translation>编辑班级</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>角色代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>所属院系</translation>
    </message>
    <message>
        <source>Years of study</source>
        <translation>学制（年）</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>学位</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>专业</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>年级</translation>
    </message>
    <message>
        <source>Size limit</source>
        <translation>班级人数上限</translation>
    </message>
</context>
<context>
    <name>OrgTableModel</name>
    <message>
        <source>Code</source>
        <translation>角色代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>学生信息</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>所属院系</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>学制</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>学位</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>专业</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>年级</translation>
    </message>
    <message>
        <source>Size limit</source>
        <translation>班级人数上限</translation>
    </message>
</context>
<context>
    <name>OwnPasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Your administrator asks you to choose a new password before you continue.</source>
        <translation>管理员要求您先设置新密码，然后才能继续使用。</translation>
    </message>
    <message>
        <source>Choose a new password for your account.</source>
        <translation>请为您的账号设置新密码。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>当前密码不正确。</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This module is not available in this version yet. It will arrive with a later update of the client; your data is already kept on the server.</source>
        <translation>本模块在当前版本中尚未提供，将随后续客户端更新推出；相关数据已保存在服务器上。</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>QuotaDialog</name>
    <message>
        <source>Set quota</source>
        <translation>设置名额</translation>
    </message>
    <message>
        <source>Quota of</source>
        <translation>名额对象</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>名额数</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Rule</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>✓ Passed</source>
        <translation>✓ 符合</translation>
    </message>
    <message>
        <source>✗ Failed</source>
        <translation>✗ 不符合</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password of %1</source>
        <translation>重置 %1 的密码</translation>
    </message>
    <message>
        <source>Must change the password at next login</source>
        <translation>下次登录时必须修改密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>New role</source>
        <translation>新增角色</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>角色代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>数据范围</translation>
    </message>
    <message>
        <source>2–32 lowercase letters, digits or _, starting with a letter.</source>
        <translation>2–32 位小写字母、数字或下划线，须以字母开头。</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>A role with this code already exists.</source>
        <translation>已存在相同代码的角色。</translation>
    </message>
</context>
<context>
    <name>RolesPage</name>
    <message>
        <source>Roles and permissions</source>
        <translation>角色与权限</translation>
    </message>
    <message>
        <source>Tick a cell to grant a permission to a role, then save. Changes apply to every user holding the role at their next login.</source>
        <translation>勾选单元格即为角色授予该权限，然后保存。修改对持有该角色的所有用户在其下次登录时生效。</translation>
    </message>
    <message>
        <source>New role…</source>
        <translation>新增角色…</translation>
    </message>
    <message>
        <source>Delete role…</source>
        <translation>删除角色…</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Scopes — %1</source>
        <translation>数据范围 — %1</translation>
    </message>
    <message>
        <source>Delete the role %1? It is held by %2 users.</source>
        <translation>确定删除角色 %1 吗？当前有 %2 个用户持有该角色。</translation>
    </message>
    <message>
        <source>Delete role</source>
        <translation>删除角色</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>A new language applies the next time the client starts.</source>
        <translation>界面语言将在下次启动客户端时生效。</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Check for updates every</source>
        <translation>检查更新间隔</translation>
    </message>
    <message>
        <source>Sync with the server every</source>
        <translation>自动同步间隔</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Enter an address like http://jiaowu.example.edu.cn:8765</source>
        <translation>请输入形如 http://jiaowu.example.edu.cn:8765 的地址</translation>
    </message>
</context>
<context>
    <name>StatusChangesPage</name>
    <message>
        <source>Status changes</source>
        <translation>学籍异动</translation>
    </message>
    <message>
        <source>My drafts</source>
        <translation>我的草稿</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已审批</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Student number or name…</source>
        <translation>学号或姓名…</translation>
    </message>
    <message>
        <source>All changes</source>
        <translation>全部异动类型</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Timeline…</source>
        <translation>异动记录…</translation>
    </message>
    <message>
        <source>Batch promotion…</source>
        <translation>批量升级…</translation>
    </message>
    <message>
        <source>Cards and certificates…</source>
        <translation>证件证书…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Select a change to see its effects.</source>
        <translation>选择一条异动以查看其变化。</translation>
    </message>
    <message>
        <source>Submitted.</source>
        <translation>已提交。</translation>
    </message>
    <message>
        <source>Recalled to draft.</source>
        <translation>已撤回为草稿。</translation>
    </message>
    <message>
        <source>Export status changes</source>
        <translation>导出学籍异动</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>%1 rows exported to %2.</source>
        <translation>已导出 %1 行到 %2。</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <source>%1 changes selected, %2 of them submitted: Approve… or Reject… decides those together.</source>
        <translation>已选 %1 条异动，其中 %2 条已提交：可用“批准…”或“驳回…”一并审批。</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
    <message>
        <source>Saved on this computer; it is sent to the server with the next sync.</source>
        <translation>已保存在本机，将在下次同步时提交服务器。</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <source>Delete the draft %1 of %2?</source>
        <translation>删除 %2 的%1草稿？</translation>
    </message>
    <message>
        <source>Draft deleted.</source>
        <translation>草稿已删除。</translation>
    </message>
    <message>
        <source>Decided; the server applies it when it arrives.</source>
        <translation>已审批；送达服务器后即生效。</translation>
    </message>
    <message>
        <source>%1 decided; the server applies them when they arrive.</source>
        <translation>已审批 %1 条；送达服务器后生效。</translation>
    </message>
</context>
<context>
    <name>StudentDialog</name>
    <message>
        <source>New student</source>
        <translation>新建学生</translation>
    </message>
    <message>
        <source>Edit student</source>
        <translation>编辑学生</translation>
    </message>
    <message>
        <source>12 digits: year, department, major, class, sequence</source>
        <translation>12位：入学年份、院系、专业、班级、序号</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日，如 2006-03-15</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: from the ID number)</source>
        <translation>年-月-日（留空则取身份证号中的日期）</translation>
    </message>
    <message>
        <source>A student's status changes through a status change.</source>
        <translation>学籍状态须通过学籍异动办理变更。</translation>
    </message>
    <message>
        <source>Student number</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Enrolled on</source>
        <translation>入学日期</translation>
    </message>
    <message>
        <source>Expected graduation</source>
        <translation>预计毕业日期</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Native place</source>
        <translation>籍贯</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Home address</source>
        <translation>家庭住址</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>This student is no longer in your data.</source>
        <translation>该学生已不在您的数据范围内。</translation>
    </message>
    <message>
        <source>Edit student %1</source>
        <translation>编辑学生 %1</translation>
    </message>
    <message>
        <source>Some fields are not valid; see the messages under them.</source>
        <translation>部分字段有误，请查看字段下方的提示。</translation>
    </message>
</context>
<context>
    <name>StudentTableModel</name>
    <message>
        <source>Changed on this computer; not yet accepted by the server.</source>
        <translation>已在本机修改，服务器尚未接受。</translation>
    </message>
    <message>
        <source>Student number</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>专业</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>所属院系</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>年级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>StudentsPage</name>
    <message>
        <source>Students</source>
        <translation>学生信息</translation>
    </message>
    <message>
        <source>Search student number, name, ID number, class or major…</source>
        <translation>搜索学号、姓名、身份证号、班级或专业…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>New student…</source>
        <translation>新建学生…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Download template…</source>
        <translation>下载导入模板…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Departments, majors and classes…</source>
        <translation>院系、专业和班级…</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全校</translation>
    </message>
    <message>
        <source>All cohorts</source>
        <translation>全部年级</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>全部班级</translation>
    </message>
    <message>
        <source>%1 students</source>
        <translation>共 %1 名学生</translation>
    </message>
    <message>
        <source>student-import-template.xlsx</source>
        <translation>学生导入模板.xlsx</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>students.xlsx</source>
        <translation>学生名单.xlsx</translation>
    </message>
    <message>
        <source>Export students</source>
        <translation>导出学生名单</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>an update is required</source>
        <translation>需要先更新客户端</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync with the server</source>
        <translation>与服务器同步</translation>
    </message>
    <message>
        <source>Your changes are saved on this computer first and sent to the server when it can be reached. The client syncs by itself when you log in, every few minutes, a few seconds after you change something, and when the connection comes back.</source>
        <translation>您的修改先保存在本机，能连接服务器时再发送。客户端会在登录时、每隔几分钟、修改后几秒钟以及网络恢复时自动同步。</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <source>Unsent changes</source>
        <translation>待上传修改</translation>
    </message>
    <message>
        <source>Conflicts and rejections</source>
        <translation>冲突与被拒绝</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>上次结果</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Export unsent changes…</source>
        <translation>导出待上传修改…</translation>
    </message>
    <message>
        <source>Import unsent changes…</source>
        <translation>导入待上传修改…</translation>
    </message>
    <message>
        <source>Conflicts and rejections (%1)</source>
        <translation>冲突与被拒绝 (%1)</translation>
    </message>
    <message>
        <source>Unsent changes (%1)</source>
        <translation>待上传修改 (%1)</translation>
    </message>
    <message>
        <source>Online: %1</source>
        <translation>在线：%1</translation>
    </message>
    <message>
        <source>Working offline (switch it off in the View menu to sync)</source>
        <translation>脱机工作中（在“视图”菜单中关闭后即可同步）</translation>
    </message>
    <message>
        <source>Offline: the server cannot be reached; changes wait on this computer</source>
        <translation>脱机：无法连接服务器，修改暂存在本机</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Sync paused: %1</source>
        <translation>同步已暂停：%1</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Sent %1 (accepted %2, conflicts %3, rejected %4); received %5, removed %6.</source>
        <translation>发送 %1 条（接受 %2，冲突 %3，拒绝 %4）；接收 %5 条，移除 %6 条。</translation>
    </message>
    <message>
        <source>The server asked for a full resync (%1); unsent work was kept.</source>
        <translation>服务器要求完整重新同步（%1）；未发送的修改已保留。</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message>
        <source>Cancelled; what was already sent and received is kept.</source>
        <translation>已取消；已发送和已接收的数据均已保留。</translation>
    </message>
    <message>
        <source>Import unsent changes</source>
        <translation>导入待上传修改</translation>
    </message>
    <message>
        <source>Unsent changes (*.json)</source>
        <translation>待上传修改 (*.json)</translation>
    </message>
    <message>
        <source>Imported %1 unsent changes; they are sent at the next sync.</source>
        <translation>已导入 %1 条待上传修改，将在下次同步时发送。</translation>
    </message>
</context>
<context>
    <name>TimelineDialog</name>
    <message>
        <source>Status history</source>
        <translation>学籍异动记录</translation>
    </message>
    <message>
        <source>No status changes yet.</source>
        <translation>暂无学籍异动。</translation>
    </message>
    <message>
        <source>Cards and certificates…</source>
        <translation>证件证书…</translation>
    </message>
</context>
<context>
    <name>TimelineEntry</name>
    <message>
        <source>Target class: %1</source>
        <translation>目标班级：%1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Document no.: %1</source>
        <translation>文号：%1</translation>
    </message>
    <message>
        <source>Opinion: %1</source>
        <translation>审批意见：%1</translation>
    </message>
    <message>
        <source>Saved on this computer; not yet accepted by the server.</source>
        <translation>已保存在本机，服务器尚未受理。</translation>
    </message>
</context>
<context>
    <name>UnsentModel</name>
    <message>
        <source>Edited at</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>UpdateBar</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <source>Downloading version %1…</source>
        <translation>正在下载版本 %1…</translation>
    </message>
    <message>
        <source>Version %1 is installed; restart to use it.</source>
        <translation>版本 %1 已安装，重启后生效。</translation>
    </message>
    <message>
        <source>Update failed</source>
        <translation>更新失败</translation>
    </message>
    <message>
        <source>This version is below the server's minimum: sync resumes after the update.</source>
        <translation>当前版本低于服务器要求的最低版本：更新后才能继续同步。</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>3–64 letters, digits or _ . @ -, starting with a letter or digit.</source>
        <translation>3–64 位字母、数字或 _ . @ -，须以字母或数字开头。</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation>至少 %1 个字符。</translation>
    </message>
    <message>
        <source>Must not be the same as the username.</source>
        <translation>不能与用户名相同。</translation>
    </message>
    <message>
        <source>Too common; choose a less guessable password.</source>
        <translation>密码过于常见，请换一个不易猜到的密码。</translation>
    </message>
    <message>
        <source>Not a valid e-mail address.</source>
        <translation>电子邮箱格式不正确。</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>Edit user %1</source>
        <translation>编辑用户 %1</translation>
    </message>
    <message>
        <source>record ID from the reference data</source>
        <translation>基础数据中的记录编号</translation>
    </message>
    <message>
        <source>Must change the password at next login</source>
        <translation>下次登录时必须修改密码</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>数据范围</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>所属院系</translation>
    </message>
    <message>
        <source>Teacher record</source>
        <translation>教师档案</translation>
    </message>
    <message>
        <source>Student record</source>
        <translation>学生档案</translation>
    </message>
    <message>
        <source>This username is already taken.</source>
        <translation>该用户名已被占用。</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Search username, name or e-mail…</source>
        <translation>搜索用户名、姓名或电子邮箱…</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>全部角色</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>新增用户…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>%1 of %2 users</source>
        <translation>已显示 %1 / 共 %2 个用户</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Delete the user %1 (%2)? They can no longer log in; the audit log keeps their history.</source>
        <translation>确定删除用户 %1（%2）吗？删除后该用户无法登录，审计日志仍保留其操作记录。</translation>
    </message>
    <message>
        <source>Delete user</source>
        <translation>删除用户</translation>
    </message>
</context>
<context>
    <name>UsersTableModel</name>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>最近登录</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>This account is locked after too many failed attempts. Try again later.</source>
        <translation>该账号因多次登录失败已被锁定，请稍后再试。</translation>
    </message>
    <message>
        <source>This account is locked after too many failed attempts. Try again after %1.</source>
        <translation>该账号因多次登录失败已被锁定，请于 %1 之后再试。</translation>
    </message>
    <message>
        <source>Server unreachable</source>
        <translation>无法连接服务器</translation>
    </message>
    <message>
        <source>Please check your input</source>
        <translation>请检查输入内容</translation>
    </message>
    <message>
        <source>Operation failed</source>
        <translation>操作失败</translation>
    </message>
    <message>
        <source>The server did not accept your session for syncing. Log in again; your unsent changes are kept.</source>
        <translation>服务器未接受您的会话，无法同步。请重新登录；未发送的修改会保留。</translation>
    </message>
    <message>
        <source>The server cannot be reached; your changes wait on this computer and are sent when it is back.</source>
        <translation>无法连接服务器；您的修改暂存在本机，恢复连接后自动发送。</translation>
    </message>
    <message>
        <source>The server requires a newer client before it accepts changes. Update the client; your unsent changes are kept.</source>
        <translation>服务器要求更新客户端后才能接收修改。请更新客户端；未发送的修改会保留。</translation>
    </message>
    <message>
        <source>The server refused the sync request.</source>
        <translation>服务器拒绝了同步请求。</translation>
    </message>
    <message>
        <source>Some changes conflict with the server's data; see the Sync page.</source>
        <translation>部分修改与服务器数据冲突，请在“数据同步”页处理。</translation>
    </message>
    <message>
        <source>The update was cancelled. Nothing was changed.</source>
        <translation>更新已取消，未做任何更改。</translation>
    </message>
    <message>
        <source>The update could not be downloaded (network or server problem). Your current version keeps working; the update will be tried again later.</source>
        <translation>无法下载更新（网络或服务器问题）。当前版本可继续使用，稍后将再次尝试。</translation>
    </message>
    <message>
        <source>The update was refused because it could not be verified as genuine. Nothing was installed and your current version keeps working. Please tell IT.</source>
        <translation>更新未通过真实性校验，已被拒绝。未安装任何内容，当前版本可继续使用。请联系信息中心。</translation>
    </message>
    <message>
        <source>Version %1 must be installed first; it cannot be skipped.</source>
        <translation>必须先安装版本 %1，不能跳过。</translation>
    </message>
    <message>
        <source>Another update is already running on this computer.</source>
        <translation>本机已有另一个更新正在进行。</translation>
    </message>
    <message>
        <source>The update could not be installed. Your current version keeps working.</source>
        <translation>更新无法安装，当前版本可继续使用。</translation>
    </message>
    <message>
        <source>The update did not complete.</source>
        <translation>更新未完成。</translation>
    </message>
    <message>
        <source>An unexpected error occurred. Details were written to the log.</source>
        <translation>发生意外错误，详细信息已写入日志。</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Your session has ended. Please log in again.</source>
        <translation>登录状态已失效，请重新登录。</translation>
    </message>
    <message>
        <source>This account is disabled. Please contact the system administrator.</source>
        <translation>该账号已被停用，请联系系统管理员。</translation>
    </message>
    <message>
        <source>Too many failed logins from this computer. Wait a few minutes and try again.</source>
        <translation>本机登录失败次数过多，请等待几分钟后再试。</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the server address and the network.</source>
        <translation>无法连接服务器，请检查服务器地址和网络。</translation>
    </message>
    <message>
        <source>This client version is too old for the server. Please update to version %1 or later.</source>
        <translation>客户端版本过旧，服务器不再接受，请升级到 %1 或更高版本。</translation>
    </message>
    <message>
        <source>The server runs an older version than this client. Ask IT to update the server.</source>
        <translation>服务器版本低于本客户端，请联系信息中心升级服务器。</translation>
    </message>
    <message>
        <source>Some fields are not valid; see the messages next to them.</source>
        <translation>部分内容填写有误，请查看各项旁的提示。</translation>
    </message>
    <message>
        <source>You do not have permission to do this.</source>
        <translation>您没有执行此操作的权限。</translation>
    </message>
    <message>
        <source>The record no longer exists; it may have been deleted by someone else.</source>
        <translation>该记录已不存在，可能已被他人删除。</translation>
    </message>
    <message>
        <source>The change conflicts with the current data.</source>
        <translation>此修改与现有数据冲突。</translation>
    </message>
    <message>
        <source>Student accounts use the web portal, not the desktop client: %1</source>
        <translation>学生账号请使用网页门户登录，而非桌面客户端：%1</translation>
    </message>
    <message>
        <source>Offline login is only possible for users who have logged in online on this computer.</source>
        <translation>只有曾在本机联网登录过的用户才能脱机登录。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The server reported an error.</source>
        <translation>服务器返回错误。</translation>
    </message>
    <message>
        <source>Your password was changed on the server. Log in with the new password.</source>
        <translation>您的密码已在服务器上修改，请使用新密码登录。</translation>
    </message>
    <message>
        <source>This account may not use the desktop client.</source>
        <translation>该账号无权使用桌面客户端。</translation>
    </message>
    <message>
        <source>This would leave the system without an active administrator, so it was refused.</source>
        <translation>此操作将导致系统没有可用的管理员，已被拒绝。</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>学生信息</translation>
    </message>
    <message>
        <source>Status changes</source>
        <translation>学籍异动</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>成绩管理</translation>
    </message>
    <message>
        <source>Scholarships and aid</source>
        <translation>奖助贷</translation>
    </message>
    <message>
        <source>Dormitories</source>
        <translation>学生公寓</translation>
    </message>
    <message>
        <source>Special exams</source>
        <translation>特殊考试</translation>
    </message>
    <message>
        <source>Teaching plans</source>
        <translation>教学计划</translation>
    </message>
    <message>
        <source>Teaching tasks</source>
        <translation>教学任务</translation>
    </message>
    <message>
        <source>Timetabling</source>
        <translation>排课管理</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Roles and permissions</source>
        <translation>角色与权限</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>数据同步</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Registrar</source>
        <translation>教务处</translation>
    </message>
    <message>
        <source>Department staff</source>
        <translation>系部教务员</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全校</translation>
    </message>
    <message>
        <source>Own department</source>
        <translation>本院系</translation>
    </message>
    <message>
        <source>Own teaching tasks</source>
        <translation>本人教学任务</translation>
    </message>
    <message>
        <source>Own record</source>
        <translation>本人</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录成功</translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Login while locked</source>
        <translation>锁定期间尝试登录</translation>
    </message>
    <message>
        <source>Login of a disabled account</source>
        <translation>停用账号尝试登录</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>User changed</source>
        <translation>修改用户</translation>
    </message>
    <message>
        <source>User deleted</source>
        <translation>删除用户</translation>
    </message>
    <message>
        <source>User disabled</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>User enabled</source>
        <translation>启用用户</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Role created</source>
        <translation>新增角色</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <source>Role deleted</source>
        <translation>删除角色</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>status_changes</name>
    <message>
        <source>Status</source>
        <translation>学籍状态</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>专业</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>院系</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>年级</translation>
    </message>
    <message>
        <source>Expected graduation</source>
        <translation>预计毕业日期</translation>
    </message>
    <message>
        <source>Year level</source>
        <translation>年级</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>Export unsent changes</source>
        <translation>导出待上传修改</translation>
    </message>
    <message>
        <source>Unsent changes (*.json)</source>
        <translation>待上传修改 (*.json)</translation>
    </message>
    <message>
        <source>%1 unsent changes were written to %2. Import the file on any computer (Sync page) to send them.</source>
        <translation>已将 %1 条待上传修改写入 %2。可在任意电脑的“数据同步”页导入该文件后发送。</translation>
    </message>
</context>
<context>
    <name>updates</name>
    <message>
        <source>The update was cancelled. Nothing was changed.</source>
        <translation>更新已取消，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>welfare</name>
    <message>
        <source>Export to Excel</source>
        <translation>导出为 Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>在读</translation>
    </message>
    <message>
        <source>No failed course</source>
        <translation>无不及格科目</translation>
    </message>
    <message>
        <source>GPA rank in the class</source>
        <translation>班级绩点排名</translation>
    </message>
    <message>
        <source>Minimum GPA</source>
        <translation>最低绩点</translation>
    </message>
    <message>
        <source>Year of study</source>
        <translation>年级</translation>
    </message>
    <message>
        <source>Financial need</source>
        <translation>家庭经济困难认定</translation>
    </message>
    <message>
        <source>One award of its group a year</source>
        <translation>同类奖助每学年限一项</translation>
    </message>
    <message>
        <source>Not recognised</source>
        <translation>未认定</translation>
    </message>
    <message>
        <source>General hardship</source>
        <translation>一般困难</translation>
    </message>
    <message>
        <source>Hardship</source>
        <translation>困难</translation>
    </message>
    <message>
        <source>Special hardship</source>
        <translation>特别困难</translation>
    </message>
    <message>
        <source>men</source>
        <translation>男生</translation>
    </message>
    <message>
        <source>women</source>
        <translation>女生</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>男女混合</translation>
    </message>
</context>
</TS>