### Messages in a group marked "## Section: NAME" join the browser's catalogue when a page of that
### section loads (app/build.rs); the other browser messages are in the main module every visitor
### downloads. "## Server only" groups are not in the browser at all.

## Shell
app-name = Schoolgate
skip-to-content = انتقل إلى المحتوى الرئيسي
nav-label = الأقسام الرئيسية
nav-home = الرئيسية
nav-news = الأخبار
nav-notices = الإشعارات
nav-calendar = التقويم
nav-forms = النماذج
nav-reports = التقارير
child-switcher-label = الطفل
sign-in-link = تسجيل الدخول

## Language menu
language-menu-label = اللغة
language-menu-choose = اختر لغتك
language-name-en-GB = English
language-name-zh-CN = 中文（简体）
language-name-ar = العربية

## Home
home-title = مرحبًا بكم في { $school }
home-intro = كل ما يصل من المدرسة عن طفلك، في مكان واحد وبلغتك.
home-card-notices = رسائل وإشعارات لمدرسة طفلك أو صفه الدراسي أو فصله.
home-card-news = صور وقصص من المدرسة ومن صف طفلك وملفه الشخصي.
home-card-calendar = الرحلات والفعاليات وأيام الإغلاق ومواعيد الفصول الدراسية.
home-card-forms = نماذج الموافقة والمعلومات لتعبئتها وتوقيعها.
home-card-reports = تقارير للقراءة والتنزيل.
home-needs-title = ما يحتاج انتباهك الآن
home-needs-unread = إشعارات غير مقروءة: { $count }
home-needs-ack = بحاجة إلى تأكيد
home-needs-nothing = لا شيء يحتاج انتباهك الآن.
home-week-title = هذا الأسبوع
home-week-nothing = لا توجد فعاليات هذا الأسبوع.
home-week-calendar = افتح التقويم
home-latest-title = آخر الأخبار
home-latest-nothing = لا توجد أخبار بعد.
home-latest-news = افتح الأخبار
home-forms-title = نماذج بانتظار ردك
home-forms-nothing = لا توجد نماذج بانتظارك.
home-forms-link = افتح النماذج

## Section pages (each feature fills its page in a later release)
notices-empty = لا توجد إشعارات لك حتى الآن. ستظهر هنا الرسائل الجديدة من المدرسة.
notices-page-empty = لا توجد إشعارات في هذه الصفحة. الإشعارات الأحدث في الصفحات السابقة.
notices-pages = صفحات الإشعارات
notices-older = إشعارات أقدم
notices-newer = إشعارات أحدث

## Section pages (each feature fills its page in a later release)
## Section: calendar
calendar-empty = لا توجد فعاليات في التقويم حتى الآن.

## Sign-in
sign-in-title = تسجيل الدخول
sign-in-intro = استخدم البريد الإلكتروني وكلمة المرور اللذين اخترتهما عند التسجيل.
sign-in-email = البريد الإلكتروني
sign-in-password = كلمة المرور
sign-in-submit = تسجيل الدخول
sign-in-pending = جارٍ تسجيل الدخول…
sign-in-new-parent = ولي أمر جديد؟ ستعطيك المدرسة رمز دخول للانضمام.

## Errors
not-found-title = الصفحة غير موجودة
not-found-body = لم نتمكن من العثور على هذه الصفحة. ربما نُقلت أو أن الرابط غير صحيح.
not-found-home = الذهاب إلى الصفحة الرئيسية
error-title = حدث خطأ ما
error-retry = يُرجى المحاولة مرة أخرى بعد قليل. إذا استمرت المشكلة، فاتصل بمكتب المدرسة.
error-not-found = لم نتمكن من العثور على ما طلبته.
error-forbidden = لم نتمكن من العثور على ما طلبته.
error-rate-limited = محاولات كثيرة جدًا. يُرجى الانتظار بضع دقائق ثم المحاولة مرة أخرى.
error-internal = حدث خطأ من جهتنا. يُرجى المحاولة مرة أخرى.
error-network = تعذّر الوصول إلى خادم المدرسة. تحقّق من اتصالك وحاول مرة أخرى.
error-bad-request = أرسل متصفحك شيئًا لم نتمكن من قراءته. يُرجى إعادة تحميل الصفحة والمحاولة مرة أخرى؛ ما كتبته لا يزال على الصفحة.
error-field-required = يُرجى تعبئة هذا الحقل.
error-field-email = يُرجى إدخال بريد إلكتروني، مثل name@example.com.
error-field-too-long = النص طويل جدًا.
error-invalid-credentials = البريد الإلكتروني أو كلمة المرور غير صحيحة.
error-field-date = يرجى إدخال تاريخ، مثل 21/03/2019.
error-password-too-short = يرجى استخدام 8 أحرف على الأقل.
error-password-too-common = كلمة المرور هذه شائعة جدًا أو سهلة التخمين. جرّب بضع كلمات لا يجمعها غيرك.
error-email-taken = هناك حساب يستخدم عنوان البريد الإلكتروني هذا. سجّل الدخول بدلًا من ذلك، أو استخدم عنوانًا آخر.
error-sign-in-required = يرجى تسجيل الدخول لرؤية هذا.
error-code-unknown = لم نتعرّف على رمز الدخول هذا. تحقّق منه في رسالتك، أو اطلب رمزًا جديدًا من مكتب المدرسة.
error-code-used = تم استخدام رمز الدخول هذا من قبل. سجّل الدخول ببريدك الإلكتروني وكلمة المرور.
error-code-expired = انتهت صلاحية رمز الدخول هذا. يرجى طلب رمز جديد من مكتب المدرسة.
error-code-locked = تم قفل رمز الدخول هذا بعد إدخال تواريخ ميلاد خاطئة عدة مرات. يرجى طلب رمز جديد من مكتب المدرسة.
error-code-wrong-birth-date = تاريخ الميلاد هذا لا يطابق أيًّا من أطفالك. المحاولات المتبقية: { $remaining }.

## Accounts
reset-done = تم حفظ كلمة المرور الجديدة. يمكنك تسجيل الدخول بها الآن.
sign-out = تسجيل الخروج
sign-in-join-link = الانضمام برمز دخول
child-switcher-all = جميع أطفالي
child-switcher-all-short = الكل

## Accounts
## Section: joining
reset-title = اختر كلمة مرور جديدة
reset-intro = أدخل الرمز الذي حصلت عليه لمرة واحدة وكلمة المرور الجديدة.
reset-submit = حفظ كلمة المرور الجديدة

## Joining with an access code
## Section: joining
join-title = انضم إلى مدرسة طفلك
join-intro = أدخل رمز الدخول الموجود في رسالتك، وتاريخ ميلاد أحد أطفالك، والبريد الإلكتروني وكلمة المرور اللذين تريد استخدامهما.
join-code = رمز الدخول
join-birth-date = تاريخ ميلاد طفل
join-birth-date-hint = يؤكد لنا هذا أن الرمز يخصّك فعلًا.
join-password = اختر كلمة مرور
join-password-hint = 8 أحرف على الأقل. بضع كلمات لا يجمعها غيرك خيار جيد.
join-submit = انضمام

## Office tools on the home page
home-card-office = اطبع رسائل رموز الدخول واستورد السجل من نظام معلومات المدرسة.
office-tools-title = أدوات المكتب

## Server only: the printed access-code letters (each in its guardian's language)
letter-title = انضم إلى { $school } على Schoolgate
letter-greeting = عزيزي/عزيزتي { $name }،
letter-intro = Schoolgate هو المكان الذي تشارك فيه المدرسة الرسائل والفعاليات والنماذج والتقارير الخاصة بـ { $children } بلغتك. للانضمام، امسح رمز QR بكاميرا هاتفك أو اكتب العنوان أدناه، ثم أدخل الرمز وتاريخ ميلاد أحد أطفالك.
letter-code-label = رمز الدخول الخاص بك
letter-qr-label = رمز QR يفتح صفحة التسجيل
letter-expiry = يعمل هذا الرمز مرة واحدة حتى { $date }. إذا انتهت صلاحيته، فاطلب رمزًا جديدًا من مكتب المدرسة.

## Server only: roster import (office)
roster-summary = عدد الصفوف { $rows }. التلاميذ: جديد { $added }، متغيّر { $changed }، دون تغيير { $unchanged }، غير موجود في الملف { $left } (محفوظ). أولياء الأمور: جديد { $guardians_added }، متغيّر { $guardians_changed }.
roster-overwrites = يستبدل هذا الملف بيانات غيّرتها العائلات عبر البوابة بعد آخر تحديث لنظام معلومات المدرسة. إذا كان تغيير العائلة صحيحًا فحدّث نظام المعلومات أولًا:
roster-overwrite = { $name } ({ $fields }، تغيّر في { $date }).
roster-posts-withheld = { $count ->
    [one] لم تعد موافقة تلميذ على الصور بعد خفضها تشمل منشورًا واحدًا: لم تعد العائلات تراه، ويُبلَّغ كاتبه بالبريد الإلكتروني.
   *[other] لم تعد موافقة التلاميذ على الصور بعد خفضها تشمل { $count } من المنشورات: لم تعد العائلات تراها، ويُبلَّغ كتّابها بالبريد الإلكتروني.
}
roster-problem-no-current-year = لم يتم إعداد المراحل والصفوف لهذا العام بعد (schoolgate setup-year).
roster-problem-header = يجب أن يحتوي السطر الأول على أسماء الأعمدة المذكورة في الدليل.
roster-problem-malformed = عدد الأعمدة في هذا الصف غير صحيح.
roster-problem-missing = الحقل { $field } فارغ.
roster-problem-bad-date = تاريخ الميلاد ليس تاريخًا صالحًا (استخدم YYYY-MM-DD).
roster-problem-unknown-year-group = لا توجد مرحلة دراسية باسم “{ $value }”.
roster-problem-unknown-class = لا يوجد صف باسم “{ $value }” في هذه المرحلة هذا العام.
roster-problem-duplicate-pupil = التلميذ { $value } مذكور مرة أخرى ببيانات مختلفة.
roster-problem-duplicate-guardian = وليّ الأمر { $value } مذكور مرة أخرى ببيانات مختلفة.
roster-problem-missing-guardian = لا يوجد وليّ أمر لهذا التلميذ.
roster-problem-bad-consent = “{ $value }” ليس مستوى موافقة على الصور.
roster-problem-bad-flag = يجب أن تكون قيمة { $field } هي yes أو no.
roster-problem-bad-email = البريد الإلكتروني لوليّ الأمر غير صالح.
roster-problem-bad-language = “{ $value }” ليست لغة يوفّرها البوابة.

## Noticeboard: the tab badge and the staff card on the home page
loading = جارٍ التحميل…
notices-unread = { $count } غير مقروءة
reports-new-count = { $count } جديدة
forms-to-do-count = { $count } بانتظار الرد
home-card-staff-notices = اكتب الإشعارات وتابع من قرأها وأكّدها.
notice-list-title = الإشعارات (للموظفين)

## Parents' notice pages (the browser switches their language in place)
notice-new-badge = جديد
notice-pinned-badge = مثبّت
notice-ack-badge = يرجى التأكيد
notice-about = بخصوص: { $children }
notice-files = المرفقات
notice-ack-by-date = يرجى التأكيد قبل { $date }.
notifications-title = التنبيهات
notice-category-general = عام
notice-category-event = فعالية
notice-category-trip = رحلة
notice-category-closure = إغلاق
notice-category-urgent = عاجل
notice-file-kb = { $kb } ك.ب

## Parents' notice pages (the browser switches their language in place)
## Section: notice
notice-back = كل الإشعارات
notice-translation-stale-reader = عدّلت المدرسة هذا الإشعار بعد ترجمته. اضغط «عرض الأصل» لرؤية النص الأحدث.
notice-not-translated = لم يُترجَم هذا الإشعار إلى لغتك بعد، وهذا نصه كما كتبته المدرسة.
notice-show-original = عرض الأصل
notice-hide-original = إخفاء الأصل
notice-acknowledge = تأكيد الاطلاع
notice-acknowledge-for = تأكيد عن { $child }
notifications-empty = لا توجد تنبيهات بعد.
notification-reminder = تذكير
notification-new-notice = إشعار جديد
email-settings-title = إعدادات البريد الإلكتروني
email-settings-intro = كل ما ترسله المدرسة موجود دائمًا هنا في التطبيق. اختر الإشعارات التي تصلك بالبريد الإلكتروني أيضًا.
email-mode-instant = كل إشعار فورًا
email-mode-digest = رسالة واحدة في اليوم (السادسة مساءً)
email-mode-off = بدون بريد إلكتروني
email-settings-urgent = تصل الإشعارات العاجلة دائمًا بالبريد الإلكتروني فورًا.
email-settings-save = حفظ
email-settings-saved = حُفظت إعدادات البريد الإلكتروني.
notice-acknowledged-for = تم التأكيد عن { $child } في { $when }.

## Calendar (the browser switches its language in place)
## Section: calendar
calendar-for = تخص: { $children }
calendar-when = الموعد
calendar-where = المكان
calendar-back = كل الفعاليات
calendar-add = أضف إلى تقويمي
calendar-add-hint = ينزّل الفعالية لتطبيق التقويم على هاتفك أو حاسوبك.
calendar-not-translated = لم تُترجم هذه الفعالية إلى لغتك بعد؛ هذا نصها كما كتبته المدرسة.
event-cancelled = أُلغيت
event-changed = تغيّرت
event-short-notice = إشعار قصير
event-all-day = طوال اليوم
event-days = من { $first } إلى { $last }
event-times = من { $start } إلى { $end }
event-span = من { $start } إلى { $end }
calendar-subscribe-title = تقويمك على هاتفك
calendar-subscribe-intro = يمكن لتقويم هاتفك أن يعرض فعاليات أطفالك المدرسية ويتحدّث تلقائيًا عندما تغيّر المدرسة فعالية.
calendar-subscribe-new = أنشئ عنوان تقويمي
calendar-subscribe-renew = أنشئ عنوانًا جديدًا
calendar-subscribe-stop = أوقف عنوان تقويمي
calendar-subscribe-open = أضف إلى تقويم هذا الهاتف
calendar-subscribe-copy = أو انسخه إلى تقويم Google أو Outlook («من عنوان URL»):
calendar-subscribe-private = احتفظ به لنفسك: كل من يملكه يرى هذه الفعاليات. يُعرض الآن فقط.
calendar-subscribe-since = أنشأت عنوانًا في { $date }. حفاظًا على خصوصيتك يُعرض مرة واحدة فقط؛ العنوان الجديد يوقف القديم.
calendar-subscribe-stopped = تم إيقاف عنوان تقويمك.
event-category-assessment = تقييم
event-category-closure = عطلة أو إغلاق
event-category-club = نادٍ
event-category-community = فعالية مجتمعية
event-category-inset = يوم تدريب المعلمين
event-category-other = فعالية
event-category-parents-evening = أمسية أولياء الأمور
event-category-term-dates = مواعيد الفصل الدراسي
event-category-trip = رحلة

## Staff pages in the app (the browser switches their language in place)
notice-ack = التأكيد
notice-acknowledged = أكّد

## Staff pages in the app (the browser switches their language in place)
## Section: staff
letters-intro = اختر صفًا لطباعة رسالة لكل وليّ أمر فيه لم ينضم بعد. تُنشئ الطباعة رموزًا جديدة صالحة لمدة 48 ساعة، وتتوقف الرسائل السابقة عن العمل.
letters-print-class = طباعة رسائل { $class }
letters-reset-title = نسي أحد أولياء الأمور كلمة المرور
letters-none = انضم جميع أولياء الأمور في { $class } بالفعل.
roster-intro = اختر ملف CSV المُصدَّر من نظام معلومات المدرسة. سترى كل مشكلة وكل ما سيتغير قبل حفظ أي شيء.
roster-file = ملف التصدير من نظام المعلومات (CSV)
roster-check = فحص الملف
roster-import = استيراد هذه التغييرات
roster-importing = جارٍ الاستيراد… { $done } من { $total } سجل
roster-imported = تم استيراد السجل.
roster-choose-again = صحّح الملف ثم افحصه مرة أخرى
roster-problems-title = المشكلات التي وُجدت: { $count }
roster-problems-intro = لم يُحفظ أي شيء. صحّح هذه الصفوف في ملف التصدير ثم افحصه مرة أخرى.
roster-line = السطر
roster-problem = المشكلة
staff-name = الاسم
staff-roles = الأدوار
staff-state = الحالة
staff-actions = الإجراءات
staff-status-active = مفعّل
staff-status-suspended = موقوف
staff-status-invited = مدعو (لا توجد كلمة مرور بعد)
staff-suspend = إيقاف
staff-reactivate = إعادة التفعيل
staff-reset = رمز إعادة تعيين كلمة المرور
staff-new = حساب موظف جديد
staff-create = إنشاء الحساب
staff-code-title = رمز لمرة واحدة
staff-code-intro = سلّم هذا الرمز إلى { $email } شخصيًا. يعمل مرة واحدة خلال 48 ساعة على العنوان أدناه لاختيار كلمة مرور جديدة.
role-guardian = وليّ أمر أو مقدّم رعاية
role-teacher = معلّم
role-teaching-assistant = مساعد معلّم
role-office-admin = إداري المكتب
role-leadership = القيادة المدرسية
role-safeguarding-lead = المسؤول المعيّن عن الحماية
role-system-admin = مدير النظام
staff-title = حسابات الموظفين
letters-print-hint = اطبع هذه الصفحة: كل رسالة تُطبع على ورقة مستقلة وبلغة ولي الأمر.
letters-title = رسائل رموز الدخول
roster-title = استيراد السجل
notice-new = إشعار جديد
notice-list-empty = لا توجد إشعارات بعد.
notice-back-to-list = كل الإشعارات
notice-category = الفئة
notice-ack-required = يجب على أولياء الأمور تأكيد الاطلاع
notice-expires-at = الإزالة من لوحة الإشعارات في (اختياري)
notice-translations = الترجمات
notice-translation-stale = قديمة: تغيّر الأصل بعد هذه الترجمة.
notice-status = الحالة
notice-status-draft = مسودة
notice-status-scheduled = مجدول
notice-status-published = منشور
notice-status-expired = منتهي
notice-status-withdrawn = مسحوب
notice-published-at = تاريخ النشر
notice-edit = تعديل
notice-withdraw = سحب
notice-remind = تذكير من لم يستجب
notice-reminded = أُرسل تذكير إلى { $count } من أولياء الأمور.
notice-remind-too-soon = أُرسل تذكير لهذا الإشعار قبل أقل من يوم. يمكنك إرسال التالي غدًا.
notice-remind-nobody = استجاب الجميع؛ لا حاجة إلى تذكير.
notice-export = تنزيل بصيغة CSV
notice-figures = من اطّلع عليه
notice-figures-reached = وصل إلى { $families } أسرة ({ $guardians } من أولياء الأمور)
notice-figures-read = قرأه { $count } ({ $percent }%)
notice-figures-acknowledged = أكّده { $count } ({ $percent }%)
notice-chart-title = نسبة القراءة في كل صف
notice-class = الصف
notice-no-class = بلا صف
notice-reached = وصل إليهم
notice-read = قرأ
notice-not-read = لم يقرأ بعد
notice-not-acknowledged = لم يؤكّد بعد
notice-history = السجل
notice-revision = النسخة { $revision }
audit-published = نُشر
audit-edited = عُدّل
audit-withdrawn = سُحب
audit-reminded = أُرسلت تذكيرات
audit-exported = صُدّر
email-status-on = البريد الإلكتروني مفعّل: تُرسل الإشعارات بالبريد أيضًا.
email-status-off = البريد الإلكتروني غير مفعّل: لم يُضبط خادم بريد (SG_SMTP_HOST)، فتصل الإشعارات إلى أولياء الأمور داخل التطبيق فقط.

## Compose (staff; the browser switches its language in place)
notice-file-size = الحد الأقصى لحجم الملف { $mb } م.ب.
# Stays in the main table: "notice-body" is also a class name the main module uses.
notice-body = النص

## Compose (staff; the browser switches its language in place)
## Section: staff
notice-compose-title = إشعار جديد
notice-edit-title = تعديل الإشعار
notice-language = لغة هذا النص
notice-title = العنوان
notice-body-hint = اكتب بوضوح. يمكن استخدام **غامق** و# عنوان و- بند قائمة و[نص الرابط](https://…).
notice-audience = لمن الإشعار؟
notice-audience-school = المدرسة كلها
notice-audience-year-groups = المراحل الدراسية
notice-audience-classes = الصفوف
notice-audience-pupils = تلاميذ بعينهم
notice-audience-staff = للموظفين فقط (بدون أولياء الأمور)
notice-audience-fixed = يحتفظ الإشعار المنشور بجمهوره. للوصول إلى آخرين اكتب إشعارًا جديدًا.
notice-check-reach = تحقّق ممن يصل إليهم
notice-ack-by = التأكيد قبل (اختياري)
notice-publish-at = النشر في (اختياري)
notice-publish-at-hint = اتركه فارغًا للنشر الآن. الأوقات بالتوقيت المحلي للمدرسة.
notice-pinned = تثبيت في أعلى لوحة الإشعارات
notice-translations-hint = يرى أولياء الأمور النص بلغتهم إن وُجد؛ اترك اللغة فارغة لتخطيها.
notice-file-add = أضف رسائل PDF أو صورًا
notice-publish = نشر
notice-save-draft = حفظ المسودة
notice-save-changes = حفظ التغييرات
notice-problems = حُفظ الإشعار كمسودة لكنه لم يُنشر. يرجى تصحيح ما يلي:
notice-audience-chosen = المختار
notice-audience-search = ابحث عن مرحلة دراسية أو صف أو تلميذ
notice-audience-add = إضافة { $name }
notice-audience-remove = إزالة { $name }
notice-file-remove-named = إزالة { $file }
notice-audience-browse = اختر من القائمة الكاملة

## Staff calendar (the browser switches its language in place)
news-post-title = نشر خبر

## Staff calendar (the browser switches its language in place)
## Section: staff
calendar-staff-title = تقويم المدرسة
calendar-staff-empty = لا توجد فعاليات قادمة.
calendar-staff-outside = خارج البوابة
calendar-staff-export = تنزيل التقويم كاملًا (.ics)
calendar-staff-public = عنوان التقويم لموقع المدرسة (الفعاليات المعلَّمة كعامة فقط، ولا يشمل أبدًا فعالية لتلميذ واحد أو للموظفين):
event-new-title = إضافة فعالية
event-edit-title = تعديل فعالية
event-description = الوصف
event-description-hint = اختياري. يبدأ السطر الفارغ فقرة جديدة.
event-start-date = اليوم الأول
event-start-time = تبدأ في
event-end-date = اليوم الأخير
event-end-date-hint = اتركه فارغًا إذا كانت الفعالية في يوم واحد.
event-end-time = تنتهي في
event-times-hint = لا تُستخدم الأوقات في فعالية تستغرق اليوم كله.
event-audience-fixed = تحتفظ الفعالية بجمهورها. تغيير تاريخها أو وقتها أو مكانها يُبلغ كل من تصل إليهم.
event-public = اعرضها في تقويم المدرسة العام (بدون أسماء التلاميذ)
event-save-new = أضفها إلى التقويم
event-short-notice-ok = انشرها على أي حال: سترى العائلات عليها علامة «إشعار قصير».
event-cancel = إلغاء هذه الفعالية
event-cancel-hint = تبقى ظاهرة للعائلات مع علامة الإلغاء، حتى لا يحضر أحد من أجلها.
event-is-cancelled = أُلغيت هذه الفعالية ولم يعد من الممكن تعديلها.

## Server only: dates (chrono patterns: %-d day, %B month name, %Y year, %H:%M time)
format-month = %B %Y
format-date = %-d %B %Y
format-date-time = %-d %B %Y، %H:%M
format-day = %A %-d %B %Y
format-list-separator = {"، "}
format-day-and-time = { $day }، { $time }

## Server only: noticeboard (parents and staff)
notice-file-type = يمكن إرفاق ملفات PDF والصور (PNG وJPEG وGIF وWebP) فقط.
file-count = يمكن إرفاق { $count } ملفات كحد أقصى.
notice-audience-required = اختر لمن الإشعار.
notice-audience-not-allowed = لا يمكنك إرسال إشعارات إلى هذا الجمهور.
notice-reach = يصل إلى { $families } أسرة ({ $guardians } من أولياء الأمور و{ $pupils } تلميذًا).
notice-expiry-before-publish = يجب أن يكون وقت الإزالة بعد نشر الإشعار.
notice-translation-incomplete = تحتاج الترجمة إلى عنوان ونص معًا.
notice-draft-saved = حُفظت المسودة. لم يُرسل شيء.
notice-draft-autosaved = حُفظت المسودة في { $time }. لم يُرسل شيء.
csv-guardian = ولي الأمر
csv-email = البريد الإلكتروني
csv-children = الأبناء
csv-read-at = وقت القراءة
csv-acknowledged-at = وقت التأكيد
csv-acknowledged-for = التأكيد عن

## Server only: e-mails (to families, and to staff about their posts)
email-notice-subject = { $school }: { $title }
email-reminder-subject = تذكير من { $school }: { $title }
email-digest-subject = { $school }: { $count } إشعارات جديدة
email-ack-needed = تطلب المدرسة منك تأكيد الاطلاع على هذا الإشعار.
email-read-link = اقرأه وردّ من هنا: { $link }
email-footer = أرسلته { $school } عبر Schoolgate. يمكنك اختيار الرسائل التي تصلك من داخل التطبيق.
email-withheld-subject = { $count ->
    [one] لم تعد العائلات ترى منشورًا من منشوراتك
    [two] لم تعد العائلات ترى منشورين من منشوراتك
    [few] لم تعد العائلات ترى { $count } من منشوراتك
   *[other] لم تعد العائلات ترى { $count } من منشوراتك
}
email-withheld-intro = { $count ->
    [one] خُفّضت موافقة أحد الأطفال على الصور في سجلات المدرسة ولم تعد تشمل هذا المنشور، لذلك لم تعد العائلات تراه. ما زلت أنت وقيادة المدرسة ترونه.
   *[other] خُفّضت موافقة أطفال على الصور في سجلات المدرسة ولم تعد تشمل هذه المنشورات، لذلك لم تعد العائلات تراها. ما زلت أنت وقيادة المدرسة ترونها.
}
email-withheld-pupils = الموافقة لم تعد تشمل: { $pupils }
email-withheld-what-now = ستعود العائلات لرؤية المنشور إذا رُفعت الموافقة. وإلا يمكنك حذفه ونشره من جديد دون الصور التي يظهر فيها الطفل، أو مع تمويه وجهه.
email-staff-footer = أرسلته { $school } عبر Schoolgate.
email-form-reminder-subject = تذكير من { $school }: يُرجى الإجابة عن «{ $title }»
email-form-reminder-intro = ما زالت المدرسة تنتظر إجاباتك عن «{ $title }» من أجل { $children }.
email-form-reminder-due = يُرجى الإجابة قبل { $date }.
email-form-reminder-link = أجب هنا: { $link }

## Server only: the event form
event-audience-required = اختر لمن هذه الفعالية.
event-audience-not-allowed = لا يمكنك إضافة فعاليات إلى التقويم لهذا الجمهور.
event-time-required = أدخل وقتًا، أو اختر «طوال اليوم».
event-time-invalid = أدخل وقتًا، مثل 09:30.
event-end-before-start = يجب أن تنتهي الفعالية بعد أن تبدأ.
event-too-long = يمكن أن تستمر الفعالية { $days } يومًا على الأكثر.
event-translation-incomplete = تحتاج الترجمة إلى عنوان.
event-short-notice-warning = تفصلنا عن هذه الفعالية أقل من { $days } أيام دراسية، وهي المهلة التي تَعِد بها مدرستك العائلات.
event-checked = تم التحقق. لا يُحفظ شيء حتى تضغط الزر في آخر النموذج.
event-not-saved = لم تُحفظ الفعالية. يرجى تصحيح ما يلي:
event-repeat-weeks-invalid = اختر عدد مرات تكرار الفعالية.
event-repeat-one-day = يجب أن تنتهي الفعالية المتكررة في يوم بدايتها.
event-repeat-until-before = يجب أن يكون التاريخ الأخير في اليوم الأول أو بعده.
event-repeat-skipped-invalid = «{ $value }» ليس تاريخًا. اكتب التواريخ هكذا: 2027-02-16.
event-repeat-skipped-off = { $value } ليس من تواريخ هذه الفعالية.
event-repeat-none-left = تم تخطي كل التواريخ، فلن يظهر شيء في التقويم.
event-repeat-too-many = سيضيف هذا { $count } تاريخًا إلى التقويم، والحد الأقصى للفعالية المتكررة { $most }. اختر تاريخًا أخيرًا أبكر.
event-repeat-legend = التكرار
event-repeat-once = لا تتكرر
event-repeat-weekly = كل أسبوع
event-repeat-every-weeks = كل { $weeks } أسابيع
event-repeat-until = التاريخ الأخير
event-repeat-skipped = تخطَّ هذه التواريخ
event-repeat-skipped-hint = تاريخ واحد في كل سطر، مثل 2027-02-16: عطلة منتصف الفصل، إغلاق.
event-repeats = { $rule } حتى { $until }
event-repeats-except = ما عدا { $days }

## Server only: the notice the calendar publishes when an event moves or is called off
event-moved-notice-title = تغيير: { $title }
event-moved-notice-body = أصبح موعدها { $day }، { $when }.
event-cancelled-notice-title = إلغاء: { $title }
event-cancelled-notice-body = أُلغيت { $title } المقررة في { $day }.
event-notice-place = المكان: { $place }
event-notice-link = اعرضها في التقويم
event-announce-body = في { $day }، { $when }.
event-announce = اكتب إشعارًا عن هذه الفعالية

## Server only: the calendar's views (sent with the page's data)
calendar-agenda-view = قائمة
calendar-month-view = شهر
calendar-month-previous = الشهر السابق
calendar-month-next = الشهر التالي
calendar-month-empty = لا توجد فعاليات هذا الشهر.
calendar-month-filter = فعاليات
calendar-month-filter-all = كل الفعاليات
calendar-month-filter-show = اعرض

## Server only: calendar feeds (the name calendar apps show)
calendar-feed-name = تقويم { $school }
calendar-week-cancelled = أُلغيت: { $title }

## Server only: importing term dates and events (sent with the page's data)
import-title = استيراد مواعيد الفصول الدراسية والفعاليات
import-intro = أضف مواعيد الفصول الدراسية والعطل وأيام تدريب المعلمين والفعاليات لعام كامل من جدول بيانات محفوظ بصيغة CSV، أو من ملف iCalendar ‏(.ics) مُصدَّر من تقويم آخر. سترى كل فعالية قبل إضافة أي شيء، ثم تُضاف كلها أو لا يُضاف أي منها.
import-csv-help = يبدأ ملف CSV بسطر يسمّي أعمدته: العمودان title و start_date ‏(YYYY-MM-DD) مطلوبان؛ ويمكن أن تليهما الأعمدة end_date و start_time و end_time ‏(HH:MM، ويُتركان فارغين ليوم كامل) و category و location و description و audience ‏("whole school" أو "staff" أو صفوف وفصول يفصل بينها ";") و public ‏(yes أو no) و repeat_weeks و repeat_until و skipped_dates.
import-ics-help = فعاليات ملف .ics موجهة للمدرسة كلها ولا تظهر في التقويم العام؛ يمكنك تغيير أي منها بعد ذلك.
import-file = ملف مواعيد الفصول الدراسية (.csv أو .ics، بحد أقصى { $most } ميغابايت)
import-do = استيراد هذه الفعاليات
import-already = موجودة في التقويم
import-back = العودة إلى تقويم المدرسة
import-summary = فعاليات ستُضاف: { $new }. موجودة في التقويم (لن تُضاف): { $already }.
import-problems = لم يُستورد الملف. المشكلات التي تحتاج إلى تصحيح: { $count }.
import-done = الفعاليات المستوردة: { $count }.
import-empty = اختر ملفًا لاستيراده.
import-too-large = حجم الملف أكبر من { $most } ميغابايت. مواعيد المدرسة أصغر من ذلك بكثير: تحقق من أنه الملف الصحيح.
import-not-text = الملف ليس نصًا محفوظًا بترميز UTF-8. احفظ جدول البيانات بصيغة "CSV UTF-8" ثم اختره مرة أخرى.
import-too-many = في الملف { $count } فعالية؛ ويمكن استيراد { $most } فعالية على الأكثر في المرة الواحدة.
import-no-events = لا توجد فعاليات في الملف.
import-field = { $field }: { $problem }
import-csv-unreadable = لا يمكن قراءة هذا السطر بصيغة CSV: تحقق من علامات الاقتباس.
import-csv-column-unknown = عمود غير معروف "{ $value }".
import-csv-column-missing = العمود "{ $value }" غير موجود.
import-csv-category = فئة غير معروفة "{ $value }".
import-csv-audience = لا يوجد صف أو فصل باسم "{ $value }".
import-csv-public = يجب أن يحتوي العمود public على yes أو no، وليس "{ $value }".
import-ics-not-calendar = هذا ليس ملف iCalendar: يجب أن يبدأ بـ BEGIN:VCALENDAR.
import-ics-broken = هذا السطر تالف: يلزمه اسم، ثم ":" وقيمة.
import-ics-unclosed = يبدأ { $value } هنا ولكنه لا يُغلق أبدًا.
import-ics-unexpected-end = يغلق END:{ $value } شيئًا لم يبدأ أصلًا.
import-ics-unreadable = تعذرت قراءة الملف بصيغة iCalendar.
import-ics-no-start = ليس لهذه الفعالية وقت بدء (DTSTART).
import-ics-repeat = تتكرر هذه الفعالية بطريقة لا يمكن للبوابة حفظها: فقط كل أسبوع إلى 4 أسابيع في اليوم نفسه، حتى تاريخ معين أو لعدد من المرات.

## Server only: the newsfeed (sent with the page's data)
news-empty = لم يُنشر شيء لعائلتك بعد. ستظهر هنا صور المدرسة وقصصها.
news-share-reminder = هذه الصور مشتركة مع عائلات المدرسة فقط. يُرجى عدم تنزيل الصور التي يظهر فيها أطفال آخرون أو إعادة إرسالها أو نشرها.
news-older = منشورات أقدم
news-story-school = قصة المدرسة
news-story-class = الصف { $class }
news-story-portfolio-of = الملف الشخصي لـ { $children }
news-story-portfolios = الملفات الشخصية، { $class }
news-children-tagged = في هذا المنشور: { $children }
news-photo-alt = الصورة { $number } من { $count }
news-choose-story = اختر مكان النشر. قصة الصف تراها عائلات ذلك الصف؛ وقصة المدرسة تراها كل العائلات.
news-see-feed = عرض الأخبار
news-post-to = النشر في { $story }
news-not-posted = لم يُنشر بعد. يُرجى التصحيح:
news-body = ماذا حدث؟
news-photos = الصور
news-photo-remove = إزالة هذه الصورة
news-photo-add = إضافة صور
news-photo-hint = حتى { $most } صور: JPEG أو PNG أو WebP، بالكاميرا أو من المعرض.
news-tags = من يظهر في الصور
news-tags-hint = ضع علامة على كل تلميذ يمكن رؤيته. تظهر موافقة كل واحد على الصور بجانب اسمه.
news-portfolio-only = فقط في الملفات الشخصية للتلاميذ المحددين (تراها عائلة كل منهم فقط)
news-publish = نشر
news-consent-none = لا صور
news-consent-portfolio = ملفه الشخصي فقط
news-consent-class = قصص الصف
news-consent-school = المدرسة كلها
news-consent-public = للعموم
news-reach-own-portfolio = عائلته فقط
news-reach-shared-portfolio = عائلات تلاميذ آخرين
news-reach-class = كل عائلات الصف
news-reach-school = كل عائلات المدرسة
news-reach-public = أي شخص
news-consent-blocked = موافقة { $pupil } على الصور هي «{ $consent }»، لكن صور هذا المنشور سيراها { $reach }. أزل العلامة عن { $pupil } وموّه وجهه (أو احذف الصور التي يظهر فيها)، أو انشر فقط في الملفات الشخصية للتلاميذ الذين تسمح موافقتهم بذلك، أو احذف الصور.
news-error-empty = اكتب شيئًا أو أضف صورة.
news-error-portfolio-untagged = ضع علامة على التلاميذ الذين يُرسل هذا إلى ملفاتهم الشخصية.
news-photo-too-many = لم تُضف { $file }: يمكن أن يحتوي المنشور على { $most } صور على الأكثر.
news-photo-too-large = حجم { $file } أكبر من { $mb } ميغابايت.
news-photo-too-many-pixels = في { $file } أكثر من { $megapixels } مليون بكسل. يُرجى إرسال صورة أصغر.
news-photo-format = لا يمكننا عرض { $file }. أرسل JPEG أو PNG أو WebP (على iPhone اختر «الأكثر توافقًا» في الإعدادات › الكاميرا › التنسيقات).
news-photo-unreadable = تعذرت قراءة { $file } كصورة. قد يكون الملف تالفًا؛ يُرجى التقاطها أو اختيارها مرة أخرى.
news-blur = تمويه وجه
news-blur-hint = اسحب بإصبعك مربعًا فوق الوجه في الصورة، أو اكتب موضع المربع بالنسبة المئوية من الصورة، ثم اضغط «تمويه المناطق المحددة». يتم التمويه على خادم المدرسة، في كل أحجام الصورة، قبل أن يراها أحد.
news-blur-left = من اليسار (%)
news-blur-top = من الأعلى (%)
news-blur-width = العرض (%)
news-blur-height = الارتفاع (%)
news-blur-button = تمويه المناطق المحددة
news-blur-invalid = تحتاج منطقة التمويه في الصورة { $number } إلى أربعة أرقام من 0 إلى 100: من اليسار، ومن الأعلى، والعرض، والارتفاع.
news-like = إعجاب
news-liked = أُعجبت به
news-likes = { $count ->
    [0] لا إعجابات بعد
    [one] إعجاب واحد
    [two] إعجابان
    [few] { $count } إعجابات
   *[other] { $count } إعجاب
}
news-comment-count = { $count ->
    [0] تعليق
    [one] تعليق واحد
    [two] تعليقان
    [few] { $count } تعليقات
   *[other] { $count } تعليق
}
news-comments = التعليقات
news-comments-none = لا تعليقات بعد.
news-comment-write = اكتب تعليقًا
news-comment-hint = يستطيع كل من يرى هذا المنشور قراءة تعليقك. حتى { $most } حرف؛ بدون عناوين مواقع أو بريد إلكتروني.
news-comment-send = إرسال
news-comments-closed = التعليقات مغلقة على هذا المنشور.
news-comments-close-post = إغلاق التعليقات على هذا المنشور
news-comments-open-post = فتح التعليقات على هذا المنشور
news-comments-close-class = إغلاق التعليقات على كل منشورات { $class }
news-comments-open-class = إعادة فتح التعليقات على منشورات { $class }
news-back = العودة إلى الأخبار
news-comment-report = إبلاغ المدرسة
news-comment-reported = أبلغت عن هذا التعليق. ستنظر فيه المدرسة.
news-comment-delete = حذف
news-comment-hide = إخفاء عن العائلات
news-comment-show = إظهاره للعائلات مجددًا
news-comment-keep = إبقاؤه ومسح البلاغات
news-comment-hidden = أخفت المدرسة هذا التعليق عن العائلات.
news-comment-staff = المدرسة
news-comment-reports = { $count ->
    [one] أُبلغ عنه مرة واحدة
    [two] أُبلغ عنه مرتين
   *[other] أُبلغ عنه { $count } مرات
}
news-comment-not-sent = لم يُرسل تعليقك:
news-comment-empty = اكتب شيئًا قبل الإرسال.
news-comment-too-long = يمكن أن يصل التعليق إلى { $most } حرف على الأكثر.
news-comment-link = لا يمكن أن تحتوي التعليقات على عناوين مواقع أو بريد إلكتروني. يرجى إرسالها إلى مكتب المدرسة.
news-comment-unkind = يرجى أن تكون التعليقات لطيفة: هذا التعليق يحتوي على كلمات لا تسمح بها المدرسة.
news-comment-too-many = كتبت تعليقات كثيرة في الساعة الأخيرة. يرجى الانتظار قليلًا قبل كتابة المزيد.
news-comments-closed-refused = أُغلقت التعليقات على هذا المنشور، لذلك لم يُرسل تعليقك.
news-moderation = التعليقات المُبلغ عنها
news-moderation-empty = لم يُبلغ عن أي تعليق.
news-moderation-open = فتح المنشور
news-seen-by = شاهده { $seen } من { $reach } من الآباء ومقدمي الرعاية
news-story-archived = { $story } · { $year }
news-withheld = لم تعد العائلات ترى هذا المنشور: موافقة { $pupils } على الصور لم تعد تشمله.
news-withheld-heading = منشورات لم تعد العائلات تراها
news-story-dated = { $story } · { $when }
news-delete-post = حذف هذا المنشور
news-delete-post-warning = يُحذف المنشور وصوره وإعجاباته وتعليقاته لدى الجميع. تحتفظ سجلات المدرسة بنصه وبمن حذفه.
news-delete-post-confirm = حذفه لدى الجميع
news-photo-sending = جارٍ الإرسال…
news-photo-send-failed = لم تُرسل. تحقق من الاتصال ثم حاول مجددًا.
news-photo-retry = حاول مجددًا
news-photo-leave-out = استبعادها
news-edited = عُدِّل { $when }
news-pinned = مثبّت
news-pin = تثبيت في أعلى آخر الأخبار
news-unpin = إلغاء التثبيت
news-pin-hint = تبقى المنشورات المثبّتة في أعلى آخر الأخبار لدى العائلات. يحتفظ كل قسم بـ { $most } على الأكثر: تثبيت منشور آخر يلغي تثبيت الأقدم.
news-show-original = عرض النص الأصلي
news-translation-stale = غيّرت المدرسة هذا المنشور بعد ترجمته. اضغط على «عرض النص الأصلي» لقراءة أحدث نص.
news-edit = تعديل النص والترجمات
news-edit-hint = ترى العائلات كلمة «عُدِّل» على المنشور. تُحفظ النسخ السابقة أدناه للمدرسة. اترك الترجمة فارغة لحذفها.
news-edit-original = النص بـ{ $language } (كما كُتب)
news-edit-translation = الترجمة إلى { $language } (اختياري)
news-edit-stale = قديمة: تغيّر النص بعد هذه الترجمة
news-edit-save = حفظ التغييرات
news-edit-not-saved = لم تُحفظ تغييراتك:
news-edit-too-long = يمكن أن يصل كل نص إلى { $most } حرف على الأكثر.
news-edit-conflict = حفظ شخص آخر تغييرًا على هذا المنشور أثناء تعديلك له. نصّك محفوظ أدناه: اطّلع على أحدث نص للمنشور، ثم احفظ مرة أخرى.
news-edit-history = النسخ السابقة
news-edit-back = العودة إلى المنشور
news-earlier-version = { $language } · كتبها { $author }، { $written } · استُبدلت { $replaced }

## Server only: forms (sent with the page's data)
form-list-empty = لا توجد نماذج بانتظارك.
form-staff-new-custom = نموذج جديد بأسئلتك الخاصة
form-new-details-custom = موضوع النموذج (اختياري)
form-builder-questions = الأسئلة
form-builder-question = السؤال { $number }
form-builder-kind = نوع الإجابة
form-builder-required = الإجابة مطلوبة
form-builder-label = السؤال باللغة { $language }
form-builder-options-label = الخيارات باللغة { $language }، خيار في كل سطر
form-builder-wording = ما يوافق عليه أولياء الأمور باللغة { $language }
form-builder-ask = متى يُطرح
form-builder-always = دائمًا
form-builder-when-yes = عندما تكون إجابة السؤال { $number } نعم
form-builder-add = إضافة سؤال
form-builder-remove = حذف السؤال { $number }
form-builder-up = نقل السؤال { $number } إلى الأعلى
form-builder-hint = تُستخدم الخيارات في أسئلة «اختيار من قائمة»، والإقرار في أسئلة الموافقة. يمكن ترك كل اللغات فارغة ما عدا الأولى.
form-builder-who = من يجيب؟
form-builder-per-child = كل وليّ أمر، مرة لكل طفل
form-builder-per-family = مرة واحدة للأسرة كلها، عن جميع أطفالها
form-builder-none = أضف سؤالًا واحدًا على الأقل.
form-builder-no-label = السؤال { $number } يحتاج إلى نصه بلغة المدرسة.
form-builder-too-long = السؤال { $number } طويل جدًا.
form-builder-no-wording = السؤال { $number } سؤال موافقة: اكتب الإقرار الذي يوافق عليه أولياء الأمور.
form-builder-options = السؤال { $number } يحتاج إلى خيارين على الأقل، خيار في كل سطر (20 على الأكثر).
form-builder-options-translated = السؤال { $number }: اكتب العدد نفسه من الخيارات في كل لغة، وبالترتيب نفسه.
form-builder-condition = يمكن أن يعتمد السؤال { $number } على سؤال سابق إجابته نعم أو لا فقط.
form-kind-short-text = نص قصير
form-kind-long-text = فقرة
form-kind-number = رقم
form-kind-date = تاريخ
form-kind-choice = اختيار من قائمة
form-kind-yes-no = نعم أو لا
form-kind-consent = موافقة (أوافق أو لا أوافق)
form-kind-file = ملف PDF
form-kind-signature = توقيع
form-for-child = عن { $child }
form-for-family = عن أسرتك
form-status-todo = مطلوب
form-status-done = تم
form-status-withdrawn = سُحبت الموافقة
form-status-overdue = أُغلقت دون إجابة
form-status-lapsed = انتهت صلاحية الموافقة
form-due = يُرجى الإجابة قبل { $date }
form-due-reminded = يُرجى الإجابة قبل { $date }. أرسلت المدرسة تذكيرًا في { $reminded }.
form-closed-on = أُغلقت في { $date }
form-yes = نعم
form-no = لا
form-consent-yes = أوافق
form-consent-no = لا أوافق
form-shown-when = أجب عن هذا فقط إذا كانت إجابتك عن «{ $question }» هي «{ $answer }».
form-answered-on = أجبت في { $date }. يمكنك تغيير إجاباتك حتى يُغلق النموذج.
form-answered-by-phone = سجّلت المدرسة إجاباتك التي أعطيتها بالهاتف في { $date }. يمكنك تغييرها هنا حتى يُغلق النموذج.
form-answered-by-family = أجاب { $name } عن أسرتك في { $date }. يمكنك تغيير الإجابات حتى يُغلق النموذج.
form-withdrawn-on = سحبت موافقتك في { $date }.
form-lapsed-on = انتهت صلاحية الموافقة التي أعطيتها في { $date }. ستطلبها المدرسة مرة أخرى عند الحاجة.
form-send = أرسل إجاباتي
form-send-changes = أرسل التغييرات
form-required = (مطلوب)
form-no-consent = لا تمنحك سجلات المدرسة حق الموافقة عن هذا الطفل، لذا يجب أن يجيب أحد الوالدين أو الأوصياء الآخرين عن سؤال الموافقة. يُرجى التواصل مع مكتب المدرسة إذا كان هذا خطأ.
form-not-translated = هذا النموذج غير مترجم إلى لغتك بعد؛ وهو معروض كما كتبته المدرسة.
form-not-sent = لم تُرسل إجاباتك.
form-back = كل النماذج
form-answering-for = الإجابة عن
form-answering-for-family = إجابة واحدة عن جميع أطفالك:
form-withdraw = اسحب موافقتي
form-sent = شكرًا لك: أُرسلت إجاباتك إلى المدرسة.
form-problem-required = يُرجى الإجابة عن هذا السؤال.
form-problem-too-long = هذه الإجابة طويلة جدًا.
form-problem-number = يُرجى إدخال رقم.
form-problem-date = يُرجى إدخال تاريخ.
form-problem-choice = يُرجى اختيار إحدى الإجابات المعروضة.
form-problem-may-not-consent = لا يجيب عن هذا إلا أحد الوالدين أو الأوصياء ممن لهم حق الموافقة عن هذا الطفل.
form-problem-drawing = تعذّرت قراءة التوقيع المرسوم. ارسمه من جديد، أو اترك المربع فارغًا: اسمك المكتوب هو توقيعك.
form-problem-file-type = هذا الملف ليس بصيغة PDF. يُرجى إرسال خطة الرعاية أو الرسالة بصيغة PDF (تستطيع معظم الهواتف حفظ صورة أو مستند بهذه الصيغة).
form-problem-file-size = هذا الملف أكبر من { $mb } ميغابايت. يُرجى إرسال ملف PDF أصغر.
form-problem-file-again = الملف سليم، لكن الإجابات لم تُرسَل: يُرجى اختيار الملف مرة أخرى.
form-file-held = أُرسل من قبل:
form-file-hint = ملف PDF حتى { $mb } ميغابايت. اختر ملفًا فقط لإرسال ملف جديد.
form-problem-closed = أُغلق هذا النموذج ولم يعد يقبل إجابات. يُرجى التواصل مع مكتب المدرسة.
form-problem-changed = تغيّرت إجاباتك عن هذا النموذج في صفحة أو جهاز آخر منذ أن فتحت هذه الصفحة. ما كتبته محفوظ أدناه: راجعه ثم أرسله مرة أخرى.
form-problem-nothing-to-withdraw = لا توجد موافقة لسحبها.
form-problem-fields = يُرجى مراجعة الإجابات المشار إليها أدناه.
form-trip-consent-label = الموافقة على هذه الرحلة
form-trip-consent-wording = أوافق على مشاركة طفلي في هذه الرحلة وأنشطتها، وعلى سفره مع المدرسة كما هو موضح أعلاه. وأفهم أن الموظفين سيتولون رعاية طفلي نيابةً عني أثناء الرحلة، وسيطلبون له العلاج الطبي في حالة الطوارئ إذا تعذّر الوصول إليّ.
form-trip-medical = هل لدى طفلك احتياجات طبية أو يحتاج إلى دواء أثناء الرحلة؟
form-trip-medical-details = يُرجى وصفها: الحالة والدواء وجرعته ومواعيد تناوله.
form-trip-phone = رقم هاتف يمكننا الوصول إليك عليه أثناء الرحلة
form-trip-dietary = أي احتياجات غذائية أو حساسية من أطعمة في ذلك اليوم (وجبة الغداء، الوجبات الخفيفة)
form-dietary-needs = هل لدى طفلك أي احتياجات غذائية أو حساسية من أطعمة؟
form-dietary-details = يُرجى وصفها: الأطعمة التي يجب تجنّبها وسبب ذلك (حساسية، عدم تحمّل، دين، اختيار)
form-dietary-reaction = إن كانت حساسية: ماذا يحدث، وماذا يفعل الموظفون إذا أُكل الطعام
form-medication-name = اسم الدواء
form-medication-dose = الجرعة ومواعيد إعطائها
form-medication-last-day = آخر يوم يُعطى فيه الدواء
form-medication-notes = أي شيء آخر يجب أن يعرفه الموظفون: الآثار الجانبية، طريقة الحفظ
form-medication-care-plan = خطة رعاية أو رسالة من الطبيب إن وُجدت (بصيغة PDF)
form-medication-consent-label = الموافقة على أن يعطي الموظفون هذا الدواء
form-medication-consent-wording = أطلب من المدرسة أن تعطي طفلي هذا الدواء كما هو موصوف أعلاه. الدواء في عبوته الأصلية وعليها اسم طفلي، وقد تناوله طفلي من قبل دون أي ردّ فعل. سأبلغ المدرسة كتابةً إذا تغيّرت الجرعة أو المواعيد.
form-signature-label = اسمك الكامل بمثابة توقيعك
form-signature-draw = يمكنك أيضًا التوقيع بإصبعك في هذا المربع.
form-signature-clear = امسح الرسم
form-draft-restored = عاد ما كتبته سابقًا على هذا الهاتف. لم يُرسَل بعد.
form-staff-heading = النماذج
form-staff-new-dietary = نموذج جديد للاحتياجات الغذائية
form-staff-new-medication = نموذج جديد للأدوية
form-staff-empty = لا توجد نماذج بعد.
form-staff-closes = يُغلق في { $date }
form-staff-progress = أجاب { $done } من { $asked } طفلًا
form-staff-progress-conflicting = أجاب { $done } من { $asked } طفلًا؛ { $count } يختلف والداهم
form-staff-answer-line = { $name }: { $answer }، { $date }
form-staff-answer-line-phone = { $name }: { $answer }، { $date } (بالهاتف، سجّله { $taker })
form-staff-drawn-signature = توقيع رسمه { $name }
form-staff-recorded = سُجّلت الإجابة المعطاة بالهاتف.
form-record-link = تسجيل إجابة أُعطيت بالهاتف
form-staff-trip-list = قائمة للطباعة
form-trip-list-back = إجابات النموذج
form-trip-list-print = اطبع
form-trip-list-consent = الموافقة
form-trip-list-notes = ما أخبرنا به الأهل
form-trip-list-answer = { $question }: { $answer }
form-trip-list-summary = طُبعت في { $date }: { $children } من الأطفال، { $consent } منهم بموافقة
form-record-heading = تسجيل إجابة أُعطيت بالهاتف
form-record-who = من أعطى الإجابة؟
form-record-guardian = { $name } ({ $relationship })
relationship-mother = الأم
relationship-father = الأب
relationship-parent = أحد الوالدين
relationship-stepmother = زوجة الأب
relationship-stepfather = زوج الأم
relationship-grandmother = الجدة
relationship-grandfather = الجد
relationship-grandparent = أحد الأجداد
relationship-aunt = العمة/الخالة
relationship-uncle = العم/الخال
relationship-carer = الوصي
relationship-foster-carer = الوصي الحاضن
form-record-no-consent = لا تمنحه سجلات المدرسة حق الموافقة عن هذا الطفل.
form-record-note = أنت تسجّل الإجابات التي أعطاها { $name } بالهاتف. تُحفظ على أنك من سجّلها، مع الوقت.
form-staff-back = كل النماذج
form-staff-child = الطفل
form-staff-class = الصف
form-staff-status = الحالة
form-staff-answers = الإجابات
form-staff-gives-consent = يوافق
form-staff-refuses-consent = لا يوافق
form-staff-conflict = الوالدان مختلفان
form-new-heading = نموذج جديد للموافقة على رحلة
form-new-language-required = { $language } (مطلوب)
form-new-language-optional = { $language } (ترجمة اختيارية)
form-new-title = الرحلة (عنوان النموذج)
form-new-details = المكان والموعد وكيفية تنقل الأطفال وما يجب إحضاره
form-new-title-form = عنوان النموذج
form-new-details-dietary = ما يجب أن تعرفه العائلات: لماذا تسأل المدرسة ومن يطّلع على الإجابات
form-new-details-medication = ما يجب أن تعرفه العائلات: كيف تُسلَّم الأدوية ومن يعطيها
form-new-audience = لمن هذا النموذج؟
form-new-closes = آخر يوم للإجابات
form-new-create = أرسله إلى الأسر
form-new-not-created = لم يُرسل النموذج.
form-new-no-title = يُرجى كتابة عنوان الرحلة بالإنجليزية.
form-new-no-title-form = يُرجى كتابة عنوان النموذج بالإنجليزية.
form-new-half-translated = تحتاج الترجمة إلى عنوان إلى جانب التفاصيل.
form-new-no-audience = يُرجى اختيار مرحلة دراسية أو صف واحد على الأقل.
form-new-closes-problem = يُرجى اختيار آخر يوم للإجابات بين اليوم وسنة من الآن.
form-staff-remind = ذكّر من لم يُجب بعد
form-staff-reminded = { $count ->
    [zero] لم يُذكَّر أحد.
    [one] ذُكِّر وليّ أمر واحد، داخل التطبيق وبالبريد الإلكتروني إن كان للمدرسة عنوانه.
    [two] ذُكِّر وليّا أمر، داخل التطبيق وبالبريد الإلكتروني إن كان للمدرسة عنوانهما.
    [few] ذُكِّر { $count } من أولياء الأمور، داخل التطبيق وبالبريد الإلكتروني إن كان للمدرسة عناوينهم.
    [many] ذُكِّر { $count } وليّ أمر، داخل التطبيق وبالبريد الإلكتروني إن كان للمدرسة عناوينهم.
   *[other] ذُكِّر { $count } وليّ أمر، داخل التطبيق وبالبريد الإلكتروني إن كان للمدرسة عناوينهم.
}
form-staff-remind-too-soon = أُرسل تذكير منذ أقل من يوم. يمكنك إرسال التالي غدًا.
form-staff-remind-nobody = لا أحد ينتظر تذكيرًا: لكل طفل سُئل عنه إجابة، أو لم يبقَ إلا أولياء أمور بلا حق الموافقة.
form-staff-remind-closed = أُغلق النموذج، فلم يُرسل أي تذكير.
form-staff-last-reminded = آخر تذكير أُرسل في { $date }
form-staff-export-csv = تنزيل CSV
form-staff-export-xlsx = تنزيل Excel ‏(XLSX)
form-export-answer = الإجابة
form-export-submitted = وقت الإرسال
form-export-language = لغة العرض
form-export-version = الإصدار
form-export-channel = الطريقة
form-export-in-portal = عبر البوابة
form-export-by-phone = بالهاتف، سجّلها { $taker }
form-export-sheet = الإجابات
form-staff-new-photo = نموذج جديد للموافقة على الصور والفيديو
form-new-details-photo = ما يجب أن تعرفه العائلات: ما الصور والفيديوهات التي تلتقطها المدرسة، وأين تُشارَك، وإلى متى
form-photo-label = أين يجوز نشر صور طفلك ومقاطع الفيديو الخاصة به؟
form-photo-wording = يمكنك تغيير ذلك في أي وقت من هذا النموذج. الاختيار الأضيق يسري فورًا، والأوسع يسري بعد أن يراجعه مكتب المدرسة.
form-photo-none = لا صور ولا فيديو لطفلي إطلاقًا
form-photo-portfolio = في ملف إنجاز طفلي فقط، وتراه عائلتنا وحدها
form-photo-class = وأيضًا في قصص الصف، وتراها عائلات صف طفلي
form-photo-school = وأيضًا في قصص المدرسة كلها، وتراها عائلات المدرسة
form-photo-public = وأيضًا على موقع المدرسة العام ووسائل التواصل الاجتماعي

## Server only: contact details and the changes families ask for (sent with the page's data)
contact-link = بيانات الاتصال الخاصة بك
contact-heading = بيانات الاتصال الخاصة بك
contact-intro = هذه أرقام الهاتف وعناوين البريد الإلكتروني التي تستخدمها المدرسة للتواصل معك، بما في ذلك في حالات الطوارئ. إذا تغيّر أي منها فصحّحه هنا: يراجع مكتب المدرسة كل تغيير قبل أن يحل محل ما لدى المدرسة.
contact-send = أرسل التغيير إلى المدرسة
contact-sent = شكرًا لك. سيراجع مكتب المدرسة التغيير، وحتى ذلك الحين تستمر المدرسة في استخدام البيانات التي لديها.
contact-waiting = طلبت في { $date } هذه التغييرات، ولم يراجعها مكتب المدرسة بعد:
contact-field-phone = رقم الهاتف الرئيسي
contact-field-phone-alt = رقم هاتف آخر
contact-field-email = البريد الإلكتروني
contact-field-email-alt = بريد إلكتروني آخر
contact-field-photo = الموافقة على الصور
contact-none = (لا شيء)
contact-change-line = { $field }: { $before } ← { $after }
contact-problem-fields = لم يُرسَل شيء. يُرجى تصحيح الحقول المشار إليها أدناه؛ كل ما كتبته ما زال هنا.
contact-problem-required = تحتاج المدرسة إلى رقم هاتف للتواصل معك في حالات الطوارئ.
contact-problem-phone = لا يبدو هذا رقم هاتف: استخدم الأرقام، ويمكنك إضافة مسافات أو شرطات أو أقواس، وعلامة + في البداية فقط.
contact-problem-email = لا يبدو هذا عنوان بريد إلكتروني (name@example.com).
contact-problem-too-long = هذا طويل جدًا.
contact-problem-unchanged = هذه هي البيانات الموجودة لدى المدرسة بالفعل: لا يوجد ما يُغيَّر.
changes-link = التغييرات التي طلبتها العائلات ({ $count } بانتظار المراجعة)
changes-heading = التغييرات التي طلبتها العائلات
changes-intro = بيانات الاتصال والموافقات الأوسع على الصور التي طلبتها العائلات. الموافقة على طلب تكتبه في سجلات المدرسة وتحتفظ بما حلّ محله؛ أما الموافقة الأضيق على الصور فقد سرت فورًا.
changes-none-waiting = لا توجد تغييرات بانتظار المراجعة.
changes-approve = موافقة
changes-reject = رفض
changes-decided = ما تقرر مؤخرًا
changes-approved = تمت الموافقة: تحمل سجلات المدرسة الآن البيانات الجديدة.
changes-rejected = تم الرفض: لم تتغير سجلات المدرسة.
changes-not-waiting = تقرر هذا التغيير من قبل، أو طلبت العائلة تغييرًا آخر بعده: لم يتغير شيء.
changes-about-contact = بيانات الاتصال
changes-about-photo = الموافقة على صور { $child }
changes-asked = طُلب في { $date }.
changes-applied-at-once = سرى فورًا في { $date } (موافقة أضيق).
changes-approved-by = وافق عليه { $name } في { $date }.
changes-rejected-by = رفضه { $name } في { $date }.

## Server only: reports (sent with the page's data)
reports-heading = التقارير
reports-none = لا توجد تقارير متاحة للتنزيل حتى الآن. ستظهر هنا عندما تنشرها المدرسة.
reports-download = تنزيل ({ $size })
reports-new = جديد
reports-links-note = تعمل روابط التنزيل لمدة 15 دقيقة؛ افتح هذه الصفحة مرة أخرى للحصول على روابط جديدة.
reports-published-on = { $kind } · نُشر في { $date }
reports-kind-term = تقرير نهاية الفصل
reports-kind-progress = تقرير التقدّم
reports-kind-assessment = نتائج التقييم
reports-kind-statutory = النتائج الرسمية
reports-kind-other = أخرى
reports-link-expired = انتهت صلاحية رابط التنزيل هذا. افتح صفحة التقارير مرة أخرى لتنزيل التقرير.
reports-staff-heading = التقارير
reports-staff-intro = أنشئ دورة تقارير للمراحل الدراسية، وارفع ملفات PDF الخاصة بها، وراجع المعاينة، ثم انشرها للعائلات دفعة واحدة.
reports-staff-none = لا توجد دورات تقارير بعد.
reports-new-heading = دورة تقارير جديدة
reports-name-label = الاسم (مثل «تقرير الفصل الربيعي»)
reports-kind-label = النوع
reports-years-label = المراحل الدراسية
reports-create = إنشاء الدورة
reports-problem-name = أعطِ الدورة اسمًا لا يتجاوز 120 حرفًا.
reports-problem-kind = اختر نوع هذه التقارير.
reports-problem-years = اختر مرحلة دراسية واحدة على الأقل.
reports-about = { $kind } · { $years } · { $state }
reports-state-draft = مسودة: لا ترى العائلات شيئًا بعد
reports-state-published = نُشرت في { $date }
reports-figures-opened = فتحت العائلات { $opened } من { $total }
reports-figures-ready = { $count ->
    [zero] لا توجد تقارير جاهزة للنشر
    [one] تقرير واحد جاهز للنشر
    [two] تقريران جاهزان للنشر
    [few] { $count } تقارير جاهزة للنشر
   *[other] { $count } تقريرًا جاهزًا للنشر
}
reports-upload-heading = رفع التقارير
reports-naming = ابدأ اسم كل ملف PDF برقم التلميذ في نظام المعلومات المدرسي ثم شرطة سفلية، مثل P00123_spring_report.pdf. ارفع ملف ZIP واحدًا يضمها كلها، أو اختر عدة ملفات PDF معًا؛ لا يصل شيء إلى العائلات قبل النشر.
reports-files-label = ملف ZIP أو ملفات PDF
reports-upload = رفع
reports-uploading = ما رُفع حتى الآن
reports-upload-failed = لم يصل الرفع إلى المدرسة. تحقّق من الاتصال ثم ارفع مرة أخرى.
reports-preview-heading = جاهزة للنشر ({ $count })
reports-refused-heading = ملفات لم تُقبل من آخر رفع
reports-publish = النشر للعائلات
reports-discard = تجاهل هذا الرفع
reports-opened-heading = من فتح كل تقرير
reports-downloads-heading = التنزيلات
reports-back = كل دورات التقارير
reports-open = فتح ملف PDF
reports-not-opened = لم يُفتح بعد
reports-opened-by = فتحه { $name } في { $date }
reports-download-line = فتح { $name } تقرير { $child } في { $date } من { $address }
reports-done-uploaded = { $count ->
    [zero] لم يُضف أي تقرير إلى المعاينة.
    [one] أُضيف تقرير واحد إلى المعاينة.
    [two] أُضيف تقريران إلى المعاينة.
    [few] أُضيفت { $count } تقارير إلى المعاينة.
   *[other] أُضيف { $count } تقريرًا إلى المعاينة.
}
reports-done-published = تم النشر: يمكن للعائلات تنزيل تقاريرها الآن.
reports-done-discarded = تم تجاهل الرفع.
reports-problem-no-files = اختر ملف ZIP أو ملفات PDF لرفعها.
reports-problem-nothing-staged = لا يوجد ما يُنشر بعد: ارفع التقارير أولًا.
reports-problem-not-draft = هذه الدورة منشورة بالفعل.
reports-why-not-pdf = ليس ملف PDF، مهما كان اسمه.
reports-why-unreadable = ملف PDF تالف أو ناقص.
reports-why-encrypted = ملف PDF محمي بكلمة مرور.
reports-why-too-large = أكبر من { $mb } ميغابايت.
reports-why-unsafe-name = يشير اسمه إلى خارج ملف ZIP؛ رُفض.
reports-why-unmatched = لا يوجد تلميذ يبدأ اسم الملف برقمه في نظام المعلومات المدرسي.
reports-why-not-in-cycle = التلميذ ليس في المراحل الدراسية لهذه الدورة.
reports-why-duplicate = لهذا التلميذ تقرير في هذه الدورة بالفعل.
reports-why-bad-archive = لا يمكن قراءة ملف ZIP.
reports-why-archive-too-large = يحتوي ملف ZIP على ملفات كثيرة جدًا أو حجم كبير جدًا عند فكّه.
reports-why-bad-csv = يحتاج ملف CSV الذي يحدد تلاميذ الملفات إلى عمودين «file» و«mis_id».
reports-problem-withdrawn = تم سحب هذه الدورة.
reports-problem-when = اكتب وقت النشر تاريخًا ووقتًا، أو اتركه فارغًا للنشر الآن.
reports-problem-reminded = تم تذكير العائلات خلال اليوم الأخير؛ ذكّرها مرة أخرى غدًا.
reports-problem-all-opened = فتحت كل العائلات تقاريرها: لا يوجد من يُذكَّر.
reports-state-scheduled = تراها العائلات بدءًا من { $date }
reports-state-withdrawn = مسحوبة: لم تعد العائلات تراها
reports-done-corrected = { $count ->
    [zero] لم يُنشر أي تقرير مصحَّح.
    [one] نُشر تقرير مصحَّح واحد: تراه العائلة الآن مع ملاحظة بأنه صُحِّح.
    [two] نُشر تقريران مصحَّحان: تراهما العائلات الآن مع ملاحظة بأنهما صُحِّحا.
    [few] نُشرت { $count } تقارير مصحَّحة: تراها العائلات الآن مع ملاحظة بأنها صُحِّحت.
   *[other] نُشر { $count } تقريرًا مصحَّحًا: تراها العائلات الآن مع ملاحظة بأنها صُحِّحت.
}
reports-done-reminded = { $count ->
    [zero] لم تُذكَّر أي عائلة.
    [one] ذُكِّرت بالبريد الإلكتروني عائلة واحدة لم تفتح تقريرها.
    [two] ذُكِّرت بالبريد الإلكتروني عائلتان لم تفتحا تقريريهما.
    [few] ذُكِّرت بالبريد الإلكتروني { $count } عائلات لم تفتح تقاريرها.
   *[other] ذُكِّرت بالبريد الإلكتروني { $count } عائلة لم تفتح تقاريرها.
}
reports-done-scheduled = نُشرت لوقت لاحق: ترى العائلات التقارير وتُبلَّغ بالبريد الإلكتروني في الوقت الذي اخترته.
reports-done-withdrawn = سُحبت الدورة كلها: لم تعد العائلات تراها.
reports-done-report-withdrawn = سُحب التقرير: لم تعد العائلة تراه.
reports-reminded-on = آخر تذكير للعائلات في { $date }.
reports-publish-at = وقت النشر (بتوقيت المدرسة؛ اتركه فارغًا للنشر الآن)
reports-correct-heading = رفع تقارير مصحَّحة
reports-correct-hint = ملف PDF مصحَّح بالاسم نفسه يحل محل تقرير التلميذ فورًا؛ ترى العائلة النسخة الجديدة مع ملاحظة بأنها صُحِّحت، وتُحفظ النسخة القديمة هنا.
reports-remind = تذكير العائلات التي لم تفتح تقاريرها
reports-withdraw-cycle = سحب الدورة كلها
reports-withdraw-report = سحب هذا التقرير
reports-corrected-on = صُحِّح في { $date }
notification-new-report = تقرير جديد
email-report-subject = { $school }: تقرير جديد من أجل { $children }
email-report-intro = «{ $name }» ({ $kind }) من أجل { $children } جاهز للتنزيل.
email-report-reminder-subject = تذكير من { $school }: تقرير { $children } بانتظارك
email-report-reminder-intro = لم تفتح بعد «{ $name }» من أجل { $children }.
email-report-link = نزّله من هنا (سجّل الدخول أولًا): { $link }
