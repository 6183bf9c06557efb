### Messages in a group marked "## Section: NAME" join the browser's catalogue when a page of that
### section loads (app/build.rs); the other browser messages are in the main module every visitor
### downloads. "## Server only" groups are not in the browser at all.

## Shell
app-name = Schoolgate
skip-to-content = 跳到主要内容
nav-label = 主要栏目
nav-home = 首页
nav-news = 动态
nav-notices = 通知
nav-calendar = 日历
nav-forms = 表格
nav-reports = 报告
child-switcher-label = 孩子
sign-in-link = 登录

## Language menu
language-menu-label = 语言
language-menu-choose = 选择您的语言
language-name-en-GB = English
language-name-zh-CN = 中文（简体）
language-name-ar = العربية

## Home
home-title = 欢迎来到{ $school }
home-intro = 学校关于您孩子的一切信息，集中在一处，并使用您的语言。
home-card-notices = 发给您孩子所在学校、年级或班级的信件和通知。
home-card-news = 学校、孩子班级和孩子成长档案中的照片与故事。
home-card-calendar = 郊游、活动、停课和学期日期。
home-card-forms = 需要填写和签署的同意书和信息表。
home-card-reports = 可阅读和下载的报告。
home-needs-title = 需要您处理的事项
home-needs-unread = 未读通知：{ $count }
home-needs-ack = 需要确认
home-needs-nothing = 目前没有需要您处理的事项。
home-week-title = 本周
home-week-nothing = 本周没有活动。
home-week-calendar = 打开日历
home-latest-title = 最新动态
home-latest-nothing = 还没有动态。
home-latest-news = 打开动态
home-forms-title = 待填写的表格
home-forms-nothing = 没有等待您填写的表格。
home-forms-link = 打开表格

## Section pages (each feature fills its page in a later release)
notices-empty = 您目前还没有通知。学校的新信件会显示在这里。
notices-page-empty = 这一页没有通知。较新的通知在前面的页面上。
notices-pages = 通知分页
notices-older = 较早的通知
notices-newer = 较新的通知

## Section pages (each feature fills its page in a later release)
## Section: calendar
calendar-empty = 日历中还没有活动。

## Sign-in
sign-in-title = 登录
sign-in-intro = 请使用您注册时设置的电子邮箱和密码。
sign-in-email = 电子邮箱
sign-in-password = 密码
sign-in-submit = 登录
sign-in-pending = 正在登录…
sign-in-new-parent = 新家长？学校会给您一个加入用的访问码。

## Errors
not-found-title = 找不到页面
not-found-body = 我们找不到这个页面。它可能已被移动，或者链接有误。
not-found-home = 返回首页
error-title = 出了点问题
error-retry = 请稍后再试。如果问题持续出现，请联系学校办公室。
error-not-found = 我们找不到您要的内容。
error-forbidden = 我们找不到您要的内容。
error-rate-limited = 尝试次数过多。请等几分钟后再试。
error-internal = 我们这边出了问题。请再试一次。
error-network = 无法连接到学校的服务器。请检查网络后再试。
error-bad-request = 您的浏览器发送的内容无法读取。请刷新页面后再试；您输入的内容仍在页面上。
error-field-required = 请填写此项。
error-field-email = 请输入电子邮箱地址，例如 name@example.com。
error-field-too-long = 内容太长了。
error-invalid-credentials = 电子邮箱或密码不正确。
error-field-date = 请输入日期，例如 2019/03/21。
error-password-too-short = 请至少使用 8 个字符。
error-password-too-common = 这个密码太常见或太容易被猜到。请尝试只有您自己会组合在一起的几个词。
error-email-taken = 已有账户使用这个电子邮箱。请直接登录，或使用其他邮箱。
error-sign-in-required = 请登录后查看。
error-code-unknown = 无法识别这个访问码。请对照您的信函核对，或向学校办公室索取新的访问码。
error-code-used = 这个访问码已经使用过。请用您的电子邮箱和密码登录。
error-code-expired = 这个访问码已过期。请向学校办公室索取新的访问码。
error-code-locked = 出生日期错误次数过多，这个访问码已被锁定。请向学校办公室索取新的访问码。
error-code-wrong-birth-date = 这个出生日期与您的任何一个孩子都不符。剩余尝试次数：{ $remaining }。

## Accounts
reset-done = 新密码已保存。现在可以用它登录。
sign-out = 退出登录
sign-in-join-link = 使用访问码加入
child-switcher-all = 我的所有孩子
child-switcher-all-short = 全部

## Accounts
## Section: joining
reset-title = 设置新密码
reset-intro = 请输入您收到的一次性代码和新密码。
reset-submit = 保存新密码

## Joining with an access code
## Section: joining
join-title = 加入您孩子的学校
join-intro = 请输入信函上的访问码、您一个孩子的出生日期，以及您想使用的电子邮箱和密码。
join-code = 访问码
join-birth-date = 孩子的出生日期
join-birth-date-hint = 用于确认这个访问码确实属于您。
join-password = 设置密码
join-password-hint = 至少 8 个字符。只有您会组合在一起的几个词是好选择。
join-submit = 加入

## Office tools on the home page
home-card-office = 打印访问码信函，并从学校信息系统导入名册。
office-tools-title = 办公室工具

## Server only: the printed access-code letters (each in its guardian's language)
letter-title = 加入 { $school } 的 Schoolgate
letter-greeting = 尊敬的 { $name }：
letter-intro = 学校通过 Schoolgate 以您的语言分享关于 { $children } 的信函、活动、表格和报告。加入方法：用手机相机扫描二维码，或输入下方网址，然后输入访问码和您一个孩子的出生日期。
letter-code-label = 您的访问码
letter-qr-label = 打开注册页面的二维码
letter-expiry = 此访问码只能使用一次，有效期至 { $date }。如已过期，请向学校办公室索取新的访问码。

## Server only: roster import (office)
roster-summary = 共 { $rows } 行。学生：新增 { $added }，变更 { $changed }，未变 { $unchanged }，文件中没有 { $left }（保留）。监护人：新增 { $guardians_added }，变更 { $guardians_changed }。
roster-overwrites = 此文件会替换家庭通过门户更改、且在您的 MIS 之后才更新的信息。如果家庭的更改是正确的，请先更新您的 MIS：
roster-overwrite = { $name }（{ $fields }，更改于 { $date }）。
roster-posts-withheld = { $count ->
   *[other] 学生调低的照片同意范围已不再包括 { $count } 条动态：家长已看不到它们，发布者会收到电子邮件通知。
}
roster-problem-no-current-year = 本学年的年级和班级尚未设置（schoolgate setup-year）。
roster-problem-header = 第一行必须是指南中列出的列名。
roster-problem-malformed = 这一行的列数不对。
roster-problem-missing = { $field } 为空。
roster-problem-bad-date = 出生日期不是有效日期（请使用 YYYY-MM-DD）。
roster-problem-unknown-year-group = 没有名为“{ $value }”的年级。
roster-problem-unknown-class = 该年级今年没有名为“{ $value }”的班级。
roster-problem-duplicate-pupil = 学生 { $value } 再次出现且信息不同。
roster-problem-duplicate-guardian = 监护人 { $value } 再次出现且信息不同。
roster-problem-missing-guardian = 这名学生没有监护人。
roster-problem-bad-consent = “{ $value }”不是照片同意级别。
roster-problem-bad-flag = { $field } 必须为 yes 或 no。
roster-problem-bad-email = 监护人的电子邮箱无效。
roster-problem-bad-language = “{ $value }”不是本平台提供的语言。

## Noticeboard: the tab badge and the staff card on the home page
loading = 正在加载…
notices-unread = { $count } 条未读
reports-new-count = { $count } 份新报告
forms-to-do-count = { $count } 份待填写
home-card-staff-notices = 撰写通知，查看谁已阅读和确认。
notice-list-title = 通知（教职员）

## Parents' notice pages (the browser switches their language in place)
notice-new-badge = 新
notice-pinned-badge = 置顶
notice-ack-badge = 请确认
notice-about = 涉及：{ $children }
notice-files = 附件
notice-ack-by-date = 请在 { $date } 之前确认。
notifications-title = 消息提醒
notice-category-general = 一般
notice-category-event = 活动
notice-category-trip = 外出
notice-category-closure = 停课
notice-category-urgent = 紧急
notice-file-kb = { $kb } KB

## Parents' notice pages (the browser switches their language in place)
## Section: notice
notice-back = 全部通知
notice-translation-stale-reader = 学校在翻译之后修改了这条通知。点击“显示原文”查看最新内容。
notice-not-translated = 这条通知还没有翻译成您的语言，下面是学校写的原文。
notice-show-original = 显示原文
notice-hide-original = 隐藏原文
notice-acknowledge = 确认已读
notice-acknowledge-for = 代 { $child } 确认
notifications-empty = 暂无消息提醒。
notification-reminder = 提醒
notification-new-notice = 新通知
email-settings-title = 电子邮件设置
email-settings-intro = 学校发送的所有内容都会保留在应用中。请选择哪些通知同时通过电子邮件发送。
email-mode-instant = 每条通知立即发送
email-mode-digest = 每天一封汇总邮件（晚上 6 点）
email-mode-off = 不发电子邮件
email-settings-urgent = 紧急通知总是立即通过电子邮件发送。
email-settings-save = 保存
email-settings-saved = 您的电子邮件设置已保存。
notice-acknowledged-for = 已于 { $when } 代 { $child } 确认。

## Calendar (the browser switches its language in place)
## Section: calendar
calendar-for = 相关孩子：{ $children }
calendar-when = 时间
calendar-where = 地点
calendar-back = 全部活动
calendar-add = 添加到我的日历
calendar-add-hint = 下载此活动，添加到手机或电脑上的日历应用。
calendar-not-translated = 此活动尚未翻译成您的语言；以下是学校撰写的原文。
event-cancelled = 已取消
event-changed = 已更改
event-short-notice = 临时通知
event-all-day = 全天
event-days = { $first } 至 { $last }
event-times = { $start } 至 { $end }
event-span = { $start } 至 { $end }
calendar-subscribe-title = 手机上的日历
calendar-subscribe-intro = 您手机的日历可以显示孩子的学校活动，学校更改活动时会自动更新。
calendar-subscribe-new = 生成我的日历地址
calendar-subscribe-renew = 生成新地址
calendar-subscribe-stop = 停用我的日历地址
calendar-subscribe-open = 添加到本手机的日历
calendar-subscribe-copy = 或复制到 Google 日历或 Outlook（“通过网址”）：
calendar-subscribe-private = 请勿外传：任何拥有此地址的人都能看到这些活动。地址只显示这一次。
calendar-subscribe-since = 您已于 { $date } 生成地址。为保护隐私，地址只显示一次；生成新地址后旧地址失效。
calendar-subscribe-stopped = 您的日历地址已停用。
event-category-assessment = 测评
event-category-closure = 假期或停课
event-category-club = 兴趣小组
event-category-community = 社区活动
event-category-inset = 教师培训日
event-category-other = 活动
event-category-parents-evening = 家长会
event-category-term-dates = 学期日期
event-category-trip = 外出活动

## Staff pages in the app (the browser switches their language in place)
notice-ack = 确认
notice-acknowledged = 已确认

## Staff pages in the app (the browser switches their language in place)
## Section: staff
letters-intro = 选择一个班级，为该班所有尚未加入的监护人各打印一封信函。打印会生成新的访问码，有效期 48 小时；之前的信函随即失效。
letters-print-class = 打印 { $class } 的信函
letters-reset-title = 家长忘记了密码
letters-none = { $class } 的所有监护人都已加入。
roster-intro = 请选择学校信息系统导出的 CSV 文件。保存之前，您会看到每一个问题以及将要发生的变更。
roster-file = 信息系统导出文件（CSV）
roster-check = 检查文件
roster-import = 导入这些变更
roster-importing = 正在导入…… 已完成 { $done } / { $total } 条记录
roster-imported = 名册已导入。
roster-choose-again = 修正文件后重新检查
roster-problems-title = 发现的问题：{ $count }
roster-problems-intro = 尚未保存任何内容。请在导出文件中更正这些行，然后重新检查。
roster-line = 行
roster-problem = 问题
staff-name = 姓名
staff-roles = 角色
staff-state = 状态
staff-actions = 操作
staff-status-active = 已启用
staff-status-suspended = 已停用
staff-status-invited = 已邀请（尚未设置密码）
staff-suspend = 停用
staff-reactivate = 重新启用
staff-reset = 密码重置码
staff-new = 新建教职员账户
staff-create = 创建账户
staff-code-title = 一次性代码
staff-code-intro = 请当面把这个代码交给 { $email }。它只能在下方网址使用一次，48 小时内有效，用于设置新密码。
role-guardian = 家长或监护人
role-teacher = 教师
role-teaching-assistant = 助教
role-office-admin = 办公室管理员
role-leadership = 学校领导
role-safeguarding-lead = 指定安全保护负责人
role-system-admin = 系统管理员
staff-title = 教职员账户
letters-print-hint = 打印本页：每封信单独一页，使用家长的语言。
letters-title = 访问码信函
roster-title = 导入名册
notice-new = 新建通知
notice-list-empty = 还没有通知。
notice-back-to-list = 全部通知
notice-category = 类别
notice-ack-required = 家长必须确认
notice-expires-at = 从公告栏移除的时间（可选）
notice-translations = 翻译
notice-translation-stale = 已过时：此翻译之后原文有修改。
notice-status = 状态
notice-status-draft = 草稿
notice-status-scheduled = 定时发布
notice-status-published = 已发布
notice-status-expired = 已过期
notice-status-withdrawn = 已撤回
notice-published-at = 发布时间
notice-edit = 编辑
notice-withdraw = 撤回
notice-remind = 提醒尚未回应的家长
notice-reminded = 已向 { $count } 位家长和监护人发送提醒。
notice-remind-too-soon = 这条通知的提醒不到一天前刚发送过，明天可以再次发送。
notice-remind-nobody = 所有人都已回应，无需提醒。
notice-export = 下载 CSV
notice-figures = 阅读情况
notice-figures-reached = 覆盖 { $families } 个家庭（{ $guardians } 位家长和监护人）
notice-figures-read = 已读 { $count }（{ $percent }%）
notice-figures-acknowledged = 已确认 { $count }（{ $percent }%）
notice-chart-title = 各班阅读率
notice-class = 班级
notice-no-class = 无班级
notice-reached = 覆盖
notice-read = 已读
notice-not-read = 尚未阅读
notice-not-acknowledged = 尚未确认
notice-history = 历史记录
notice-revision = 第 { $revision } 版
audit-published = 已发布
audit-edited = 已编辑
audit-withdrawn = 已撤回
audit-reminded = 已发送提醒
audit-exported = 已导出
email-status-on = 电子邮件已开启：通知也会通过电子邮件发送。
email-status-off = 电子邮件未开启：未配置邮件服务器（SG_SMTP_HOST），通知只在应用中送达家长。

## Compose (staff; the browser switches its language in place)
notice-file-size = 每个文件最大 { $mb } MB。
# Stays in the main table: "notice-body" is also a class name the main module uses.
notice-body = 正文

## Compose (staff; the browser switches its language in place)
## Section: staff
notice-compose-title = 新建通知
notice-edit-title = 编辑通知
notice-language = 本文的语言
notice-title = 标题
notice-body-hint = 请简明书写。支持 **粗体**、# 标题、- 列表项、[链接文字](https://…)。
notice-audience = 发送给谁？
notice-audience-school = 全校
notice-audience-year-groups = 年级
notice-audience-classes = 班级
notice-audience-pupils = 个别学生
notice-audience-staff = 仅限教职员（不发给家长）
notice-audience-fixed = 已发布的通知不能更改对象。如需通知其他人，请新建通知。
notice-check-reach = 查看覆盖人数
notice-ack-by = 确认截止日期（可选）
notice-publish-at = 发布时间（可选）
notice-publish-at-hint = 留空即立即发布。时间按学校当地时间计算。
notice-pinned = 置顶显示
notice-translations-hint = 如有家长所用语言的版本，家长将看到该版本；不需要的语言请留空。
notice-file-add = 添加 PDF 信件或图片
notice-publish = 发布
notice-save-draft = 保存草稿
notice-save-changes = 保存修改
notice-problems = 通知已保存为草稿，但未发布。请更正：
notice-audience-chosen = 已选择
notice-audience-search = 查找年级、班级或学生
notice-audience-add = 添加 { $name }
notice-audience-remove = 移除 { $name }
notice-file-remove-named = 删除 { $file }
notice-audience-browse = 从完整列表中选择

## Staff calendar (the browser switches its language in place)
news-post-title = 发布动态

## Staff calendar (the browser switches its language in place)
## Section: staff
calendar-staff-title = 学校日历
calendar-staff-empty = 暂无即将举行的活动。
calendar-staff-outside = 门户之外
calendar-staff-export = 下载完整日历（.ics）
calendar-staff-public = 学校网站使用的日历地址（仅含标为公开的活动，绝不包括针对单个学生或仅限教职员的活动）：
event-new-title = 添加活动
event-edit-title = 修改活动
event-description = 说明
event-description-hint = 可选。空一行即开始新段落。
event-start-date = 第一天
event-start-time = 开始时间
event-end-date = 最后一天
event-end-date-hint = 只有一天的活动请留空。
event-end-time = 结束时间
event-times-hint = 全天活动不使用时间。
event-audience-fixed = 活动的对象不可更改。修改日期、时间或地点时，会通知所有相关的家庭。
event-public = 显示在学校的公开日历上（不含学生姓名）
event-save-new = 加入日历
event-short-notice-ok = 仍然发布：家长会看到“临时通知”标记。
event-cancel = 取消此活动
event-cancel-hint = 家长仍会看到此活动并标明已取消，以免有人白跑一趟。
event-is-cancelled = 此活动已取消，不能再修改。

## Server only: dates (chrono patterns: %-d day, %B month name, %Y year, %H:%M time)
format-month = %Y年%-m月
format-date = %Y年%-m月%-d日
format-date-time = %Y年%-m月%-d日 %H:%M
format-day = %Y年%-m月%-d日 %A
format-list-separator = {"、"}
format-day-and-time = { $day } { $time }

## Server only: noticeboard (parents and staff)
notice-file-type = 只能附加 PDF 文件和图片（PNG、JPEG、GIF、WebP）。
file-count = 最多可以附加 { $count } 个文件。
notice-audience-required = 请选择通知对象。
notice-audience-not-allowed = 您不能向该对象发送通知。
notice-reach = 覆盖 { $families } 个家庭（{ $guardians } 位家长和监护人，{ $pupils } 名学生）。
notice-expiry-before-publish = 移除时间必须晚于发布时间。
notice-translation-incomplete = 翻译需要同时填写标题和正文。
notice-draft-saved = 草稿已保存，尚未发送。
notice-draft-autosaved = 草稿已于 { $time } 保存，尚未发送。
csv-guardian = 家长或监护人
csv-email = 电子邮箱
csv-children = 子女
csv-read-at = 阅读时间
csv-acknowledged-at = 确认时间
csv-acknowledged-for = 代谁确认

## Server only: e-mails (to families, and to staff about their posts)
email-notice-subject = { $school }：{ $title }
email-reminder-subject = { $school } 的提醒：{ $title }
email-digest-subject = { $school }：{ $count } 条新通知
email-ack-needed = 学校请您确认这条通知。
email-read-link = 请在这里阅读并回复：{ $link }
email-footer = 由 { $school } 通过 Schoolgate 发送。您可以在应用中选择接收哪些电子邮件。
email-withheld-subject = { $count ->
   *[other] 家长已看不到您的 { $count } 条动态
}
email-withheld-intro = 学校记录中有孩子的照片同意范围被调低了，已不再包括以下动态，因此家长已看不到它们。您和学校领导仍然可以看到。
email-withheld-pupils = 同意范围已不再包括：{ $pupils }
email-withheld-what-now = 如果照片同意范围恢复，家长会重新看到这条动态。否则，您可以删除它，再重新发布不含该孩子的照片，或将孩子的脸部模糊处理后发布。
email-staff-footer = 由 { $school } 通过 Schoolgate 发送。
email-form-reminder-subject = { $school } 提醒：请填写“{ $title }”
email-form-reminder-intro = 学校仍在等待您为 { $children } 填写“{ $title }”。
email-form-reminder-due = 请在 { $date } 前填写。
email-form-reminder-link = 在此填写：{ $link }

## Server only: the event form
event-audience-required = 请选择活动的对象。
event-audience-not-allowed = 您不能为该对象在日历上添加活动。
event-time-required = 请输入时间，或勾选“全天”。
event-time-invalid = 请输入时间，例如 09:30。
event-end-before-start = 活动的结束时间必须晚于开始时间。
event-too-long = 一个活动最多可持续 { $days } 天。
event-translation-incomplete = 译文需要标题。
event-short-notice-warning = 距离活动不足 { $days } 个上学日，少于学校向家长承诺的通知时间。
event-checked = 已检查。在按下表单末尾的按钮之前，不会保存任何内容。
event-not-saved = 活动未保存。请更正：
event-repeat-weeks-invalid = 请选择活动重复的频率。
event-repeat-one-day = 重复活动必须在开始当天结束。
event-repeat-until-before = 最后日期必须在第一天当天或之后。
event-repeat-skipped-invalid = “{ $value }”不是日期。请按 2027-02-16 的格式填写。
event-repeat-skipped-off = { $value } 不是该活动的日期之一。
event-repeat-none-left = 所有日期都被跳过，日历上将不会有任何活动。
event-repeat-too-many = 这将在日历上添加 { $count } 个日期；一个重复活动最多只能有 { $most } 个日期。请选择更早的最后日期。
event-repeat-legend = 重复
event-repeat-once = 不重复
event-repeat-weekly = 每周
event-repeat-every-weeks = 每 { $weeks } 周
event-repeat-until = 最后日期
event-repeat-skipped = 跳过这些日期
event-repeat-skipped-hint = 每行一个日期，例如 2027-02-16：期中假期、停课日。
event-repeats = { $rule }，直到 { $until }
event-repeats-except = { $days } 除外

## Server only: the notice the calendar publishes when an event moves or is called off
event-moved-notice-title = 已更改：{ $title }
event-moved-notice-body = 现改为 { $day }，{ $when }。
event-cancelled-notice-title = 已取消：{ $title }
event-cancelled-notice-body = { $day } 的 { $title } 已取消。
event-notice-place = 地点：{ $place }
event-notice-link = 在日历中查看
event-announce-body = 时间：{ $day }，{ $when }。
event-announce = 为此活动撰写通知

## Server only: the calendar's views (sent with the page's data)
calendar-agenda-view = 列表
calendar-month-view = 月
calendar-month-previous = 上个月
calendar-month-next = 下个月
calendar-month-empty = 本月没有活动。
calendar-month-filter = 显示的活动
calendar-month-filter-all = 所有活动
calendar-month-filter-show = 显示

## Server only: calendar feeds (the name calendar apps show)
calendar-feed-name = { $school }日历
calendar-week-cancelled = 已取消：{ $title }

## Server only: importing term dates and events (sent with the page's data)
import-title = 导入学期日期和活动
import-intro = 从另存为 CSV 的电子表格，或从其他日历导出的 iCalendar（.ics）文件，添加一学年的学期日期、停课日、教师培训日和活动。添加之前您会看到每一项活动，然后要么全部添加，要么一项也不添加。
import-csv-help = CSV 文件的第一行列出各列名称：必须有 title 和 start_date（YYYY-MM-DD）；可以再加 end_date、start_time 和 end_time（HH:MM，全天活动两者都留空）、category、location、description、audience（"whole school"、"staff"，或用 ";" 分隔的年级和班级）、public（yes 或 no）、repeat_weeks、repeat_until 和 skipped_dates。
import-ics-help = .ics 文件中的活动面向全校，不显示在公开日历上；之后可以逐项修改。
import-file = 学期日期文件（.csv 或 .ics，最大 { $most } MB）
import-do = 导入这些活动
import-already = 已在日历上
import-back = 返回学校日历
import-summary = 待添加的活动：{ $new }。已在日历上（不再添加）：{ $already }。
import-problems = 文件未导入。需要更正的问题：{ $count }。
import-done = 已导入的活动：{ $count }。
import-empty = 请选择要导入的文件。
import-too-large = 文件大于 { $most } MB。学校的学期日期远小于此：请确认文件是否正确。
import-not-text = 该文件不是 UTF-8 文本。请将电子表格另存为"CSV UTF-8"后重新选择。
import-too-many = 文件中有 { $count } 项活动；一次最多可导入 { $most } 项。
import-no-events = 文件中没有活动。
import-field = { $field }：{ $problem }
import-csv-unreadable = 此行无法作为 CSV 读取：请检查引号。
import-csv-column-unknown = 未知的列"{ $value }"。
import-csv-column-missing = 缺少"{ $value }"列。
import-csv-category = 未知的类别"{ $value }"。
import-csv-audience = 没有名为"{ $value }"的年级或班级。
import-csv-public = public 列应为 yes 或 no，而不是"{ $value }"。
import-ics-not-calendar = 这不是 iCalendar 文件：它应以 BEGIN:VCALENDAR 开头。
import-ics-broken = 此行已损坏：需要名称，然后是":"和值。
import-ics-unclosed = { $value } 从这里开始，但从未结束。
import-ics-unexpected-end = END:{ $value } 结束了一个从未开始的部分。
import-ics-unreadable = 无法将该文件作为 iCalendar 读取。
import-ics-no-start = 此活动没有开始时间（DTSTART）。
import-ics-repeat = 此活动的重复方式无法在门户中保存：只能在同一天每 1 到 4 周重复，直到某个日期或重复若干次。

## Server only: the newsfeed (sent with the page's data)
news-empty = 目前还没有发给您家庭的动态。学校的照片和故事会显示在这里。
news-share-reminder = 这些照片只与本校家庭分享。请不要下载、转发或发布有其他孩子出现的照片。
news-older = 更早的动态
news-story-school = 学校动态
news-story-class = { $class } 班
news-story-portfolio-of = { $children } 的成长档案
news-story-portfolios = { $class } 的成长档案
news-children-tagged = 本条动态中有：{ $children }
news-photo-alt = 第 { $number } 张照片，共 { $count } 张
news-choose-story = 请选择发布位置。班级动态只有该班家庭可见；学校动态所有家庭可见。
news-see-feed = 查看动态
news-post-to = 发布到{ $story }
news-not-posted = 尚未发布。请修改：
news-body = 发生了什么？
news-photos = 照片
news-photo-remove = 删除这张照片
news-photo-add = 添加照片
news-photo-hint = 最多 { $most } 张照片：JPEG、PNG 或 WebP，可用相机拍摄或从相册选择。
news-tags = 照片中有谁
news-tags-hint = 请勾选所有能被看到的学生。每个名字旁边显示其照片同意范围。
news-portfolio-only = 只发到所勾选学生的成长档案（各自只有本家庭可见）
news-publish = 发布
news-consent-none = 不允许照片
news-consent-portfolio = 仅限本人档案
news-consent-class = 班级动态
news-consent-school = 全校
news-consent-public = 公开
news-reach-own-portfolio = 本人家庭
news-reach-shared-portfolio = 其他学生的家庭
news-reach-class = 全班家庭
news-reach-school = 全校家庭
news-reach-public = 所有人
news-consent-blocked = { $pupil } 的照片同意范围是“{ $consent }”，但这条动态的照片会被{ $reach }看到。请取消勾选 { $pupil } 并模糊其面部（或移除有其出现的照片），或只发到同意范围允许的学生的成长档案，或删除照片。
news-error-empty = 请写点内容或添加照片。
news-error-portfolio-untagged = 请勾选要发到其成长档案的学生。
news-photo-too-many = 未添加 { $file }：每条动态最多 { $most } 张照片。
news-photo-too-large = { $file } 超过 { $mb } MB。
news-photo-too-many-pixels = { $file } 超过 { $megapixels } 百万像素。请发送较小的照片。
news-photo-format = 无法显示 { $file }。请发送 JPEG、PNG 或 WebP（iPhone 上可在“设置 › 相机 › 格式”中选择“兼容性最佳”）。
news-photo-unreadable = 无法读取 { $file }。文件可能已损坏，请重新拍摄或选择。
news-blur = 模糊面部
news-blur-hint = 用手指在照片中的面部上拖出一个框，或按照片的百分比输入框的位置，然后点“模糊所标区域”。模糊在学校服务器上完成，照片的每个尺寸都会处理，任何人看到之前即已完成。
news-blur-left = 距左边 (%)
news-blur-top = 距上边 (%)
news-blur-width = 宽度 (%)
news-blur-height = 高度 (%)
news-blur-button = 模糊所标区域
news-blur-invalid = 第 { $number } 张照片的模糊区域需要四个 0 到 100 之间的数字：距左边、距上边、宽度和高度。
news-like = 点赞
news-liked = 已点赞
news-likes = { $count ->
    [0] 还没有人点赞
   *[other] { $count } 个赞
}
news-comment-count = { $count ->
    [0] 评论
   *[other] { $count } 条评论
}
news-comments = 评论
news-comments-none = 还没有评论。
news-comment-write = 写评论
news-comment-hint = 能看到这条动态的每个人都能读到您的评论。最多 { $most } 个字；不能包含网址或电子邮件地址。
news-comment-send = 发送
news-comments-closed = 这条动态已关闭评论。
news-comments-close-post = 关闭这条动态的评论
news-comments-open-post = 打开这条动态的评论
news-comments-close-class = 关闭 { $class } 所有动态的评论
news-comments-open-class = 重新打开 { $class } 动态的评论
news-back = 返回动态
news-comment-report = 向学校举报
news-comment-reported = 您已举报这条评论，学校会查看。
news-comment-delete = 删除
news-comment-hide = 对家长隐藏
news-comment-show = 重新向家长显示
news-comment-keep = 保留并清除举报
news-comment-hidden = 学校已对家长隐藏这条评论。
news-comment-staff = 学校
news-comment-reports = { $count ->
   *[other] 被举报 { $count } 次
}
news-comment-not-sent = 您的评论没有发送：
news-comment-empty = 请先写些内容再发送。
news-comment-too-long = 评论最多 { $most } 个字。
news-comment-link = 评论不能包含网址或电子邮件地址。请把这些发给学校办公室。
news-comment-unkind = 请友善评论：这条评论包含学校不允许的词语。
news-comment-too-many = 您在过去一小时内写了很多评论。请稍后再写。
news-comments-closed-refused = 这条动态已关闭评论，您的评论没有发送。
news-moderation = 被举报的评论
news-moderation-empty = 没有被举报的评论。
news-moderation-open = 打开这条动态
news-seen-by = { $reach } 位家长和监护人中已有 { $seen } 位看过
news-story-archived = { $story } · { $year }
news-withheld = 家长已看不到这条动态：{ $pupils } 的照片同意范围已不再包括它。
news-withheld-heading = 家长已看不到的动态
news-story-dated = { $story } · { $when }
news-delete-post = 删除这条动态
news-delete-post-warning = 这条动态及其照片、点赞和评论将对所有人删除。学校记录会保留其文字和删除人。
news-delete-post-confirm = 对所有人删除
news-photo-sending = 正在发送…
news-photo-send-failed = 没有发送成功。请检查网络连接，然后重试。
news-photo-retry = 重试
news-photo-leave-out = 不要这张
news-edited = 已于 { $when } 编辑
news-pinned = 置顶
news-pin = 置顶到动态最上方
news-unpin = 取消置顶
news-pin-hint = 置顶的动态会一直显示在家长动态的最上方。每个栏目最多置顶 { $most } 条：再置顶一条会取消最早的置顶。
news-show-original = 查看原文
news-translation-stale = 这条动态在翻译之后被学校修改过。点击“查看原文”阅读最新内容。
news-edit = 编辑内容和翻译
news-edit-hint = 家长会在动态上看到“已编辑”。之前的版本保留在下方，供学校查看。翻译留空即删除该翻译。
news-edit-original = { $language } 内容（原文）
news-edit-translation = 翻译成 { $language }（可选）
news-edit-stale = 已过时：此翻译之后原文有改动
news-edit-save = 保存修改
news-edit-not-saved = 您的修改没有保存：
news-edit-too-long = 每种语言的内容最多 { $most } 个字。
news-edit-conflict = 在您编辑时，有其他人保存了对这条动态的修改。您写的内容保留在下方：请先查看动态的最新内容，再重新保存。
news-edit-history = 之前的版本
news-edit-back = 返回这条动态
news-earlier-version = { $language } · { $author } 写于 { $written } · { $replaced } 被替换

## Server only: forms (sent with the page's data)
form-list-empty = 目前没有需要您填写的表格。
form-staff-new-custom = 自定义问题的新表格
form-new-details-custom = 表格说明（可选）
form-builder-questions = 问题
form-builder-question = 问题 { $number }
form-builder-kind = 回答类型
form-builder-required = 必须回答
form-builder-label = 问题（{ $language }）
form-builder-options-label = 选项（{ $language }），每行一个
form-builder-wording = 监护人同意的声明（{ $language }）
form-builder-ask = 何时提问
form-builder-always = 总是
form-builder-when-yes = 当问题 { $number } 回答“是”时
form-builder-add = 添加问题
form-builder-remove = 删除问题 { $number }
form-builder-up = 将问题 { $number } 上移
form-builder-hint = 选项只用于“从列表中选一项”的问题，声明只用于同意类问题。除第一种语言外，其他语言都可以留空。
form-builder-who = 由谁填写？
form-builder-per-child = 每位家长或监护人，为每个孩子各填一次
form-builder-per-family = 每个家庭填一次，适用于家中所有孩子
form-builder-none = 请至少添加一个问题。
form-builder-no-label = 问题 { $number } 需要用学校的语言填写。
form-builder-too-long = 问题 { $number } 太长了。
form-builder-no-wording = 问题 { $number } 是同意类问题：请填写监护人同意的声明。
form-builder-options = 问题 { $number } 至少需要两个选项，每行一个（最多 20 个）。
form-builder-options-translated = 问题 { $number }：每种语言的选项数量必须相同，顺序也要相同。
form-builder-condition = 问题 { $number } 只能取决于前面的“是/否”问题。
form-kind-short-text = 简短文字
form-kind-long-text = 段落
form-kind-number = 数字
form-kind-date = 日期
form-kind-choice = 从列表中选一项
form-kind-yes-no = 是或否
form-kind-consent = 同意（同意或不同意）
form-kind-file = PDF 文件
form-kind-signature = 签名
form-for-child = 孩子：{ $child }
form-for-family = 全家
form-status-todo = 待填写
form-status-done = 已完成
form-status-withdrawn = 已撤回同意
form-status-overdue = 已截止，未填写
form-status-lapsed = 同意已失效
form-due = 请在 { $date } 前填写
form-due-reminded = 请在 { $date } 前填写。学校已于 { $reminded } 发送提醒。
form-closed-on = 已于 { $date } 截止
form-yes = 是
form-no = 否
form-consent-yes = 我同意
form-consent-no = 我不同意
form-shown-when = 仅当您对“{ $question }”的回答为“{ $answer }”时填写此项。
form-answered-on = 您已于 { $date } 提交。表格截止前，您可以修改答案。
form-answered-by-phone = 学校已于 { $date } 记录您通过电话给出的回复。表格截止前，您可以在这里修改。
form-answered-by-family = { $name } 已于 { $date } 代表您的家庭提交。表格截止前，您可以修改答案。
form-withdrawn-on = 您已于 { $date } 撤回同意。
form-lapsed-on = 您给予的同意已于 { $date } 失效。学校需要时会再次征求您的同意。
form-send = 提交我的答案
form-send-changes = 提交修改
form-required = （必填）
form-no-consent = 根据学校记录，您没有为这个孩子做出同意的权利，因此同意问题须由另一位家长或监护人回答。如有错误，请联系学校办公室。
form-not-translated = 此表格尚未翻译成您的语言，以下为学校撰写的原文。
form-not-sent = 您的答案未能提交。
form-back = 所有表格
form-answering-for = 填写对象
form-answering-for-family = 一份答案适用于您的所有孩子：
form-withdraw = 撤回我的同意
form-sent = 谢谢：您的答案已提交给学校。
form-problem-required = 请回答此问题。
form-problem-too-long = 此答案太长。
form-problem-number = 请输入数字。
form-problem-date = 请输入日期。
form-problem-choice = 请从提供的答案中选择一项。
form-problem-may-not-consent = 只有对这个孩子有同意权的家长或监护人才能回答此问题。
form-problem-drawing = 无法读取手写签名。请重新书写，或留空此框：您输入的姓名即为签名。
form-problem-file-type = 这个文件不是 PDF。请以 PDF 格式发送护理计划或信件（大多数手机都能把照片或文档存为 PDF）。
form-problem-file-size = 这个文件超过 { $mb } MB。请发送较小的 PDF。
form-problem-file-again = 文件没有问题，但回答未发送：请重新选择文件。
form-file-held = 之前已发送：
form-file-hint = 不超过 { $mb } MB 的 PDF。只有要发送新文件时才需选择文件。
form-problem-closed = 此表格已截止，不再接受答案。请联系学校办公室。
form-problem-changed = 自您打开此页面后，您对此表格的答案已在其他页面或设备上被修改。您输入的内容保留在下方：请检查后再次提交。
form-problem-nothing-to-withdraw = 没有可撤回的同意。
form-problem-fields = 请检查下方标出的答案。
form-trip-consent-label = 本次外出活动的同意
form-trip-consent-wording = 我同意我的孩子参加本次外出活动及其中的各项活动，并按上文所述随学校出行。我理解在活动期间，教职员工将代我照顾我的孩子；如遇紧急情况且无法联系到我，他们将为我的孩子寻求医疗救治。
form-trip-medical = 您的孩子在外出期间是否有医疗需要或需要服药？
form-trip-medical-details = 请具体说明：病症、药物、剂量及服用时间。
form-trip-phone = 外出期间可以联系到您的电话号码
form-trip-dietary = 当天的饮食需求或食物过敏（午餐盒、零食）
form-dietary-needs = 您的孩子有饮食需求或食物过敏吗？
form-dietary-details = 请具体说明：需要避免的食物及原因（过敏、不耐受、宗教、个人选择）
form-dietary-reaction = 如果是过敏：会出现什么反应，误食后工作人员应如何处理
form-medication-name = 药品名称
form-medication-dose = 剂量及服药时间
form-medication-last-day = 最后一天服药的日期
form-medication-notes = 工作人员还需了解的其他信息：副作用、保存方法
form-medication-care-plan = 护理计划或医生的信（如有，PDF 格式）
form-medication-consent-label = 同意由工作人员给孩子服用此药
form-medication-consent-wording = 我请求学校按上述说明给我的孩子服用此药。药品装在原包装内，贴有我孩子的姓名，我的孩子以前服用过且没有不良反应。如剂量或服药时间有变，我会书面通知学校。
form-signature-label = 您的全名，作为签名
form-signature-draw = 您也可以用手指在此框内签名。
form-signature-clear = 清除手写签名
form-draft-restored = 您之前在这部手机上输入的内容已恢复。尚未发送。
form-staff-heading = 表格
form-staff-new-dietary = 新建饮食需求表
form-staff-new-medication = 新建用药表
form-staff-empty = 还没有表格。
form-staff-closes = { $date } 截止
form-staff-progress = { $asked } 名孩子中已有 { $done } 名回复
form-staff-progress-conflicting = { $asked } 名孩子中已有 { $done } 名回复；{ $count } 名孩子的家长意见不一致
form-staff-answer-line = { $name }：{ $answer }，{ $date }
form-staff-answer-line-phone = { $name }：{ $answer }，{ $date }（电话回复，由 { $taker } 记录）
form-staff-drawn-signature = { $name } 的手写签名
form-staff-recorded = 已记录电话回复。
form-record-link = 记录电话回复
form-staff-trip-list = 可打印名单
form-trip-list-back = 表格的回复
form-trip-list-print = 打印
form-trip-list-consent = 同意情况
form-trip-list-notes = 家长告知的信息
form-trip-list-answer = { $question }：{ $answer }
form-trip-list-summary = 打印于 { $date }：共 { $children } 名孩子，{ $consent } 名已同意
form-record-heading = 记录电话回复
form-record-who = 是谁回复的？
form-record-guardian = { $name }（{ $relationship }）
relationship-mother = 母亲
relationship-father = 父亲
relationship-parent = 家长
relationship-stepmother = 继母
relationship-stepfather = 继父
relationship-grandmother = 祖母/外祖母
relationship-grandfather = 祖父/外祖父
relationship-grandparent = 祖父母/外祖父母
relationship-aunt = 姑姑/阿姨
relationship-uncle = 叔叔/舅舅
relationship-carer = 监护人
relationship-foster-carer = 寄养监护人
form-record-no-consent = 学校记录中此人对这个孩子没有同意权。
form-record-note = 您正在记录 { $name } 通过电话给出的回复。回复将记为由您记录，并附时间。
form-staff-back = 所有表格
form-staff-child = 孩子
form-staff-class = 班级
form-staff-status = 状态
form-staff-answers = 回复
form-staff-gives-consent = 同意
form-staff-refuses-consent = 不同意
form-staff-conflict = 家长意见不一致
form-new-heading = 新建外出活动同意书
form-new-language-required = { $language }（必填）
form-new-language-optional = { $language }（可选翻译）
form-new-title = 外出活动（表格标题）
form-new-details = 地点、时间、孩子如何出行以及需要携带的物品
form-new-title-form = 表格标题
form-new-details-dietary = 家长需要知道的信息：学校为何询问，谁会看到回复
form-new-details-medication = 家长需要知道的信息：如何交送药品，由谁给药
form-new-audience = 发给谁？
form-new-closes = 回复截止日
form-new-create = 发送给家长
form-new-not-created = 表格未发送。
form-new-no-title = 请用英文填写外出活动的标题。
form-new-no-title-form = 请用英文填写表格标题。
form-new-half-translated = 翻译需要同时填写标题和详情。
form-new-no-audience = 请至少选择一个年级或班级。
form-new-closes-problem = 请选择从今天起一年内的回复截止日。
form-staff-remind = 提醒尚未填写的家长
form-staff-reminded = { $count ->
   *[other] 已提醒 { $count } 位家长或监护人：在应用中提醒，学校有其邮箱的同时发送电子邮件。
}
form-staff-remind-too-soon = 不到一天前已发送过提醒。明天可以再次发送。
form-staff-remind-nobody = 没有需要提醒的人：每个被询问的孩子都已有回复，或只剩没有同意权的家长。
form-staff-remind-closed = 表格已截止，因此没有发送提醒。
form-staff-last-reminded = 上次提醒时间：{ $date }
form-staff-export-csv = 下载 CSV
form-staff-export-xlsx = 下载 Excel（XLSX）
form-export-answer = 回复
form-export-submitted = 发送时间
form-export-language = 显示语言
form-export-version = 版本
form-export-channel = 方式
form-export-in-portal = 在门户中
form-export-by-phone = 电话回复，由 { $taker } 记录
form-export-sheet = 回复
form-staff-new-photo = 新建照片和视频同意书
form-new-details-photo = 家长需要知道的信息：学校拍摄哪些照片和视频，在哪里分享，保留多久
form-photo-label = 您孩子的照片和视频可以在哪里分享？
form-photo-wording = 您可以随时在本表中更改。范围更小的选择立即生效；范围更大的选择在学校办公室核实后生效。
form-photo-none = 完全不拍摄我孩子的照片或视频
form-photo-portfolio = 只放在我孩子自己的成长档案中，仅我们家庭可见
form-photo-class = 也可用于班级动态，我孩子班级的家庭可见
form-photo-school = 也可用于全校动态，全校家庭可见
form-photo-public = 也可用于学校的公开网站和社交媒体

## Server only: contact details and the changes families ask for (sent with the page's data)
contact-link = 您的联系方式
contact-heading = 您的联系方式
contact-intro = 这些是学校联系您（包括紧急情况）时使用的电话号码和电子邮件地址。如有变化，请在这里更正：学校办公室会先核实每项更改，再替换学校记录中的信息。
contact-send = 将更改发送给学校
contact-sent = 谢谢。学校办公室会核实您的更改；在此之前，学校继续使用现有的联系方式。
contact-waiting = 您在 { $date } 申请了以下更改，学校办公室尚未核实：
contact-field-phone = 主要电话号码
contact-field-phone-alt = 其他电话号码
contact-field-email = 电子邮件地址
contact-field-email-alt = 其他电子邮件地址
contact-field-photo = 照片同意
contact-none = （无）
contact-change-line = { $field }：{ $before } → { $after }
contact-problem-fields = 未发送。请更正下面标出的内容；您输入的内容都还在。
contact-problem-required = 学校需要一个电话号码，以便在紧急情况下联系您。
contact-problem-phone = 这看起来不像电话号码：请使用数字，可以加空格、连字符或括号，+ 只能放在开头。
contact-problem-email = 这看起来不像电子邮件地址（name@example.com）。
contact-problem-too-long = 内容太长。
contact-problem-unchanged = 这些就是学校现有的联系方式，没有需要更改的内容。
changes-link = 家庭申请的更改（{ $count } 项待处理）
changes-heading = 家庭申请的更改
changes-intro = 家庭申请更改的联系方式和更大范围的照片同意。批准后写入学校记录，并保留被替换的内容；范围更小的照片同意已立即生效。
changes-none-waiting = 没有待处理的更改。
changes-approve = 批准
changes-reject = 拒绝
changes-decided = 最近处理的更改
changes-approved = 已批准：学校记录现在是新的内容。
changes-rejected = 已拒绝：学校记录没有改变。
changes-not-waiting = 这项更改已经处理过，或该家庭之后又提交了新的申请：没有做任何更改。
changes-about-contact = 联系方式
changes-about-photo = { $child } 的照片同意
changes-asked = 申请于 { $date }。
changes-applied-at-once = 已于 { $date } 立即生效（范围更小的同意）。
changes-approved-by = 由 { $name } 于 { $date } 批准。
changes-rejected-by = 由 { $name } 于 { $date } 拒绝。

## Server only: reports (sent with the page's data)
reports-heading = 报告
reports-none = 目前还没有可供您下载的报告。学校发布后会显示在这里。
reports-download = 下载（{ $size }）
reports-new = 新
reports-links-note = 下载链接 15 分钟内有效；重新打开此页面可获得新链接。
reports-published-on = { $kind } · 发布于 { $date }
reports-kind-term = 期末报告
reports-kind-progress = 学习进展
reports-kind-assessment = 测评结果
reports-kind-statutory = 法定测评结果
reports-kind-other = 其他
reports-link-expired = 此下载链接已过期。请重新打开“报告”下载。
reports-staff-heading = 报告
reports-staff-intro = 为年级创建一轮报告，上传 PDF，检查预览，然后一次性发布给家长。
reports-staff-none = 还没有报告轮次。
reports-new-heading = 新的报告轮次
reports-name-label = 名称（例如“春季学期报告”）
reports-kind-label = 类型
reports-years-label = 年级
reports-create = 创建报告轮次
reports-problem-name = 请为报告轮次命名，最多 120 个字符。
reports-problem-kind = 请选择报告类型。
reports-problem-years = 请至少选择一个年级。
reports-about = { $kind } · { $years } · { $state }
reports-state-draft = 草稿：家长尚不可见
reports-state-published = 发布于 { $date }
reports-figures-opened = { $total } 份中已有 { $opened } 份被家长打开
reports-figures-ready = { $count } 份报告待发布
reports-upload-heading = 上传报告
reports-naming = 每个 PDF 的文件名以学生的 MIS 编号和下划线开头，例如 P00123_spring_report.pdf。可上传一个包含全部文件的 ZIP，或一次选择多个 PDF；发布之前家长看不到任何内容。
reports-files-label = ZIP 文件或 PDF 文件
reports-upload = 上传
reports-uploading = 已上传
reports-upload-failed = 上传未能送达学校。请检查网络连接后重新上传。
reports-preview-heading = 待发布（{ $count }）
reports-refused-heading = 上次上传中未接收的文件
reports-publish = 发布给家长
reports-discard = 放弃这次上传
reports-opened-heading = 每份报告的打开情况
reports-downloads-heading = 下载记录
reports-back = 全部报告轮次
reports-open = 打开 PDF
reports-not-opened = 尚未打开
reports-opened-by = { $name } 于 { $date } 打开
reports-download-line = { $name } 于 { $date } 从 { $address } 打开了 { $child } 的报告
reports-done-uploaded = 已有 { $count } 份报告加入预览。
reports-done-published = 已发布：家长现在可以下载报告。
reports-done-discarded = 已放弃这次上传。
reports-problem-no-files = 请选择要上传的 ZIP 文件或 PDF 文件。
reports-problem-nothing-staged = 还没有可发布的内容：请先上传报告。
reports-problem-not-draft = 此报告轮次已发布。
reports-why-not-pdf = 不是 PDF 文件（无论文件名如何）。
reports-why-unreadable = PDF 已损坏或不完整。
reports-why-encrypted = PDF 设有密码。
reports-why-too-large = 超过 { $mb } MB。
reports-why-unsafe-name = 文件名指向 ZIP 文件之外，已拒绝。
reports-why-unmatched = 没有学生的 MIS 编号与文件名开头相符。
reports-why-not-in-cycle = 该学生不在此报告轮次的年级中。
reports-why-duplicate = 该学生在此报告轮次中已有报告。
reports-why-bad-archive = 无法读取该 ZIP 文件。
reports-why-archive-too-large = 该 ZIP 文件包含的文件过多或解压后过大。
reports-why-bad-csv = 说明文件所属学生的 CSV 需要有“file”和“mis_id”两列。
reports-problem-withdrawn = 此报告轮次已撤回。
reports-problem-when = 请以日期和时间填写发布时间，或留空立即发布。
reports-problem-reminded = 过去一天内已提醒过家长；请明天再提醒。
reports-problem-all-opened = 所有家庭都已打开报告，无需提醒。
reports-state-scheduled = 家长自 { $date } 起可见
reports-state-withdrawn = 已撤回：家长不再可见
reports-done-corrected = 已发布 { $count } 份更正后的报告：家长现在即可看到，并附有已更正的说明。
reports-done-reminded = 已通过电子邮件提醒 { $count } 个尚未打开报告的家庭。
reports-done-scheduled = 已定时发布：家长将在您选择的时间看到报告并收到电子邮件通知。
reports-done-withdrawn = 整个报告轮次已撤回：家长不再可见。
reports-done-report-withdrawn = 该报告已撤回：家长不再可见。
reports-reminded-on = 上次提醒家长的时间：{ $date }。
reports-publish-at = 发布时间（学校时间；留空则立即发布）
reports-correct-heading = 上传更正后的报告
reports-correct-hint = 按原文件命名方式上传的更正 PDF 会立即替换该学生的报告；家长会看到新版本及已更正的说明，旧版本保留在此处。
reports-remind = 提醒尚未打开报告的家庭
reports-withdraw-cycle = 撤回整个报告轮次
reports-withdraw-report = 撤回此报告
reports-corrected-on = 已于 { $date } 更正
notification-new-report = 新报告
email-report-subject = { $school }：{ $children } 有一份新报告
email-report-intro = { $children } 的“{ $name }”（{ $kind }）已可下载。
email-report-reminder-subject = { $school } 提醒：{ $children } 的报告尚未查看
email-report-reminder-intro = 您尚未打开 { $children } 的“{ $name }”。
email-report-link = 在此下载（请先登录）：{ $link }
