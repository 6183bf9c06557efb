## Shell
app-name = Schoolgate
skip-to-content = انتقل إلى المحتوى الرئيسي
nav-label = الأقسام الرئيسية
nav-home = الرئيسية
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
home-card-calendar = الرحلات والفعاليات وأيام الإغلاق ومواعيد الفصول الدراسية.
home-card-forms = نماذج الموافقة والمعلومات لتعبئتها وتوقيعها.
home-card-reports = تقارير للقراءة والتنزيل.

## Section pages (each feature fills its page in a later release)
notices-empty = لا توجد إشعارات لك حتى الآن. ستظهر هنا الرسائل الجديدة من المدرسة.
calendar-empty = لا توجد فعاليات في التقويم حتى الآن.
forms-empty = لا توجد نماذج بانتظارك.
reports-empty = لا توجد تقارير متاحة للتنزيل حتى الآن.

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
error-field-required = يُرجى تعبئة هذا الحقل.
error-field-email = يُرجى إدخال بريد إلكتروني، مثل name@example.com.
error-field-too-long = النص طويل جدًا.
error-invalid-credentials = البريد الإلكتروني أو كلمة المرور غير صحيحة.
