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
