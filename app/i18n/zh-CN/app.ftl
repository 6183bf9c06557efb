## Shell
app-name = Schoolgate
skip-to-content = 跳到主要内容
nav-label = 主要栏目
nav-home = 首页
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
home-card-calendar = 郊游、活动、停课和学期日期。
home-card-forms = 需要填写和签署的同意书和信息表。
home-card-reports = 可阅读和下载的报告。

## Section pages (each feature fills its page in a later release)
notices-empty = 您目前还没有通知。学校的新信件会显示在这里。
calendar-empty = 日历中还没有活动。
forms-empty = 目前没有需要您填写的表格。
reports-empty = 目前还没有可供您下载的报告。

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
sign-out = 退出登录
sign-in-join-link = 使用访问码加入
child-switcher-all = 我的所有孩子

## Joining with an access code
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

## Server only: access-code letters (printed by the office)
letters-title = 访问码信函
letters-intro = 选择一个班级，为该班所有尚未加入的监护人各打印一封信函。打印会生成新的访问码，有效期 48 小时；之前的信函随即失效。
letters-print-class = 打印 { $class } 的信函
letters-reset-title = 家长忘记了密码
letters-none = { $class } 的所有监护人都已加入。
letter-title = 加入 { $school } 的 Schoolgate
letter-greeting = 尊敬的 { $name }：
letter-intro = 学校通过 Schoolgate 以您的语言分享关于 { $children } 的信函、活动、表格和报告。加入方法：用手机相机扫描二维码，或输入下方网址，然后输入访问码和您一个孩子的出生日期。
letter-code-label = 您的访问码
letter-qr-label = 打开注册页面的二维码
letter-expiry = 此访问码只能使用一次，有效期至 { $date }。如已过期，请向学校办公室索取新的访问码。

## Server only: roster import (office)
roster-title = 导入名册
roster-intro = 请选择学校信息系统导出的 CSV 文件。保存之前，您会看到每一个问题以及将要发生的变更。
roster-file = 信息系统导出文件（CSV）
roster-check = 检查文件
roster-import = 导入这些变更
roster-importing = 正在导入…… 已完成 { $done } / { $total } 条记录
roster-imported = 名册已导入。
roster-choose-again = 修正文件后重新检查
roster-summary = 共 { $rows } 行。学生：新增 { $added }，变更 { $changed }，未变 { $unchanged }，文件中没有 { $left }（保留）。监护人：新增 { $guardians_added }，变更 { $guardians_changed }。
roster-problems-title = 发现的问题：{ $count }
roster-problems-intro = 尚未保存任何内容。请在导出文件中更正这些行，然后重新检查。
roster-line = 行
roster-problem = 问题
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

## Server only: staff accounts and password reset
staff-title = 教职员账户
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
staff-back = 返回教职员账户
staff-code-title = 一次性代码
staff-code-intro = 请当面把这个代码交给 { $email }。它只能在下方网址使用一次，48 小时内有效，用于设置新密码。
role-guardian = 家长或监护人
role-teacher = 教师
role-teaching-assistant = 助教
role-office-admin = 办公室管理员
role-leadership = 学校领导
role-safeguarding-lead = 指定安全保护负责人
role-system-admin = 系统管理员
reset-title = 设置新密码
reset-intro = 请输入您收到的一次性代码和新密码。
reset-submit = 保存新密码
reset-done = 新密码已保存。现在可以用它登录。
