<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AdminHome</name>
    <message>
        <location filename="../AdminHome.qml" line="68"/>
        <source>账号（%1）</source>
        <translation>Accounts (%1)</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="69"/>
        <source>单位（%1）</source>
        <translation>Organisations (%1)</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="70"/>
        <source>设备同步</source>
        <translation>Device syncs</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="71"/>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="72"/>
        <source>单位注册</source>
        <translation>Unit registrations</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="80"/>
        <source>查找：姓名、登录名、单位名称或代码</source>
        <translation>Find: name, login, organisation name or code</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="86"/>
        <source>正在从服务器读取…</source>
        <translation>Reading from the server…</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="87"/>
        <source>数据截至：%1（服务器）</source>
        <translation>Data as of %1 (server)</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="91"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="96"/>
        <source>账号和单位保存在服务器上，此页需要联网：请联网登录后点“刷新”。</source>
        <translation>Accounts and organisations are kept on the server, so this page needs a connection: sign in online, then press Refresh.</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="126"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="129"/>
        <source>知道了</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="142"/>
        <source>新增账号…</source>
        <translation>Add account…</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="147"/>
        <source>显示 %1 个，共 %2 个账号</source>
        <translation>Showing %1 of %2 accounts</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="152"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="152"/>
        <source>登录名</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="152"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="152"/>
        <location filename="../AdminHome.qml" line="267"/>
        <source>所在单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="153"/>
        <location filename="../AdminHome.qml" line="227"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="153"/>
        <location filename="../AdminHome.qml" line="268"/>
        <source>最近同步</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="179"/>
        <source>从未同步</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="188"/>
        <source>停用…</source>
        <translation>Disable…</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="188"/>
        <source>启用…</source>
        <translation>Enable…</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="192"/>
        <source>启用账号：%1</source>
        <translation>Enable account: %1</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="193"/>
        <source>停用账号：%1</source>
        <translation>Disable account: %1</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="194"/>
        <source>启用后本人可以再次登录。</source>
        <translation>Once enabled, the person can sign in again.</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="195"/>
        <source>停用后本人立即退出登录，且不能再登录；其已提交的记录保持不变。</source>
        <translation>Once disabled, the person is signed out at once and cannot sign in; what they submitted stays as it is.</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="196"/>
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="196"/>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="203"/>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="206"/>
        <source>重置密码：%1</source>
        <translation>Reset password: %1</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="207"/>
        <source>服务器生成一个临时密码，只显示一次；本人在所有设备上退出登录，需用临时密码重新登录。请先电话核实本人身份。</source>
        <translation>The server makes a temporary password, shown only once; the person is signed out on every device and signs in again with it. Check who they are by phone first.</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="208"/>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="219"/>
        <source>新增单位…</source>
        <translation>Add organisation…</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="221"/>
        <source>显示 %1 个，共 %2 个单位</source>
        <translation>Showing %1 of %2 organisations</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="226"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="226"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="226"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="226"/>
        <source>上级单位</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="227"/>
        <source>账号数</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="254"/>
        <source>年度计划（名额、分配、日期）在服务器上发布：tepei-admin --data /var/lib/tepei campaign add 文件.json；批量导入单位：tepei-admin … org import 单位.json。</source>
        <translation>The yearly campaign (places, allocation, dates) is published on the server: tepei-admin --data /var/lib/tepei campaign add FILE.json; many organisations at once: tepei-admin … org import ORGS.json.</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="261"/>
        <source>每台设备（每个账号在每台电脑上的客户端）最近一次与服务器同步的时间。长时间未同步的设备上可能有尚未上传的更改。</source>
        <translation>When each device (an account’s client on one computer) last synced with the server. A device that has not synced for long may hold changes not yet uploaded.</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="267"/>
        <source>姓名（登录名）</source>
        <translation>Name (login)</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="267"/>
        <source>设备编号</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="268"/>
        <source>首次同步</source>
        <translation>First sync</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="268"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="293"/>
        <source>还没有设备同步过。</source>
        <translation>No device has synced yet.</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="301"/>
        <source>对账号和单位的每一次更改：何时、何人、做了什么、理由。最新的在前；记录不可修改。</source>
        <translation>Every change to accounts and organisations: when, who, what and why. Newest first; lines cannot be edited.</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="307"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="307"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="307"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="307"/>
        <source>对象</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="308"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="308"/>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../AdminHome.qml" line="332"/>
        <source>加载更早的记录</source>
        <translation>Load older lines</translation>
    </message>
</context>
<context>
    <name>AdminOrgDialog</name>
    <message>
        <location filename="../AdminOrgDialog.qml" line="15"/>
        <source>新增单位</source>
        <translation>Add organisation</translation>
    </message>
    <message>
        <location filename="../AdminOrgDialog.qml" line="30"/>
        <source>单位代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../AdminOrgDialog.qml" line="31"/>
        <source>2–40 位字母、数字或 -，如统一社会信用代码</source>
        <translation>2–40 letters, digits or -, e.g. the unified social credit code</translation>
    </message>
    <message>
        <location filename="../AdminOrgDialog.qml" line="32"/>
        <source>单位全称</source>
        <translation>Full name of the unit</translation>
    </message>
    <message>
        <location filename="../AdminOrgDialog.qml" line="34"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../AdminOrgDialog.qml" line="44"/>
        <source>上级单位</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../AdminOrgDialog.qml" line="53"/>
        <source>请选择</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../AdminOrgDialog.qml" line="56"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../AdminOrgDialog.qml" line="57"/>
        <source>必填，记入审计日志</source>
        <translation>Required; written into the audit log</translation>
    </message>
    <message>
        <location filename="../AdminOrgDialog.qml" line="61"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../AdminOrgDialog.qml" line="64"/>
        <source>新增</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>AdminReasonDialog</name>
    <message>
        <location filename="../AdminReasonDialog.qml" line="32"/>
        <source>理由（必填，记入审计日志）</source>
        <translation>Reason (required; written into the audit log)</translation>
    </message>
    <message>
        <location filename="../AdminReasonDialog.qml" line="43"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AdminUserDialog</name>
    <message>
        <location filename="../AdminUserDialog.qml" line="16"/>
        <source>新增账号</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location filename="../AdminUserDialog.qml" line="31"/>
        <source>登录名</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../AdminUserDialog.qml" line="32"/>
        <source>3–64 位字母、数字或 . _ - @</source>
        <translation>3–64 letters, digits or . _ - @</translation>
    </message>
    <message>
        <location filename="../AdminUserDialog.qml" line="33"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../AdminUserDialog.qml" line="35"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../AdminUserDialog.qml" line="45"/>
        <source>所在单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../AdminUserDialog.qml" line="53"/>
        <source>请选择</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../AdminUserDialog.qml" line="53"/>
        <source>没有此角色可属的单位：请先新增单位</source>
        <translation>No organisation can hold this role: add one first</translation>
    </message>
    <message>
        <location filename="../AdminUserDialog.qml" line="56"/>
        <source>手机号码</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../AdminUserDialog.qml" line="57"/>
        <source>选填，11 位</source>
        <translation>Optional, 11 digits</translation>
    </message>
    <message>
        <location filename="../AdminUserDialog.qml" line="58"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../AdminUserDialog.qml" line="59"/>
        <source>必填，记入审计日志</source>
        <translation>Required; written into the audit log</translation>
    </message>
    <message>
        <location filename="../AdminUserDialog.qml" line="65"/>
        <source>服务器为新账号生成临时密码，只显示一次：请告知本人。</source>
        <translation>The server makes a temporary password for the new account, shown only once: give it to the person.</translation>
    </message>
    <message>
        <location filename="../AdminUserDialog.qml" line="70"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../AdminUserDialog.qml" line="73"/>
        <source>新增</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>AdmissionDialog</name>
    <message>
        <location filename="../AdmissionDialog.qml" line="21"/>
        <location filename="../AdmissionDialog.qml" line="126"/>
        <source>录取</source>
        <translation>Admit</translation>
    </message>
    <message>
        <location filename="../AdmissionDialog.qml" line="41"/>
        <source>本年度计划未列出培养单位，暂不能录取：请系统管理员在年度计划数据中补充培养单位（trainingUnits）后同步。</source>
        <translation>The campaign lists no training units, so nobody can be admitted here yet: ask the administrator to add the training units (trainingUnits) to the campaign data, then sync.</translation>
    </message>
    <message>
        <location filename="../AdmissionDialog.qml" line="43"/>
        <source>请选择培养单位</source>
        <translation>Choose the training unit</translation>
    </message>
    <message>
        <location filename="../AdmissionDialog.qml" line="45"/>
        <source>请填写开始日期（YYYY-MM-DD）</source>
        <translation>Enter the start date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../AdmissionDialog.qml" line="47"/>
        <source>结束日期须为 YYYY-MM-DD</source>
        <translation>The end date must be YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../AdmissionDialog.qml" line="57"/>
        <source>录取 %1 为特培学员</source>
        <translation>Admit %1 as a trainee</translation>
    </message>
    <message>
        <location filename="../AdmissionDialog.qml" line="58"/>
        <source>录取 %1 人为特培学员：%2</source>
        <translation>Admit %1 people as trainees: %2</translation>
    </message>
    <message>
        <location filename="../AdmissionDialog.qml" line="67"/>
        <source>培养单位</source>
        <translation>Training unit</translation>
    </message>
    <message>
        <location filename="../AdmissionDialog.qml" line="74"/>
        <source>请选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../AdmissionDialog.qml" line="78"/>
        <source>培养专业/方向</source>
        <translation>Major or direction</translation>
    </message>
    <message>
        <location filename="../AdmissionDialog.qml" line="82"/>
        <source>留空则用各人申报的拟培养专业/方向</source>
        <translation>Empty: each applicant&apos;s intended major or direction</translation>
    </message>
    <message>
        <location filename="../AdmissionDialog.qml" line="83"/>
        <source>留空则用申报的拟培养专业/方向</source>
        <translation>Empty: the intended major or direction of the application</translation>
    </message>
    <message>
        <location filename="../AdmissionDialog.qml" line="86"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../AdmissionDialog.qml" line="94"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../AdmissionDialog.qml" line="99"/>
        <source>默认为开始日期起一个培养期</source>
        <translation>Default: one training period from the start</translation>
    </message>
    <message>
        <location filename="../AdmissionDialog.qml" line="121"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../AdmissionDialog.qml" line="121"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../AdmissionDialog.qml" line="134"/>
        <source>已录取 %1 人，下次同步时上传。</source>
        <translation>%1 admitted; uploaded at the next sync. </translation>
    </message>
    <message>
        <location filename="../AdmissionDialog.qml" line="135"/>
        <source>未录取：</source>
        <translation>Not admitted: </translation>
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <location filename="../AppHeader.qml" line="38"/>
        <source>请假</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../AppHeader.qml" line="18"/>
        <source>特培</source>
        <translation>Tepei</translation>
    </message>
    <message>
        <location filename="../AppHeader.qml" line="26"/>
        <source>（离线登录）</source>
        <translation> (signed in offline)</translation>
    </message>
    <message>
        <location filename="../AppHeader.qml" line="45"/>
        <source>我的培养</source>
        <translation>My training</translation>
    </message>
    <message>
        <location filename="../AppHeader.qml" line="45"/>
        <source>学员培养</source>
        <translation>Trainees</translation>
    </message>
    <message>
        <location filename="../AppHeader.qml" line="65"/>
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>ApplicantHome</name>
    <message>
        <location filename="../ApplicantHome.qml" line="25"/>
        <source>我的申报</source>
        <translation>My applications</translation>
    </message>
    <message>
        <location filename="../ApplicantHome.qml" line="29"/>
        <location filename="../ApplicantHome.qml" line="81"/>
        <source>新增申报表</source>
        <translation>New application</translation>
    </message>
    <message>
        <location filename="../ApplicantHome.qml" line="42"/>
        <source>还没有申报表。点击“新增申报表”，选择单位所在地和培养方式后开始填写。</source>
        <translation>No applications yet. Click &quot;New application&quot;, choose the location of your employer and the training mode, then fill in the form.</translation>
    </message>
    <message>
        <location filename="../ApplicantHome.qml" line="65"/>
        <source>（未填姓名）</source>
        <translation>(name not filled in)</translation>
    </message>
    <message>
        <location filename="../ApplicantHome.qml" line="69"/>
        <source>待上传</source>
        <translation>Waiting to upload</translation>
    </message>
    <message>
        <location filename="../ApplicantHome.qml" line="71"/>
        <source>符合选拔条件</source>
        <translation>Meets the conditions</translation>
    </message>
    <message>
        <location filename="../ApplicantHome.qml" line="71"/>
        <source>尚不符合条件，打开查看原因</source>
        <translation>Does not meet the conditions yet; open it to see why</translation>
    </message>
    <message>
        <location filename="../ApplicantHome.qml" line="87"/>
        <source>单位所在地（推荐单位）</source>
        <translation>Location of the employer (recommending authority)</translation>
    </message>
    <message>
        <location filename="../ApplicantHome.qml" line="96"/>
        <source>培养方式</source>
        <translation>Training mode</translation>
    </message>
    <message>
        <location filename="../ApplicantHome.qml" line="111"/>
        <source>未能新增申报表：请确认已登录并已同步年度计划</source>
        <translation>Could not create the application: make sure you are signed in and the campaign has been synced</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <location filename="../AssessmentDialog.qml" line="21"/>
        <source>登记结业考核</source>
        <translation>Record the completion assessment</translation>
    </message>
    <message>
        <location filename="../AssessmentDialog.qml" line="37"/>
        <source>%1 · %2 · 培养期 %3 至 %4。登记后不能修改。</source>
        <translation>%1 · %2 · training %3 to %4. Once recorded it cannot change.</translation>
    </message>
    <message>
        <location filename="../AssessmentDialog.qml" line="42"/>
        <source>考核结果（必选）</source>
        <translation>Result (required)</translation>
    </message>
    <message>
        <location filename="../AssessmentDialog.qml" line="44"/>
        <source>合格</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../AssessmentDialog.qml" line="45"/>
        <source>不合格</source>
        <translation>Not passed</translation>
    </message>
    <message>
        <location filename="../AssessmentDialog.qml" line="47"/>
        <source>考核日期（YYYY-MM-DD）</source>
        <translation>Date of the assessment (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../AssessmentDialog.qml" line="49"/>
        <source>考核意见（必填）</source>
        <translation>Comments (required)</translation>
    </message>
    <message>
        <location filename="../AssessmentDialog.qml" line="49"/>
        <source>考核意见</source>
        <translation>Comments</translation>
    </message>
    <message>
        <location filename="../AssessmentDialog.qml" line="68"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../AssessmentDialog.qml" line="71"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../AssessmentDialog.qml" line="82"/>
        <source>已登记 %1 的结业考核</source>
        <translation>Recorded the assessment of %1</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../AttachmentsPanel.qml" line="14"/>
        <source>附件证明材料</source>
        <translation>Supporting documents</translation>
    </message>
    <message>
        <location filename="../AttachmentsPanel.qml" line="25"/>
        <source>本机没有能打开此文件的程序。文件在 %1，请用其他程序打开，或安装 PDF/图片查看程序</source>
        <translation>No program on this computer opens this file. It is at %1: open it with another program, or install a PDF or image viewer</translation>
    </message>
    <message>
        <location filename="../AttachmentsPanel.qml" line="44"/>
        <source>查看</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../AttachmentsPanel.qml" line="45"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../AttachmentsPanel.qml" line="60"/>
        <source>添加附件…</source>
        <translation>Add document…</translation>
    </message>
    <message>
        <location filename="../AttachmentsPanel.qml" line="67"/>
        <source>选择附件（PDF、JPEG、PNG）</source>
        <translation>Choose a document (PDF, JPEG, PNG)</translation>
    </message>
    <message>
        <location filename="../AttachmentsPanel.qml" line="68"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../AttachmentsPanel.qml" line="69"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../AttachmentsPanel.qml" line="70"/>
        <source>证明材料 (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Documents (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>CentreAdmissionPane</name>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="55"/>
        <source>待录取 %1 人（推荐单位已审核通过）</source>
        <translation>%1 waiting for admission (approved by their authority)</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="56"/>
        <source>没有待录取的申报：推荐单位审核通过、同步后会出现在这里。</source>
        <translation>Nobody is waiting for admission: applications appear here once their authority approves them and they are synced.</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="62"/>
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="76"/>
        <source>录取所选（%1）…</source>
        <translation>Admit selected (%1)…</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="86"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="86"/>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="86"/>
        <source>推荐单位</source>
        <translation>Recommending authority</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="86"/>
        <source>纸质材料</source>
        <translation>Paper copy</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="87"/>
        <source>意向培养单位</source>
        <translation>Intended training unit</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="122"/>
        <source>已收</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="122"/>
        <source>未收</source>
        <translation>Not received</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="128"/>
        <source>查看</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="131"/>
        <source>录取…</source>
        <translation>Admit…</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="142"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="143"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="144"/>
        <source>选择录取表（.xlsx）</source>
        <translation>Choose the admission table (.xlsx)</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="145"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="154"/>
        <source>从表格批量录取</source>
        <translation>Admit from a table</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="156"/>
        <source>从 Excel 复制各行粘贴到下面：身份证号（或姓名）、培养单位、培养专业、开始日期、结束日期（可留空），每行一人；第一行可为表头。也可直接导入 .xlsx 文件（如附件2加上培养单位、培养专业、开始日期、结束日期列），按表头找列。</source>
        <translation>Copy rows from Excel and paste them below: ID number (or name), training unit, major, start date, end date (may be empty), one person per row; the first row may be a header. Or import an .xlsx file (such as Annex 2 with columns 培养单位, 培养专业, 开始日期, 结束日期 added): its columns are found by their headers.</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="168"/>
        <source>身份证号	培养单位	培养专业	开始日期	结束日期</source>
        <translation>ID number	Training unit	Major	Start	End</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="177"/>
        <source>检查各行</source>
        <translation>Check the rows</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="183"/>
        <source>从 Excel 文件导入…</source>
        <translation>Import an Excel file…</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="188"/>
        <source>录取通过检查的 %1 行</source>
        <translation>Admit the %1 rows that passed</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="195"/>
        <source>已录取 %1 人，下次同步时上传；%2 行未录取，原因见检查结果。</source>
        <translation>%1 admitted, uploaded at the next sync; %2 rows not admitted: see the check results for why.</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="203"/>
        <source>%1 行中 %2 行可以录取</source>
        <translation>%2 of %1 rows can be admitted</translation>
    </message>
    <message>
        <location filename="../CentreAdmissionPane.qml" line="214"/>
        <source>第 %1 行</source>
        <translation>Row %1</translation>
    </message>
</context>
<context>
    <name>CentreAllocationPane</name>
    <message>
        <location filename="../CentreAllocationPane.qml" line="39"/>
        <source>调整各推荐单位的名额；合计须等于本年度总名额，且不少于已审核通过的人数。保存后各推荐单位同步即可看到新的名额。</source>
        <translation>Change each recommending authority&apos;s places; the total must equal the campaign&apos;s places and no authority may get fewer than it has approved. After saving, each authority sees its new places when it syncs.</translation>
    </message>
    <message>
        <location filename="../CentreAllocationPane.qml" line="48"/>
        <source>推荐单位</source>
        <translation>Recommending authority</translation>
    </message>
    <message>
        <location filename="../CentreAllocationPane.qml" line="48"/>
        <source>已审核通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../CentreAllocationPane.qml" line="48"/>
        <source>现分配名额</source>
        <translation>Places now</translation>
    </message>
    <message>
        <location filename="../CentreAllocationPane.qml" line="48"/>
        <source>调整为</source>
        <translation>Change to</translation>
    </message>
    <message>
        <location filename="../CentreAllocationPane.qml" line="83"/>
        <source>少于已通过的 %1 人</source>
        <translation>fewer than the %1 approved</translation>
    </message>
    <message>
        <location filename="../CentreAllocationPane.qml" line="100"/>
        <source>合计 %1 个名额，等于本年度总名额 %2</source>
        <translation>%1 places in all, equal to the campaign&apos;s %2</translation>
    </message>
    <message>
        <location filename="../CentreAllocationPane.qml" line="101"/>
        <source>合计 %1 个名额，本年度总名额为 %2：还需%3 %4 个</source>
        <translation>%1 places in all, but the campaign has %2: %3 %4 more</translation>
    </message>
    <message>
        <location filename="../CentreAllocationPane.qml" line="102"/>
        <source>分配</source>
        <translation>hand out</translation>
    </message>
    <message>
        <location filename="../CentreAllocationPane.qml" line="102"/>
        <source>减少</source>
        <translation>take back</translation>
    </message>
    <message>
        <location filename="../CentreAllocationPane.qml" line="109"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../CentreAllocationPane.qml" line="115"/>
        <source>保存名额分配…</source>
        <translation>Save the allocation…</translation>
    </message>
    <message>
        <location filename="../CentreAllocationPane.qml" line="133"/>
        <source>保存名额分配</source>
        <translation>Save the allocation</translation>
    </message>
    <message>
        <location filename="../CentreAllocationPane.qml" line="141"/>
        <source>将调整 %1 个推荐单位的名额。各推荐单位同步后按新名额审核；已审核通过的申报不受影响。</source>
        <translation>The places of %1 authorities will change. Each authority reviews by its new places after it syncs; applications already approved are not affected.</translation>
    </message>
    <message>
        <location filename="../CentreAllocationPane.qml" line="152"/>
        <source>名额分配已保存。</source>
        <translation>The allocation is saved. </translation>
    </message>
</context>
<context>
    <name>CentreExportDialog</name>
    <message>
        <location filename="../CentreExportDialog.qml" line="23"/>
        <source>导出 Excel 表格</source>
        <translation>Export an Excel table</translation>
    </message>
    <message>
        <location filename="../CentreExportDialog.qml" line="30"/>
        <source>附件1 名额分配表（分配、已通过、待审核、剩余）</source>
        <translation>Annex 1 allocation table (places, approved, awaiting, remaining)</translation>
    </message>
    <message>
        <location filename="../CentreExportDialog.qml" line="31"/>
        <source>附件2 学员汇总表（审核通过的学员）</source>
        <translation>Annex 2 summary table (approved applicants)</translation>
    </message>
    <message>
        <location filename="../CentreExportDialog.qml" line="32"/>
        <source>录取学员名单（培养单位、专业、起止日期）</source>
        <translation>Admitted trainees (training unit, major, start and end)</translation>
    </message>
    <message>
        <location filename="../CentreExportDialog.qml" line="33"/>
        <source>经费计划与拨付（按学员、按培养单位、拨付明细）</source>
        <translation>Funding plan and payments (per trainee, per training unit, every payment)</translation>
    </message>
    <message>
        <location filename="../CentreExportDialog.qml" line="60"/>
        <source>推荐单位</source>
        <translation>Recommending authority</translation>
    </message>
    <message>
        <location filename="../CentreExportDialog.qml" line="63"/>
        <source>全部推荐单位</source>
        <translation>Every authority</translation>
    </message>
    <message>
        <location filename="../CentreExportDialog.qml" line="72"/>
        <source>表格由服务器按全部数据生成，需要联网。</source>
        <translation>The server builds the tables from all the data: exporting needs a connection.</translation>
    </message>
    <message>
        <location filename="../CentreExportDialog.qml" line="89"/>
        <source>打开文件</source>
        <translation>Open the file</translation>
    </message>
    <message>
        <location filename="../CentreExportDialog.qml" line="93"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../CentreExportDialog.qml" line="96"/>
        <source>保存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../CentreExportDialog.qml" line="108"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../CentreExportDialog.qml" line="109"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../CentreExportDialog.qml" line="110"/>
        <source>保存表格</source>
        <translation>Save the table</translation>
    </message>
    <message>
        <location filename="../CentreExportDialog.qml" line="111"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>CentreHome</name>
    <message>
        <location filename="../CentreHome.qml" line="49"/>
        <source>申报汇总</source>
        <translation>Consolidation</translation>
    </message>
    <message>
        <location filename="../CentreHome.qml" line="50"/>
        <source>录取（%1）</source>
        <translation>Admission (%1)</translation>
    </message>
    <message>
        <location filename="../CentreHome.qml" line="51"/>
        <source>名额分配</source>
        <translation>Allocation</translation>
    </message>
    <message>
        <location filename="../CentreHome.qml" line="52"/>
        <source>查找申报</source>
        <translation>Find applications</translation>
    </message>
    <message>
        <location filename="../CentreHome.qml" line="53"/>
        <source>培养与经费</source>
        <translation>Training and funding</translation>
    </message>
    <message>
        <location filename="../CentreHome.qml" line="71"/>
        <source>数据截至：</source>
        <translation>Data as of: </translation>
    </message>
    <message>
        <location filename="../CentreHome.qml" line="78"/>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
</context>
<context>
    <name>CentreSearchPane</name>
    <message>
        <location filename="../CentreSearchPane.qml" line="31"/>
        <source>全部状态</source>
        <translation>Every state</translation>
    </message>
    <message>
        <location filename="../CentreSearchPane.qml" line="32"/>
        <source>审核通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../CentreSearchPane.qml" line="33"/>
        <source>待推荐单位审核</source>
        <translation>Awaiting the authority</translation>
    </message>
    <message>
        <location filename="../CentreSearchPane.qml" line="34"/>
        <source>待所在单位审核</source>
        <translation>Awaiting the work unit</translation>
    </message>
    <message>
        <location filename="../CentreSearchPane.qml" line="35"/>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../CentreSearchPane.qml" line="36"/>
        <source>纸质材料已收</source>
        <translation>Paper copies received</translation>
    </message>
    <message>
        <location filename="../CentreSearchPane.qml" line="37"/>
        <source>已录取</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <location filename="../CentreSearchPane.qml" line="40"/>
        <source>全部推荐单位</source>
        <translation>Every authority</translation>
    </message>
    <message>
        <location filename="../CentreSearchPane.qml" line="48"/>
        <source>按姓名、身份证号或工作单位查找</source>
        <translation>Find by name, ID number or employer</translation>
    </message>
    <message>
        <location filename="../CentreSearchPane.qml" line="73"/>
        <source>共 %1 份申报</source>
        <translation>%1 applications</translation>
    </message>
    <message>
        <location filename="../CentreSearchPane.qml" line="73"/>
        <source>；点击一行查看申报表和审核记录</source>
        <translation>; click a row to see the form and its history</translation>
    </message>
    <message>
        <location filename="../CentreSearchPane.qml" line="81"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../CentreSearchPane.qml" line="81"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../CentreSearchPane.qml" line="81"/>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../CentreSearchPane.qml" line="81"/>
        <source>推荐单位</source>
        <translation>Recommending authority</translation>
    </message>
    <message>
        <location filename="../CentreSearchPane.qml" line="82"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../CentreSearchPane.qml" line="82"/>
        <source>纸质材料</source>
        <translation>Paper copy</translation>
    </message>
    <message>
        <location filename="../CentreSearchPane.qml" line="114"/>
        <source>已收</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../CentreSearchPane.qml" line="121"/>
        <source>没有符合条件的申报。</source>
        <translation>No application matches.</translation>
    </message>
</context>
<context>
    <name>CentreSummaryPane</name>
    <message>
        <location filename="../CentreSummaryPane.qml" line="21"/>
        <source>分配名额</source>
        <translation>Allocation</translation>
    </message>
    <message>
        <location filename="../CentreSummaryPane.qml" line="22"/>
        <source>审核通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../CentreSummaryPane.qml" line="23"/>
        <source>待推荐单位审核</source>
        <translation>Awaiting the authority</translation>
    </message>
    <message>
        <location filename="../CentreSummaryPane.qml" line="24"/>
        <source>待所在单位审核</source>
        <translation>Awaiting the work unit</translation>
    </message>
    <message>
        <location filename="../CentreSummaryPane.qml" line="25"/>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../CentreSummaryPane.qml" line="26"/>
        <source>纸质材料已收</source>
        <translation>Paper copies received</translation>
    </message>
    <message>
        <location filename="../CentreSummaryPane.qml" line="27"/>
        <source>已录取</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <location filename="../CentreSummaryPane.qml" line="30"/>
        <source>申报汇总（附件1）</source>
        <translation>Consolidation (Annex 1)</translation>
    </message>
    <message>
        <location filename="../CentreSummaryPane.qml" line="33"/>
        <source>尚无年度计划的数据：请联网同步。</source>
        <translation>No campaign data yet: sync while online.</translation>
    </message>
    <message>
        <location filename="../CentreSummaryPane.qml" line="47"/>
        <source>推荐单位</source>
        <translation>Recommending authority</translation>
    </message>
    <message>
        <location filename="../CentreSummaryPane.qml" line="80"/>
        <source>查看这些申报</source>
        <translation>Show these applications</translation>
    </message>
    <message>
        <location filename="../CentreSummaryPane.qml" line="99"/>
        <source>点击数字查看其中的申报。</source>
        <translation>Click a number to see the applications behind it.</translation>
    </message>
</context>
<context>
    <name>DisqualifyDialog</name>
    <message>
        <location filename="../DisqualifyDialog.qml" line="23"/>
        <source>取消培养资格</source>
        <translation>Disqualify</translation>
    </message>
    <message>
        <location filename="../DisqualifyDialog.qml" line="39"/>
        <source>取消 %1 的培养资格后，培养即告结束，剩余经费计划停止，并要求退还已拨付的全部特培经费（目前 %2 元）。此操作不能撤销。</source>
        <translation>Disqualifying %1 ends the training, stops the remaining funding plan and claims back every programme fund disbursed (now %2 CNY). This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../DisqualifyDialog.qml" line="45"/>
        <source>情形（必选）</source>
        <translation>Ground (required)</translation>
    </message>
    <message>
        <location filename="../DisqualifyDialog.qml" line="58"/>
        <source>事实经过（必填）</source>
        <translation>Facts (required)</translation>
    </message>
    <message>
        <location filename="../DisqualifyDialog.qml" line="67"/>
        <source>通报批评内容（必填）</source>
        <translation>Text of the public criticism (required)</translation>
    </message>
    <message>
        <location filename="../DisqualifyDialog.qml" line="87"/>
        <source>返回，不作处理</source>
        <translation>Back, change nothing</translation>
    </message>
    <message>
        <location filename="../DisqualifyDialog.qml" line="90"/>
        <source>取消 %1 的培养资格</source>
        <translation>Disqualify %1</translation>
    </message>
    <message>
        <location filename="../DisqualifyDialog.qml" line="100"/>
        <source>已取消 %1 的培养资格</source>
        <translation>%1 was disqualified</translation>
    </message>
</context>
<context>
    <name>EligibilityPanel</name>
    <message>
        <location filename="../EligibilityPanel.qml" line="11"/>
        <source>选拔条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <location filename="../EligibilityPanel.qml" line="15"/>
        <source>✓ 符合选拔条件</source>
        <translation>✓ Meets the selection conditions</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../FieldEditor.qml" line="78"/>
        <source>年-月-日，如 1985-06-01</source>
        <translation>Year-month-day, e.g. 1985-06-01</translation>
    </message>
    <message>
        <location filename="../FieldEditor.qml" line="79"/>
        <source>整数</source>
        <translation>Whole number</translation>
    </message>
    <message>
        <location filename="../FieldEditor.qml" line="103"/>
        <source>%1 / %2 字</source>
        <translation>%1 / %2 characters</translation>
    </message>
    <message>
        <location filename="../FieldEditor.qml" line="118"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../FieldEditor.qml" line="126"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../FieldEditor.qml" line="143"/>
        <source>请选择</source>
        <translation>Choose…</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../FollowUpDialog.qml" line="23"/>
        <source>登记返岗</source>
        <translation>Record the return to post</translation>
    </message>
    <message>
        <location filename="../FollowUpDialog.qml" line="23"/>
        <source>登记后续支持</source>
        <translation>Record follow-up support</translation>
    </message>
    <message>
        <location filename="../FollowUpDialog.qml" line="41"/>
        <source>%1 · 培养期 %2 至 %3 · 培养结束后登记其回到本单位工作岗位的日期。</source>
        <translation>%1 · training %2 to %3 · once the training has ended, record the day they are back at their post here.</translation>
    </message>
    <message>
        <location filename="../FollowUpDialog.qml" line="42"/>
        <source>%1 · 已于 %2 返岗 · 登记本单位在职称、职务、科研等方面给予的支持。</source>
        <translation>%1 · back at the post since %2 · record the support your unit gives: titles, promotion, research.</translation>
    </message>
    <message>
        <location filename="../FollowUpDialog.qml" line="46"/>
        <source>支持类别</source>
        <translation>Kind of support</translation>
    </message>
    <message>
        <location filename="../FollowUpDialog.qml" line="57"/>
        <source>返岗日期（YYYY-MM-DD）</source>
        <translation>Day back at the post (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../FollowUpDialog.qml" line="57"/>
        <source>日期（YYYY-MM-DD）</source>
        <translation>Date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../FollowUpDialog.qml" line="59"/>
        <source>岗位（选填）</source>
        <translation>Post (optional)</translation>
    </message>
    <message>
        <location filename="../FollowUpDialog.qml" line="59"/>
        <source>内容（必填：评审的职称、晋升的职务、项目名称等）</source>
        <translation>What it was (required: the title, the post, the project)</translation>
    </message>
    <message>
        <location filename="../FollowUpDialog.qml" line="78"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../FollowUpDialog.qml" line="81"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../FollowUpDialog.qml" line="91"/>
        <source>已登记 %1 返岗</source>
        <translation>Recorded the return to post of %1</translation>
    </message>
    <message>
        <location filename="../FollowUpDialog.qml" line="91"/>
        <source>已登记 %1 的后续支持</source>
        <translation>Recorded support for %1</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <location filename="../FormPage.qml" line="198"/>
        <source>提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="37"/>
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="42"/>
        <source>编辑申报表</source>
        <translation>Edit application</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="42"/>
        <source>（未填姓名）</source>
        <translation>(name not filled in)</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="49"/>
        <location filename="../FormPage.qml" line="214"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="68"/>
        <source>打印申报表</source>
        <translation>Print application form</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="81"/>
        <source>撤回申报…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="147"/>
        <source>已填写完整，但尚不符合上述选拔条件，提交将不被接受</source>
        <translation>Complete, but the conditions above are not met: a submission will be refused</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="148"/>
        <source>✓ 已填写完整，可以提交</source>
        <translation>✓ Complete: ready to submit</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="146"/>
        <source>提交前还需处理 %1 项：</source>
        <translation>%1 items to fix before submitting:</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="25"/>
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="25"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="42"/>
        <source>查看申报表</source>
        <translation>View application</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="53"/>
        <source>已保存在本机</source>
        <translation>Saved on this device</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="71"/>
        <source>提交后才能打印：打印件须与提交的内容一致</source>
        <translation>Printing comes after submitting: the printout must match what was submitted</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="128"/>
        <source>退回意见：%1
（%2，%3）请按意见修改后重新提交。</source>
        <translation>Returned with this opinion: %1
(%2, %3) Change the application as asked and submit it again.</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="160"/>
        <source>……另有 %1 项</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="184"/>
        <source>提交申报表</source>
        <translation>Submit the application</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="184"/>
        <location filename="../FormPage.qml" line="198"/>
        <source>撤回申报</source>
        <translation>Withdraw the application</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="190"/>
        <source>提交后由所在单位审核；审核期间不能修改，单位退回后可修改再提交。没有网络时，提交保存在本机，联网后自动上传。确定提交吗？</source>
        <translation>Your work unit reviews the application next; it cannot be changed during the review (if the unit returns it, you can change and submit it again). Without a connection the submission is kept on this device and uploaded when you are back online. Submit now?</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="192"/>
        <source>此申报表已通过推荐单位审核。撤回后不能恢复，名额退回推荐单位，如需再次申报只能新建申报表。确定撤回吗？</source>
        <translation>The recommending authority has approved this application. Withdrawing cannot be undone: the place goes back to the authority, and applying again means a new application. Withdraw it?</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="193"/>
        <source>撤回后本申报表作废，不能恢复；如需再次申报只能新建申报表。确定撤回吗？</source>
        <translation>A withdrawn application is void and cannot be restored; applying again means a new application. Withdraw it?</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="203"/>
        <location filename="../FormPage.qml" line="215"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="216"/>
        <source>保存申报表 PDF</source>
        <translation>Save the application form as PDF</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="217"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../FormPage.qml" line="220"/>
        <source>申报表已保存，请打印后由所在单位盖章，报送推荐单位</source>
        <translation>Form saved. Print it, have your employer stamp it, and send it to the recommending authority</translation>
    </message>
</context>
<context>
    <name>HistoryList</name>
    <message>
        <location filename="../HistoryList.qml" line="12"/>
        <source>审核意见与操作记录</source>
        <translation>Review opinions and history</translation>
    </message>
    <message>
        <location filename="../HistoryList.qml" line="15"/>
        <source>暂无记录</source>
        <translation>No entries yet</translation>
    </message>
    <message>
        <location filename="../HistoryList.qml" line="43"/>
        <source>操作人：%1 %2  设备：%3</source>
        <translation>By: %1 %2  Device: %3</translation>
    </message>
    <message>
        <location filename="../HistoryList.qml" line="49"/>
        <source>意见：</source>
        <translation>Opinion: </translation>
    </message>
</context>
<context>
    <name>LeavePage</name>
    <message>
        <location filename="../LeavePage.qml" line="253"/>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="288"/>
        <source>修改请假申请（审批前可以修改）</source>
        <translation>Edit the leave request (possible until the first decision)</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="106"/>
        <source>%1 · %2 %3 · %4 起 · 请假 %5 次，已批准 %6 天</source>
        <translation>%1 · %2, %3 · from %4 · %5 leave requests, %6 days approved</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="205"/>
        <location filename="../LeavePage.qml" line="355"/>
        <source>已同意</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="205"/>
        <source>未同意</source>
        <translation>refused</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="195"/>
        <source>%1 至 %2，共 %3 天</source>
        <translation>%1 to %2, %3 days</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="34"/>
        <source>全部学员</source>
        <translation>All trainees</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="44"/>
        <source>%1：请假 %2 次，批准 %3 次共 %4 天，逾期返回 %5 次</source>
        <translation>%1: %2 requests, %3 approved for %4 days in all, %5 back late</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="69"/>
        <source>%1 项待您处理</source>
        <translation>%1 waiting for you</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="136"/>
        <source>待我审批（%1）</source>
        <translation>To decide (%1)</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="137"/>
        <source>待我备案（%1）</source>
        <translation>To file (%1)</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="138"/>
        <source>全部（%1）</source>
        <translation>All (%1)</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="162"/>
        <source>没有待您审批的请假申请。</source>
        <translation>No leave request awaits your decision.</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="163"/>
        <source>没有待您备案的请假申请。</source>
        <translation>No leave request awaits your filing.</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="163"/>
        <source>该学员没有请假申请。</source>
        <translation>This trainee has no leave requests.</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="219"/>
        <source>证明材料（如医院诊断证明）</source>
        <translation>Proof (e.g. a medical certificate)</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="242"/>
        <source>已备案</source>
        <translation>Filed for the record</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="277"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="280"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="335"/>
        <source>请假申请已保存在本机</source>
        <translation>The leave request is saved on this device</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="359"/>
        <source>不同意</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="318"/>
        <source>事假</source>
        <translation>Personal leave</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="328"/>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="279"/>
        <source>保存请销假审批表 PDF</source>
        <translation>Save the leave form as PDF</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="278"/>
        <location filename="../LeavePage.qml" line="362"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="353"/>
        <source>同意</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="241"/>
        <source>备案</source>
        <translation>File for the record</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="140"/>
        <location filename="../LeavePage.qml" line="303"/>
        <source>学员</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="360"/>
        <source>已不同意</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="375"/>
        <source>实际返校日期（YYYY-MM-DD）</source>
        <translation>Day back (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="234"/>
        <source>审批</source>
        <translation>Decide</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="348"/>
        <source>审批意见（不同意或需书面审批时必填）</source>
        <translation>Opinion (required to refuse, and where the decision is in writing)</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="343"/>
        <source>审批请假申请</source>
        <translation>Decide on the leave request</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="226"/>
        <source>已于 %1 返回</source>
        <translation>Back on %1</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="390"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="322"/>
        <source>开始日期和结束日期（YYYY-MM-DD，含首尾两天）</source>
        <translation>First and last day (YYYY-MM-DD, both counted)</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="198"/>
        <source>待上传</source>
        <translation>Not yet sent</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="263"/>
        <source>打印请销假审批表</source>
        <translation>Print the leave form</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="378"/>
        <source>已确认销假</source>
        <translation>Return confirmed</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="389"/>
        <source>撤回后该申请不再审批；如仍需请假，请重新提出申请。</source>
        <translation>A withdrawn request is no longer decided; to take leave after all, file a new request.</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="259"/>
        <source>撤回申请</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="384"/>
        <source>撤回请假申请？</source>
        <translation>Withdraw the leave request?</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="76"/>
        <location filename="../LeavePage.qml" line="288"/>
        <source>新的请假申请</source>
        <translation>New leave request</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="69"/>
        <source>没有待您处理的请假申请</source>
        <translation>No leave request is waiting for you</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="318"/>
        <source>病假</source>
        <translation>Sick leave</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="84"/>
        <source>病假、事假按天数分级审批（各方按顺序审批，最后一方在其余各方同意后审批）：</source>
        <translation>Sick and personal leave are decided by length (the last party decides after the others have agreed): </translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="247"/>
        <location filename="../LeavePage.qml" line="370"/>
        <source>确认销假</source>
        <translation>Confirm the return</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="325"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="66"/>
        <source>请假管理</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="313"/>
        <source>请假类别（学习期间不得休假）</source>
        <translation>Kind of leave (there is no vacation during training)</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="281"/>
        <source>请销假审批表已保存，请打印后由各单位签署意见并盖章</source>
        <translation>The leave form is saved; print it for each party to sign and stamp</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="63"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="169"/>
        <source>还没有请假申请。学员或培养单位提出申请并同步后，会显示在这里。</source>
        <translation>No leave requests yet. They appear here once a trainee or training unit files one and it is synced.</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="168"/>
        <source>还没有请假申请。需要请假时，点击“新的请假申请”。</source>
        <translation>No leave requests yet. To ask for leave, click New leave request.</translation>
    </message>
    <message>
        <location filename="../LeavePage.qml" line="226"/>
        <source>，超过批准的结束日期</source>
        <translation>, after the approved last day</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../LoginPage.qml" line="30"/>
        <source>少数民族专业技术人才特殊培养管理系统</source>
        <translation>Special Training Programme for Minority Professional and Technical Talent</translation>
    </message>
    <message>
        <location filename="../LoginPage.qml" line="46"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../LoginPage.qml" line="52"/>
        <source>登录名</source>
        <translation>Login name</translation>
    </message>
    <message>
        <location filename="../LoginPage.qml" line="54"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../LoginPage.qml" line="62"/>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../LoginPage.qml" line="70"/>
        <source>受信任的证书</source>
        <translation>Trusted certificate</translation>
    </message>
    <message>
        <location filename="../LoginPage.qml" line="74"/>
        <source>CA 证书文件（PEM），留空则使用系统证书</source>
        <translation>CA certificate file (PEM); empty: the system&apos;s certificates</translation>
    </message>
    <message>
        <location filename="../LoginPage.qml" line="82"/>
        <source>联网登录</source>
        <translation>Sign in online</translation>
    </message>
    <message>
        <location filename="../LoginPage.qml" line="90"/>
        <source>离线登录</source>
        <translation>Sign in offline</translation>
    </message>
    <message>
        <location filename="../LoginPage.qml" line="110"/>
        <source>离线登录只适用于在本机联网登录过的账号；离线时的更改保存在本机，联网后自动上传。</source>
        <translation>Offline sign-in works only for accounts that signed in online on this device before; changes made offline are kept here and upload when online.</translation>
    </message>
    <message>
        <location filename="../LoginPage.qml" line="117"/>
        <source>申报人注册</source>
        <translation>Register as an applicant</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="14"/>
        <source>特培 · 少数民族专业技术人才特殊培养管理系统</source>
        <translation>Tepei · Special Training Programme for Minority Professional and Technical Talent</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <location filename="../NoticeBanner.qml" line="22"/>
        <source>%1 项您的操作未被接受，请查看原因并处理</source>
        <translation>%1 of your actions were not accepted; see why and act on it</translation>
    </message>
    <message>
        <location filename="../NoticeBanner.qml" line="28"/>
        <source>收起</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location filename="../NoticeBanner.qml" line="28"/>
        <source>查看原因</source>
        <translation>Show reasons</translation>
    </message>
    <message>
        <location filename="../NoticeBanner.qml" line="34"/>
        <source>知道了</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../NoticeBanner.qml" line="37"/>
        <source>不再显示这些提示；以后再有操作未被接受时会重新提示</source>
        <translation>Hide these notices; a later refusal is shown again</translation>
    </message>
    <message>
        <location filename="../NoticeBanner.qml" line="47"/>
        <source>申报表</source>
        <translation>Application</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../PaymentDialog.qml" line="23"/>
        <source>登记退款</source>
        <translation>Record a refund</translation>
    </message>
    <message>
        <location filename="../PaymentDialog.qml" line="23"/>
        <source>登记拨付</source>
        <translation>Record a payment</translation>
    </message>
    <message>
        <location filename="../PaymentDialog.qml" line="52"/>
        <source>%1 应退还 %2 元，已退还 %3 元，尚欠 %4 元。</source>
        <translation>%1 owes %2 CNY; %3 CNY refunded, %4 CNY outstanding.</translation>
    </message>
    <message>
        <location filename="../PaymentDialog.qml" line="54"/>
        <source>%1 · %2 · 计划 %3 元，已拨付 %4 元，剩余 %5 元。</source>
        <translation>%1 · %2 · plan %3 CNY, paid %4 CNY, remaining %5 CNY.</translation>
    </message>
    <message>
        <location filename="../PaymentDialog.qml" line="59"/>
        <source>拨付项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../PaymentDialog.qml" line="73"/>
        <source>金额（元；冲减填负数并注明原因）</source>
        <translation>Amount in CNY (a correction is negative and needs a note)</translation>
    </message>
    <message>
        <location filename="../PaymentDialog.qml" line="75"/>
        <source>收到退款日期（YYYY-MM-DD）</source>
        <translation>Day the refund was received (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../PaymentDialog.qml" line="75"/>
        <source>拨付日期（YYYY-MM-DD）</source>
        <translation>Day of payment (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../PaymentDialog.qml" line="77"/>
        <source>说明（凭证号、所属月份等；冲减时必填）</source>
        <translation>Note (voucher number, month paid; required for a correction)</translation>
    </message>
    <message>
        <location filename="../PaymentDialog.qml" line="89"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../PaymentDialog.qml" line="92"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../PaymentDialog.qml" line="102"/>
        <source>已登记 %1 的退款 %2 元</source>
        <translation>Recorded a refund of %2 CNY from %1</translation>
    </message>
    <message>
        <location filename="../PaymentDialog.qml" line="103"/>
        <source>已登记 %1 的拨付 %2 元</source>
        <translation>Recorded a payment of %2 CNY for %1</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../RegisterPage.qml" line="32"/>
        <source>申报人注册</source>
        <translation>Register as an applicant</translation>
    </message>
    <message>
        <location filename="../RegisterPage.qml" line="32"/>
        <source>工作单位注册</source>
        <translation>Register a work unit</translation>
    </message>
    <message>
        <location filename="../RegisterPage.qml" line="37"/>
        <source>申报人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../RegisterPage.qml" line="38"/>
        <source>工作单位</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <location filename="../RegisterPage.qml" line="43"/>
        <source>单位注册后由推荐单位审核；审核通过后，此账号作为本单位的审核员登录，审核本单位人员的申报。</source>
        <translation>The recommending authority reviews the registration; once it approves, this account signs in as the unit&apos;s reviewer and reviews its people&apos;s applications.</translation>
    </message>
    <message>
        <location filename="../RegisterPage.qml" line="51"/>
        <source>单位全称</source>
        <translation>Full name of the unit</translation>
    </message>
    <message>
        <location filename="../RegisterPage.qml" line="53"/>
        <source>推荐单位</source>
        <translation>Recommending authority</translation>
    </message>
    <message>
        <location filename="../RegisterPage.qml" line="61"/>
        <source>请选择本单位所属的推荐单位</source>
        <translation>Choose the unit&apos;s recommending authority</translation>
    </message>
    <message>
        <location filename="../RegisterPage.qml" line="65"/>
        <source>登录名</source>
        <translation>Login name</translation>
    </message>
    <message>
        <location filename="../RegisterPage.qml" line="67"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../RegisterPage.qml" line="67"/>
        <source>审核员姓名</source>
        <translation>Reviewer&apos;s name</translation>
    </message>
    <message>
        <location filename="../RegisterPage.qml" line="69"/>
        <source>手机号码</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <location filename="../RegisterPage.qml" line="71"/>
        <source>工作单位代码</source>
        <translation>Work unit code</translation>
    </message>
    <message>
        <location filename="../RegisterPage.qml" line="72"/>
        <source>向所在单位索取</source>
        <translation>Ask your work unit for it</translation>
    </message>
    <message>
        <location filename="../RegisterPage.qml" line="73"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../RegisterPage.qml" line="75"/>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <location filename="../RegisterPage.qml" line="80"/>
        <source>两次输入的密码不一致，请重新输入</source>
        <translation>The two passwords differ; enter them again</translation>
    </message>
    <message>
        <location filename="../RegisterPage.qml" line="84"/>
        <source>返回登录</source>
        <translation>Back to sign-in</translation>
    </message>
    <message>
        <location filename="../RegisterPage.qml" line="88"/>
        <source>注册</source>
        <translation>Register</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../ReviewPage.qml" line="25"/>
        <source>已记录您的决定</source>
        <translation>Your decision is recorded</translation>
    </message>
    <message>
        <location filename="../ReviewPage.qml" line="42"/>
        <source>已录取</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <location filename="../ReviewPage.qml" line="48"/>
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <location filename="../ReviewPage.qml" line="50"/>
        <source>审核材料</source>
        <translation>Review application</translation>
    </message>
    <message>
        <location filename="../ReviewPage.qml" line="51"/>
        <source> · 基层</source>
        <translation> · grassroots</translation>
    </message>
    <message>
        <location filename="../ReviewPage.qml" line="51"/>
        <source> · 非公领域</source>
        <translation> · non-public sector</translation>
    </message>
    <message>
        <location filename="../ReviewPage.qml" line="87"/>
        <source>审核意见</source>
        <translation>Review opinion</translation>
    </message>
    <message>
        <location filename="../ReviewPage.qml" line="94"/>
        <source>填写审核意见；退回时必须写明需要修改的内容</source>
        <translation>Write your opinion; a return must say what has to change</translation>
    </message>
    <message>
        <location filename="../ReviewPage.qml" line="98"/>
        <source>您审核的内容摘要：%1…；若申报人此后修改了内容，本次决定将不被接受，需重新审核</source>
        <translation>Digest of the content you reviewed: %1…; if the applicant changes it afterwards, this decision will not stand and you review again</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <location filename="../ReviewQueue.qml" line="48"/>
        <source>申报材料审核（推荐单位）</source>
        <translation>Application review (recommending authority)</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="48"/>
        <source>申报材料审核（所在单位）</source>
        <translation>Application review (work unit)</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="60"/>
        <source>单位注册审核</source>
        <translation>Unit registrations</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="65"/>
        <source>导出学员汇总表</source>
        <translation>Export trainee summary table</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="82"/>
        <source>名额：分配 %1，已审核通过 %2，待审核 %3，剩余 %4</source>
        <translation>Places: allocated %1, approved %2, pending %3, left %4</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="86"/>
        <source>名额已满：再审核通过将被拒绝，请与自治区人事人才公共服务中心联系</source>
        <translation>Quota full: further approvals will be refused; contact the regional talent service centre</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="93"/>
        <source>仅看待我审核</source>
        <translation>Only those awaiting me</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="94"/>
        <source>仅看基层</source>
        <translation>Only grassroots</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="95"/>
        <source>仅看非公领域</source>
        <translation>Only non-public sector</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="96"/>
        <source>排序</source>
        <translation>Sort</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="102"/>
        <source>最近更新</source>
        <translation>Recently updated</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="102"/>
        <location filename="../ReviewQueue.qml" line="113"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="103"/>
        <source>基层、非公优先</source>
        <translation>Grassroots and non-public first</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="105"/>
        <source>按姓名查找</source>
        <translation>Find by name</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="113"/>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="113"/>
        <source>培养方式</source>
        <translation>Training mode</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="113"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="114"/>
        <source>基层</source>
        <translation>Grassroots</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="114"/>
        <source>非公</source>
        <translation>Non-public</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="114"/>
        <source>选拔条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="114"/>
        <source>纸质材料</source>
        <translation>Paper copy</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="147"/>
        <source>（待上传）</source>
        <translation> (not yet uploaded)</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="148"/>
        <location filename="../ReviewQueue.qml" line="149"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="150"/>
        <source>符合</source>
        <translation>Meets</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="150"/>
        <source>不符合</source>
        <translation>Does not meet</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="151"/>
        <source>已收到</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="151"/>
        <source>未收到</source>
        <translation>Not received</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="158"/>
        <source>没有待审核的申报表。取消“仅看待我审核”可查看全部。</source>
        <translation>Nothing awaits your review. Clear &quot;Only those awaiting me&quot; to see all.</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="158"/>
        <source>没有申报表。</source>
        <translation>No applications.</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="167"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="168"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="169"/>
        <source>保存学员汇总表</source>
        <translation>Save the trainee summary table</translation>
    </message>
    <message>
        <location filename="../ReviewQueue.qml" line="170"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <location filename="../RowsEditor.qml" line="60"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../RowsEditor.qml" line="72"/>
        <source>添加一行</source>
        <translation>Add a row</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <location filename="../SyncBar.qml" line="28"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
</context>
<context>
    <name>TrainingDetail</name>
    <message>
        <location filename="../TrainingDetail.qml" line="45"/>
        <source>登记拨付…</source>
        <translation>Record a payment…</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="52"/>
        <source>登记退款…</source>
        <translation>Record a refund…</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="58"/>
        <source>取消培养资格…</source>
        <translation>Disqualify…</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="64"/>
        <source>该学员已%1，剩余经费计划已停止，不再拨付。</source>
        <translation>The trainee is %1: the remaining funding plan has stopped and nothing more is paid.</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="72"/>
        <source>培养单位</source>
        <translation>Training unit</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="74"/>
        <source>培养专业</source>
        <translation>Major</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="76"/>
        <source>培养期限</source>
        <translation>Training period</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="78"/>
        <source>%1 至 %2（%3 个月）</source>
        <translation>%1 to %2 (%3 months)</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="80"/>
        <source>工作单位</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="83"/>
        <source>经费（元）</source>
        <translation>Funding (CNY)</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="89"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="90"/>
        <source>计划</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="91"/>
        <source>已拨付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="92"/>
        <source>剩余</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="103"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="122"/>
        <source>已取消培养资格</source>
        <translation>Disqualified</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="124"/>
        <source>情形：%1</source>
        <translation>Ground: %1</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="124"/>
        <location filename="../TrainingDetail.qml" line="128"/>
        <location filename="../TrainingDetail.qml" line="132"/>
        <source>（未注明）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="128"/>
        <source>事实经过：%1</source>
        <translation>Facts: %1</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="132"/>
        <source>通报批评：%1</source>
        <translation>Public criticism: %1</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="138"/>
        <source>应退还特培经费 %1 元（即已拨付的全部经费），已退还 %2 元，尚欠 %3 元。</source>
        <translation>Refund due: %1 CNY (every programme fund disbursed); %2 CNY refunded, %3 CNY outstanding.</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="148"/>
        <source>结业考核</source>
        <translation>Completion assessment</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="152"/>
        <source>%1（%2）：%3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="153"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="154"/>
        <source> · 待上传</source>
        <translation> · waiting to upload</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="155"/>
        <source>培养已中断或取消，不进行结业考核</source>
        <translation>Training interrupted or disqualified: there is no completion assessment</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="156"/>
        <source>培养单位尚未登记结业考核</source>
        <translation>The training unit has not recorded the assessment yet</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="164"/>
        <source>登记结业考核…</source>
        <translation>Record the assessment…</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="171"/>
        <source>返岗与后续支持</source>
        <translation>Return to post and follow-up support</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="174"/>
        <source>已于 %1 返岗</source>
        <translation>Back at the post since %1</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="174"/>
        <source>尚未登记返岗</source>
        <translation>Return to post not recorded yet</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="181"/>
        <source>登记返岗…</source>
        <translation>Record the return…</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="187"/>
        <source>登记后续支持…</source>
        <translation>Record support…</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="204"/>
        <source>拨付记录</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="207"/>
        <source>还没有拨付记录。</source>
        <translation>No payments recorded yet.</translation>
    </message>
    <message>
        <location filename="../TrainingDetail.qml" line="201"/>
        <location filename="../TrainingDetail.qml" line="221"/>
        <source>待上传</source>
        <translation>Waiting to upload</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <location filename="../TrainingPage.qml" line="19"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../TrainingPage.qml" line="21"/>
        <source>我的培养与经费</source>
        <translation>My training and funding</translation>
    </message>
    <message>
        <location filename="../TrainingPage.qml" line="21"/>
        <source>学员培养与经费</source>
        <translation>Trainees: training and funding</translation>
    </message>
</context>
<context>
    <name>TrainingPane</name>
    <message>
        <location filename="../TrainingPane.qml" line="70"/>
        <source>培养单位</source>
        <translation>Training unit</translation>
    </message>
    <message>
        <location filename="../TrainingPane.qml" line="71"/>
        <source>人数</source>
        <translation>Trainees</translation>
    </message>
    <message>
        <location filename="../TrainingPane.qml" line="72"/>
        <source>计划（元）</source>
        <translation>Plan (CNY)</translation>
    </message>
    <message>
        <location filename="../TrainingPane.qml" line="73"/>
        <source>已拨付（元）</source>
        <translation>Paid (CNY)</translation>
    </message>
    <message>
        <location filename="../TrainingPane.qml" line="74"/>
        <source>剩余计划（元）</source>
        <translation>Remaining (CNY)</translation>
    </message>
    <message>
        <location filename="../TrainingPane.qml" line="94"/>
        <source>按姓名或身份证号查找</source>
        <translation>Find by name or ID number</translation>
    </message>
    <message>
        <location filename="../TrainingPane.qml" line="98"/>
        <source>共 %1 名学员</source>
        <translation>%1 trainees</translation>
    </message>
    <message>
        <location filename="../TrainingPane.qml" line="122"/>
        <source>本年度还没有录取的学员。在“录取”中录取学员并同步后，会显示在这里。</source>
        <translation>No trainees admitted this year yet. Admit applicants on the Admission tab; after a sync they show here.</translation>
    </message>
    <message>
        <location filename="../TrainingPane.qml" line="123"/>
        <source>还没有录取信息。中心录取并同步后，培养和经费情况会显示在这里。</source>
        <translation>No admission yet. Once the centre admits and the device syncs, training and funding show here.</translation>
    </message>
    <message>
        <location filename="../TrainingPane.qml" line="158"/>
        <source>%1 · 已拨付 %2 / 计划 %3 元</source>
        <translation>%1 · paid %2 of %3 CNY</translation>
    </message>
</context>
<context>
    <name>UnitRegistrationsPage</name>
    <message>
        <location filename="../UnitRegistrationsPage.qml" line="42"/>
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <location filename="../UnitRegistrationsPage.qml" line="44"/>
        <source>单位注册审核</source>
        <translation>Unit registrations</translation>
    </message>
    <message>
        <location filename="../UnitRegistrationsPage.qml" line="49"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../UnitRegistrationsPage.qml" line="58"/>
        <source>本推荐单位下新注册的工作单位。核实单位名称和联系人后通过；不予通过时须写明理由。单位账号数据保存在服务器上，此页需要联网。</source>
        <translation>Work units newly registered under this authority. Check the unit&apos;s name and contact, then approve; a refusal needs a reason. Accounts are kept on the server: this page needs a connection.</translation>
    </message>
    <message>
        <location filename="../UnitRegistrationsPage.qml" line="74"/>
        <source>没有待审核的单位注册。</source>
        <translation>No unit registration is waiting.</translation>
    </message>
    <message>
        <location filename="../UnitRegistrationsPage.qml" line="89"/>
        <source>单位全称</source>
        <translation>Full name of the unit</translation>
    </message>
    <message>
        <location filename="../UnitRegistrationsPage.qml" line="89"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../UnitRegistrationsPage.qml" line="89"/>
        <source>登录名</source>
        <translation>Login name</translation>
    </message>
    <message>
        <location filename="../UnitRegistrationsPage.qml" line="89"/>
        <source>手机号码</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <location filename="../UnitRegistrationsPage.qml" line="112"/>
        <source>通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../UnitRegistrationsPage.qml" line="119"/>
        <source>不予通过…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <location filename="../UnitRegistrationsPage.qml" line="131"/>
        <source>不予通过：%1</source>
        <translation>Refuse: %1</translation>
    </message>
    <message>
        <location filename="../UnitRegistrationsPage.qml" line="139"/>
        <source>理由（必填；服务器记录理由和审核人）</source>
        <translation>Reason (required; the server records it and who decided)</translation>
    </message>
    <message>
        <location filename="../UnitRegistrationsPage.qml" line="150"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../UnitRegistrationsPage.qml" line="153"/>
        <source>不予通过</source>
        <translation>Refuse</translation>
    </message>
</context>
</TS>
