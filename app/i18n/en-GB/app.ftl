## Shell
app-name = Schoolgate
skip-to-content = Skip to main content
nav-label = Main sections
nav-home = Home
nav-notices = Notices
nav-calendar = Calendar
nav-forms = Forms
nav-reports = Reports
child-switcher-label = Child
sign-in-link = Sign in

## Language menu
language-menu-label = Language
language-menu-choose = Choose your language
language-name-en-GB = English
language-name-zh-CN = 中文（简体）
language-name-ar = العربية

## Home
home-title = Welcome to { $school }
home-intro = Everything from school about your child, in one place and in your language.
home-card-notices = Letters and notices for your child’s school, year group or class.
home-card-calendar = Trips, events, closures and term dates.
home-card-forms = Consent and information forms to complete and sign.
home-card-reports = Reports to read and download.

## Section pages (each feature fills its page in a later release)
notices-empty = There are no notices for you yet. New letters from school will appear here.
calendar-empty = There are no events in the calendar yet.
forms-empty = There are no forms waiting for you.
reports-empty = There are no reports for you to download yet.

## Sign-in
sign-in-title = Sign in
sign-in-intro = Use the email address and password you chose when you joined.
sign-in-email = Email address
sign-in-password = Password
sign-in-submit = Sign in
sign-in-pending = Signing in…
sign-in-new-parent = New parent? Your school will give you an access code to join.

## Errors
not-found-title = Page not found
not-found-body = We could not find that page. It may have moved, or the link may be wrong.
not-found-home = Go to the home page
error-title = Something went wrong
error-retry = Please try again in a moment. If it keeps happening, contact the school office.
error-not-found = We could not find what you asked for.
error-forbidden = We could not find what you asked for.
error-rate-limited = Too many attempts. Please wait a few minutes and try again.
error-internal = Something went wrong on our side. Please try again.
error-network = We could not reach the school’s server. Check your connection and try again.
error-field-required = Please fill in this field.
error-field-email = Please enter an email address, like name@example.com.
error-field-too-long = This is too long.
error-invalid-credentials = The email address or password is not right.
