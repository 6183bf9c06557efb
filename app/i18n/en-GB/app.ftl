### Messages in a group marked "## Section: NAME" join the browser's catalogue when a page of that
### section loads (app/build.rs); the other browser messages are in the main module every visitor
### downloads. "## Server only" groups are not in the browser at all.

## Shell
app-name = Schoolgate
skip-to-content = Skip to main content
nav-label = Main sections
nav-home = Home
nav-news = News
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
home-card-news = Photos and stories from the school, your child’s class and their portfolio.
home-card-calendar = Trips, events, closures and term dates.
home-card-forms = Consent and information forms to complete and sign.
home-card-reports = Reports to read and download.
home-needs-title = What needs you now
home-needs-unread = Unread notices: { $count }
home-needs-ack = To acknowledge
home-needs-nothing = Nothing needs your attention.
home-week-title = This week
home-week-nothing = No events this week.
home-week-calendar = Open the calendar
home-latest-title = Latest news
home-latest-nothing = No news yet.
home-latest-news = Open the newsfeed
home-forms-title = Forms to answer
home-forms-nothing = No forms are waiting for you.
home-forms-link = Open the forms

## Section pages (each feature fills its page in a later release)
notices-empty = There are no notices for you yet. New letters from school will appear here.
notices-page-empty = There are no notices on this page. Newer ones are on the pages before it.
notices-pages = Pages of notices
notices-older = Older notices
notices-newer = Newer notices

## Section pages (each feature fills its page in a later release)
## Section: calendar
calendar-empty = There are no events in the calendar yet.

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
error-bad-request = Your browser sent something we could not read. Please reload the page and try again; what you typed is still on the page.
error-field-required = Please fill in this field.
error-field-email = Please enter an email address, like name@example.com.
error-field-too-long = This is too long.
error-invalid-credentials = The email address or password is not right.
error-field-date = Please enter a date, like 21/03/2019.
error-password-too-short = Please use at least 8 characters.
error-password-too-common = This password is too common or too easy to guess. Try a few words that belong together only for you.
error-email-taken = An account already uses this email address. Sign in instead, or use another address.
error-sign-in-required = Please sign in to see this.
error-code-unknown = We do not recognise this access code. Check it against your letter, or ask the school office for a new one.
error-code-used = This access code has already been used. Sign in with your email address and password.
error-code-expired = This access code has expired. Please ask the school office for a new one.
error-code-locked = This access code is locked after too many wrong dates of birth. Please ask the school office for a new one.
error-code-wrong-birth-date = That date of birth does not match any of your children. Tries left: { $remaining }.

## Accounts
reset-done = Your new password is saved. You can sign in with it now.
sign-out = Sign out
sign-in-join-link = Join with an access code
child-switcher-all = All my children
child-switcher-all-short = All

## Accounts
## Section: joining
reset-title = Choose a new password
reset-intro = Enter the one-time code you were given and your new password.
reset-submit = Save the new password

## Joining with an access code
## Section: joining
join-title = Join your school
join-intro = Enter the access code from your letter, one of your children’s dates of birth, and the email address and password you want to use.
join-code = Access code
join-birth-date = A child’s date of birth
join-birth-date-hint = This shows us the code is really yours.
join-password = Choose a password
join-password-hint = At least 8 characters. A few words only you would put together work well.
join-submit = Join

## Office tools on the home page
home-card-office = Print access-code letters and import the roster from your MIS.
office-tools-title = Office tools

## Server only: the printed access-code letters (each in its guardian's language)
letter-title = Join { $school } on Schoolgate
letter-greeting = Dear { $name },
letter-intro = Schoolgate is where the school shares letters, events, forms and reports about { $children }, in your language. To join, scan the QR code with your phone’s camera, or type the address below, then enter the code and one of your children’s dates of birth.
letter-code-label = Your access code
letter-qr-label = QR code that opens the sign-up page
letter-expiry = This code works once, until { $date }. If it has expired, ask the school office for a new one.

## Server only: roster import (office)
roster-summary = { $rows } rows. Pupils: { $added } new, { $changed } changed, { $unchanged } unchanged, { $left } not in the file (kept). Guardians: { $guardians_added } new, { $guardians_changed } changed.
roster-overwrites = This file replaces details that families changed through the portal since your MIS last had them. Update your MIS first if the family’s change is right:
roster-overwrite = { $name } ({ $fields }, changed on { $date }).
roster-posts-withheld = { $count ->
    [one] A pupil’s lowered photo consent no longer covers 1 news post: families no longer see it, and its author is told by e-mail.
   *[other] Pupils’ lowered photo consent no longer covers { $count } news posts: families no longer see them, and their authors are told by e-mail.
}
roster-problem-no-current-year = This year’s year groups and classes are not set up yet (schoolgate setup-year).
roster-problem-header = The first line must name the columns listed in the guide.
roster-problem-malformed = This row has the wrong number of columns.
roster-problem-missing = { $field } is empty.
roster-problem-bad-date = The date of birth is not a date (use YYYY-MM-DD).
roster-problem-unknown-year-group = There is no year group called “{ $value }”.
roster-problem-unknown-class = There is no class called “{ $value }” in that year group this year.
roster-problem-duplicate-pupil = Pupil { $value } appears again with different details.
roster-problem-duplicate-guardian = Guardian { $value } appears again with different details.
roster-problem-missing-guardian = This pupil has no guardian.
roster-problem-bad-consent = “{ $value }” is not a photo consent level.
roster-problem-bad-flag = { $field } must be yes or no.
roster-problem-bad-email = The guardian’s email address is not valid.
roster-problem-bad-language = “{ $value }” is not a language the portal offers.

## Noticeboard: the tab badge and the staff card on the home page
loading = Loading…
notices-unread = { $count } unread
reports-new-count = { $count } new
forms-to-do-count = { $count } to answer
home-card-staff-notices = Write notices and see who has read and acknowledged them.
notice-list-title = Notices (staff)

## Parents' notice pages (the browser switches their language in place)
notice-new-badge = New
notice-pinned-badge = Pinned
notice-ack-badge = Please acknowledge
notice-about = About: { $children }
notice-files = Attachments
notice-ack-by-date = Please acknowledge by { $date }.
notifications-title = Notifications
notice-category-general = General
notice-category-event = Event
notice-category-trip = Trip
notice-category-closure = Closure
notice-category-urgent = Urgent
notice-file-kb = { $kb } KB

## Parents' notice pages (the browser switches their language in place)
## Section: notice
notice-back = All notices
notice-translation-stale-reader = The school has changed this notice since it was translated. Tap “Show original” to see the latest text.
notice-not-translated = This notice has not been translated into your language yet; here it is as the school wrote it.
notice-show-original = Show original
notice-hide-original = Hide original
notice-acknowledge = Acknowledge
notice-acknowledge-for = Acknowledge for { $child }
notifications-empty = No notifications yet.
notification-reminder = Reminder
notification-new-notice = New notice
email-settings-title = E-mail settings
email-settings-intro = Everything the school sends is always here in the app. Choose which notices also come by e-mail.
email-mode-instant = Each notice at once
email-mode-digest = One e-mail a day (6 pm)
email-mode-off = No e-mail
email-settings-urgent = Urgent notices always come by e-mail at once.
email-settings-save = Save
email-settings-saved = Your e-mail settings are saved.
notice-acknowledged-for = Acknowledged for { $child } on { $when }.

## Calendar (the browser switches its language in place)
## Section: calendar
calendar-for = For { $children }
calendar-when = When
calendar-where = Where
calendar-back = All events
calendar-add = Add to my calendar
calendar-add-hint = Downloads the event for the calendar app on your phone or computer.
calendar-not-translated = This event has not been translated into your language yet; here it is as the school wrote it.
event-cancelled = Cancelled
event-changed = Changed
event-short-notice = Short notice
event-all-day = All day
event-days = { $first } to { $last }
event-times = { $start } to { $end }
event-span = { $start } to { $end }
calendar-subscribe-title = Your calendar on your phone
calendar-subscribe-intro = Your phone's calendar can show your children's school events and update itself when the school changes one.
calendar-subscribe-new = Make my calendar address
calendar-subscribe-renew = Make a new address
calendar-subscribe-stop = Turn off my calendar address
calendar-subscribe-open = Add to this phone's calendar
calendar-subscribe-copy = Or copy it into Google Calendar or Outlook ("from URL"):
calendar-subscribe-private = Keep it private: anyone with it sees these events. It is shown only now.
calendar-subscribe-since = You made an address on { $date }. For your privacy it is shown only once; a new one stops the old one.
calendar-subscribe-stopped = Your calendar address is turned off.
event-category-assessment = Assessment
event-category-closure = Holiday or closure
event-category-club = Club
event-category-community = Community
event-category-inset = INSET day
event-category-other = Event
event-category-parents-evening = Parents' evening
event-category-term-dates = Term dates
event-category-trip = Trip

## Staff pages in the app (the browser switches their language in place)
notice-ack = Acknowledgement
notice-acknowledged = Acknowledged

## Staff pages in the app (the browser switches their language in place)
## Section: staff
letters-intro = Choose a class to print a letter for every guardian there who has not joined yet. Printing makes new codes, valid for 48 hours; earlier letters stop working.
letters-print-class = Print letters for { $class }
letters-reset-title = A parent forgot their password
letters-none = Every guardian in { $class } has already joined.
roster-intro = Choose the CSV export from your school information system. You will see every problem and what would change before anything is saved.
roster-file = MIS export (CSV)
roster-check = Check the file
roster-import = Import these changes
roster-importing = Importing… { $done } of { $total } records
roster-imported = The roster is imported.
roster-choose-again = Fix the file and check it again
roster-problems-title = Problems found: { $count }
roster-problems-intro = Nothing has been saved. Correct these rows in the export and check it again.
roster-line = Line
roster-problem = Problem
staff-name = Name
staff-roles = Roles
staff-state = State
staff-actions = Actions
staff-status-active = Active
staff-status-suspended = Suspended
staff-status-invited = Invited (no password yet)
staff-suspend = Suspend
staff-reactivate = Reactivate
staff-reset = Password reset code
staff-new = New staff account
staff-create = Create the account
staff-code-title = One-time code
staff-code-intro = Give this code to { $email } in person. It works once, for 48 hours, at the address below, to choose a new password.
role-guardian = Parent or carer
role-teacher = Teacher
role-teaching-assistant = Teaching assistant
role-office-admin = Office admin
role-leadership = Leadership
role-safeguarding-lead = Designated safeguarding lead
role-system-admin = System admin
staff-title = Staff accounts
letters-print-hint = Print this page: each letter comes out on its own sheet, in the guardian’s language.
letters-title = Access-code letters
roster-title = Import the roster
notice-new = New notice
notice-list-empty = No notices yet.
notice-back-to-list = All notices
notice-category = Category
notice-ack-required = Parents must acknowledge it
notice-expires-at = Remove from the noticeboard at (optional)
notice-translations = Translations
notice-translation-stale = Out of date: the original has changed since this translation.
notice-status = Status
notice-status-draft = Draft
notice-status-scheduled = Scheduled
notice-status-published = Published
notice-status-expired = Expired
notice-status-withdrawn = Withdrawn
notice-published-at = Published
notice-edit = Edit
notice-withdraw = Withdraw
notice-remind = Remind those who have not responded
notice-reminded = Reminders sent to { $count } parents and carers.
notice-remind-too-soon = A reminder for this notice went less than a day ago. You can send the next one tomorrow.
notice-remind-nobody = Everyone has already responded; no reminder was needed.
notice-export = Download as CSV
notice-figures = Who has seen it
notice-figures-reached = Reached { $families } families ({ $guardians } parents and carers)
notice-figures-read = Read by { $count } ({ $percent }%)
notice-figures-acknowledged = Acknowledged by { $count } ({ $percent }%)
notice-chart-title = Read rate per class
notice-class = Class
notice-no-class = No class
notice-reached = Reached
notice-read = Read
notice-not-read = Not read yet
notice-not-acknowledged = Not acknowledged yet
notice-history = History
notice-revision = Version { $revision }
audit-published = Published
audit-edited = Edited
audit-withdrawn = Withdrawn
audit-reminded = Reminders sent
audit-exported = Exported
email-status-on = E-mail is on: notices are also sent by e-mail.
email-status-off = E-mail is off: no mail server is configured (SG_SMTP_HOST), so notices reach parents in the app only.

## Compose (staff; the browser switches its language in place)
notice-file-size = A file can be at most { $mb } MB.
# Stays in the main table: "notice-body" is also a class name the main module uses.
notice-body = Text

## Compose (staff; the browser switches its language in place)
## Section: staff
notice-compose-title = New notice
notice-edit-title = Edit notice
notice-language = Language of this text
notice-title = Title
notice-body-hint = Write plainly. **bold**, # heading, - list item, [link text](https://…) are understood.
notice-audience = Who is it for?
notice-audience-school = The whole school
notice-audience-year-groups = Year groups
notice-audience-classes = Classes
notice-audience-pupils = Single pupils
notice-audience-staff = Staff only (no parents)
notice-audience-fixed = A published notice keeps its audience. To reach others, write a new notice.
notice-check-reach = Check who it reaches
notice-ack-by = Acknowledge by (optional)
notice-publish-at = Publish at (optional)
notice-publish-at-hint = Leave empty to publish now. Times are the school’s local time.
notice-pinned = Pin to the top of the noticeboard
notice-translations-hint = Parents see the text in their own language when there is one; leave a language empty to skip it.
notice-file-add = Add PDF letters or pictures
notice-publish = Publish
notice-save-draft = Save draft
notice-save-changes = Save changes
notice-problems = The notice was saved as a draft but not published. Please correct:
notice-audience-chosen = Chosen
notice-audience-search = Find a year group, class or pupil
notice-audience-add = Add { $name }
notice-audience-remove = Remove { $name }
notice-file-remove-named = Remove { $file }
notice-audience-browse = Choose from the full list

## Staff calendar (the browser switches its language in place)
news-post-title = Post news

## Staff calendar (the browser switches its language in place)
## Section: staff
calendar-staff-title = School calendar
calendar-staff-empty = There are no upcoming events.
calendar-staff-outside = Outside the portal
calendar-staff-export = Download the whole calendar (.ics)
calendar-staff-public = The school website's calendar address (only events marked public, never one for a single pupil or for staff):
event-new-title = Add an event
event-edit-title = Change an event
event-description = Description
event-description-hint = Optional. A blank line starts a new paragraph.
event-start-date = First day
event-start-time = Starts at
event-end-date = Last day
event-end-date-hint = Leave empty for an event on one day.
event-end-time = Ends at
event-times-hint = Times are not used for an all-day event.
event-audience-fixed = An event keeps its audience. Changing its date, time or place tells everyone it reaches.
event-public = Show it on the school's public calendar (no pupil names)
event-save-new = Put it on the calendar
event-short-notice-ok = Publish anyway: families will see it marked “Short notice”.
event-cancel = Cancel this event
event-cancel-hint = Families keep seeing it, marked cancelled, so nobody turns up for it.
event-is-cancelled = This event has been cancelled and can no longer be changed.

## Server only: dates (chrono patterns: %-d day, %B month name, %Y year, %H:%M time)
format-month = %B %Y
format-date = %-d %B %Y
format-date-time = %-d %B %Y, %H:%M
format-day = %A %-d %B %Y
format-list-separator = {", "}
format-day-and-time = { $day }, { $time }

## Server only: noticeboard (parents and staff)
notice-file-type = Only PDF files and pictures (PNG, JPEG, GIF, WebP) can be attached.
file-count = At most { $count } files can be attached.
notice-audience-required = Choose who the notice is for.
notice-audience-not-allowed = You cannot send notices to that audience.
notice-reach = Reaches { $families } families ({ $guardians } parents and carers, { $pupils } pupils).
notice-expiry-before-publish = The removal time must be after the notice is published.
notice-translation-incomplete = A translation needs both a title and a text.
notice-draft-saved = Draft saved. Nothing has been sent.
notice-draft-autosaved = Draft saved at { $time }. Nothing has been sent.
csv-guardian = Parent or carer
csv-email = Email
csv-children = Children
csv-read-at = Read at
csv-acknowledged-at = Acknowledged at
csv-acknowledged-for = Acknowledged for

## Server only: e-mails (to families, and to staff about their posts)
email-notice-subject = { $school }: { $title }
email-reminder-subject = Reminder from { $school }: { $title }
email-digest-subject = { $school }: { $count } new notices
email-ack-needed = The school asks you to acknowledge this notice.
email-read-link = Read it and reply here: { $link }
email-footer = Sent by { $school } through Schoolgate. You can choose which e-mails you get in the app.
email-withheld-subject = { $count ->
    [one] Families no longer see one of your posts
   *[other] Families no longer see { $count } of your posts
}
email-withheld-intro = { $count ->
    [one] A child’s photo consent has been lowered in the school’s records and no longer covers this post, so families no longer see it. You and the school’s leaders still do.
   *[other] Children’s photo consent has been lowered in the school’s records and no longer covers these posts, so families no longer see them. You and the school’s leaders still do.
}
email-withheld-pupils = Consent no longer covers: { $pupils }
email-withheld-what-now = Families will see a post again if the consent is raised. Otherwise you can delete it and post it again without the photos the child is in, or with their face blurred.
email-staff-footer = Sent by { $school } through Schoolgate.
email-form-reminder-subject = Reminder from { $school }: please answer “{ $title }”
email-form-reminder-intro = The school is still waiting for your answers to “{ $title }” for { $children }.
email-form-reminder-due = Please answer by { $date }.
email-form-reminder-link = Answer here: { $link }

## Server only: the event form
event-audience-required = Choose who the event is for.
event-audience-not-allowed = You cannot put events on the calendar for that audience.
event-time-required = Enter a time, or tick “All day”.
event-time-invalid = Enter a time, like 09:30.
event-end-before-start = The event must end after it starts.
event-too-long = An event can last at most { $days } days.
event-translation-incomplete = A translation needs a title.
event-short-notice-warning = This is less than { $days } school days away, the notice your school promises families.
event-checked = Checked. Nothing is saved until you press the button at the end of the form.
event-not-saved = The event was not saved. Please correct:
event-repeat-weeks-invalid = Choose how often the event repeats.
event-repeat-one-day = A repeating event must end on the day it starts.
event-repeat-until-before = The last date must be on or after the first day.
event-repeat-skipped-invalid = “{ $value }” is not a date. Write dates like 2027-02-16.
event-repeat-skipped-off = { $value } is not one of the event’s dates.
event-repeat-none-left = Every date is skipped, so nothing would be on the calendar.
event-repeat-too-many = This would put { $count } dates on the calendar; a repeating event can have at most { $most }. Choose an earlier last date.
event-repeat-legend = Repeats
event-repeat-once = Does not repeat
event-repeat-weekly = Every week
event-repeat-every-weeks = Every { $weeks } weeks
event-repeat-until = Last date
event-repeat-skipped = Skip these dates
event-repeat-skipped-hint = One date a line, like 2027-02-16: half term, a closure.
event-repeats = { $rule } until { $until }
event-repeats-except = not on { $days }

## Server only: the notice the calendar publishes when an event moves or is called off
event-moved-notice-title = Changed: { $title }
event-moved-notice-body = It now takes place on { $day }, { $when }.
event-cancelled-notice-title = Cancelled: { $title }
event-cancelled-notice-body = { $title } on { $day } has been cancelled.
event-notice-place = Where: { $place }
event-notice-link = See it in the calendar
event-announce-body = On { $day }, { $when }.
event-announce = Write a notice about this event

## Server only: the calendar's views (sent with the page's data)
calendar-agenda-view = List
calendar-month-view = Month
calendar-month-previous = Previous month
calendar-month-next = Next month
calendar-month-empty = No events this month.
calendar-month-filter = Events for
calendar-month-filter-all = Every event
calendar-month-filter-show = Show

## Server only: calendar feeds (the name calendar apps show)
calendar-feed-name = { $school } calendar
calendar-week-cancelled = Cancelled: { $title }

## Server only: importing term dates and events (sent with the page's data)
import-title = Import term dates and events
import-intro = Add a year's term dates, closures, INSET days and events from a spreadsheet saved as CSV, or from an iCalendar (.ics) file exported from another calendar. You see every event before anything is added, and then either all of them are added or none.
import-csv-help = A CSV file starts with a line naming its columns: title and start_date (YYYY-MM-DD) are needed; end_date, start_time and end_time (HH:MM, both empty for a whole day), category, location, description, audience ("whole school", "staff", or year groups and classes separated by ";"), public (yes or no), repeat_weeks, repeat_until and skipped_dates may follow.
import-ics-help = The events of an .ics file are for the whole school and are not on the public calendar; change any of them afterwards.
import-file = Term dates file (.csv or .ics, at most { $most } MB)
import-do = Import these events
import-already = Already on the calendar
import-back = Back to the school calendar
import-summary = Events to add: { $new }. Already on the calendar (left out): { $already }.
import-problems = The file was not imported. Problems to correct: { $count }.
import-done = Events imported: { $count }.
import-empty = Choose a file to import.
import-too-large = The file is larger than { $most } MB. A school's term dates fit in far less: check that this is the right file.
import-not-text = The file is not text saved as UTF-8. Save the spreadsheet as "CSV UTF-8" and choose it again.
import-too-many = The file has { $count } events; at most { $most } can be imported at once.
import-no-events = The file has no events.
import-field = { $field }: { $problem }
import-csv-unreadable = This line cannot be read as CSV: check its quotation marks.
import-csv-column-unknown = Unknown column "{ $value }".
import-csv-column-missing = The column "{ $value }" is missing.
import-csv-category = Unknown category "{ $value }".
import-csv-audience = No year group or class is called "{ $value }".
import-csv-public = The public column should say yes or no, not "{ $value }".
import-ics-not-calendar = This is not an iCalendar file: it should begin with BEGIN:VCALENDAR.
import-ics-broken = This line is broken: it needs a name, then ":" and a value.
import-ics-unclosed = { $value } begins here but is never closed.
import-ics-unexpected-end = END:{ $value } closes something that was never begun.
import-ics-unreadable = The file could not be read as iCalendar.
import-ics-no-start = This event has no start (DTSTART).
import-ics-repeat = This event repeats in a way the portal cannot keep: only every 1 to 4 weeks on the same day, until a date or a number of times.

## Server only: the newsfeed (sent with the page's data)
news-empty = Nothing has been posted for your family yet. Photos and stories from school will appear here.
news-share-reminder = These photos are shared with the families of the school only. Please do not download, forward or post photos in which other children appear.
news-older = Older posts
news-story-school = School story
news-story-class = Class { $class }
news-story-portfolio-of = { $children }’s portfolio
news-story-portfolios = Portfolios, { $class }
news-children-tagged = In this post: { $children }
news-photo-alt = Photo { $number } of { $count }
news-choose-story = Choose where to post. A class story is seen by the families of that class; the school story by every family.
news-see-feed = See the newsfeed
news-post-to = Post to { $story }
news-not-posted = Not posted yet. Please correct:
news-body = What happened?
news-photos = Photos
news-photo-remove = Remove this photo
news-photo-add = Add photos
news-photo-hint = Up to { $most } photos: JPEG, PNG or WebP, taken with the camera or chosen from the gallery.
news-tags = Who is in the photos
news-tags-hint = Tick every pupil who can be seen. Each one’s photo consent is shown beside their name.
news-portfolio-only = Only to the ticked pupils’ portfolios (each seen by their own family)
news-publish = Publish
news-consent-none = no photos
news-consent-portfolio = own portfolio only
news-consent-class = class stories
news-consent-school = whole school
news-consent-public = public
news-reach-own-portfolio = their own family
news-reach-shared-portfolio = other pupils’ families
news-reach-class = every family in the class
news-reach-school = every family in the school
news-reach-public = anyone
news-consent-blocked = { $pupil }’s photo consent is “{ $consent }”, but this post’s photos would be seen by { $reach }. Untag { $pupil } and blur their face (or take out the photos they are in), post only to the portfolios of pupils whose consent allows it, or remove the photos.
news-error-empty = Write something or add a photo.
news-error-portfolio-untagged = Tick the pupils whose portfolios this goes to.
news-photo-too-many = { $file } was not added: a post can have at most { $most } photos.
news-photo-too-large = { $file } is larger than { $mb } MB.
news-photo-too-many-pixels = { $file } has more than { $megapixels } million pixels. Please send a smaller photo.
news-photo-format = { $file } is not a photo we can show. Send JPEG, PNG or WebP (on an iPhone, choose “Most Compatible” in Settings › Camera › Formats).
news-photo-unreadable = { $file } could not be read as a photo. It may be damaged; please take or choose it again.
news-blur = Blur a face
news-blur-hint = Drag a box over the face on the photo with your finger, or type the box in percent of the photo, then press “Blur the marked areas”. The blur is made on the school’s server, in every size of the photo, before anyone sees it.
news-blur-left = From the left (%)
news-blur-top = From the top (%)
news-blur-width = Width (%)
news-blur-height = Height (%)
news-blur-button = Blur the marked areas
news-blur-invalid = The area to blur on photo { $number } needs four numbers from 0 to 100: from the left, from the top, width and height.
news-like = Like
news-liked = Liked
news-likes = { $count ->
    [0] No likes yet
    [one] 1 like
   *[other] { $count } likes
}
news-comment-count = { $count ->
    [0] Comment
    [one] 1 comment
   *[other] { $count } comments
}
news-comments = Comments
news-comments-none = No comments yet.
news-comment-write = Write a comment
news-comment-hint = Everyone who can see this post can read your comment. Up to { $most } characters; no web or e-mail addresses.
news-comment-send = Send
news-comments-closed = Comments are turned off for this post.
news-comments-close-post = Turn comments off for this post
news-comments-open-post = Turn comments on for this post
news-comments-close-class = Turn comments off for every { $class } post
news-comments-open-class = Turn comments on again for { $class } posts
news-back = Back to the newsfeed
news-comment-report = Report to the school
news-comment-reported = You reported this comment. The school will look at it.
news-comment-delete = Delete
news-comment-hide = Hide from families
news-comment-show = Show to families again
news-comment-keep = Keep it and clear the reports
news-comment-hidden = Hidden from families by the school.
news-comment-staff = School
news-comment-reports = { $count ->
    [one] Reported once
   *[other] Reported { $count } times
}
news-comment-not-sent = Your comment was not sent:
news-comment-empty = Write something before sending.
news-comment-too-long = A comment can be at most { $most } characters long.
news-comment-link = Comments cannot contain web or e-mail addresses. Please send those to the school office instead.
news-comment-unkind = Please keep comments kind: this one contains words the school does not allow.
news-comment-too-many = You have written a lot of comments in the last hour. Please wait a while before writing more.
news-comments-closed-refused = Comments have been turned off for this post, so your comment was not sent.
news-moderation = Reported comments
news-moderation-empty = No comments have been reported.
news-moderation-open = Open the post
news-seen-by = Seen by { $seen } of { $reach } parents and carers
news-story-archived = { $story } · { $year }
news-withheld = Families no longer see this post: the photo consent of { $pupils } no longer covers it.
news-withheld-heading = Posts families no longer see
news-story-dated = { $story } · { $when }
news-delete-post = Delete this post
news-delete-post-warning = The post, its photos, likes and comments are removed for everyone. The school’s records keep its text and who deleted it.
news-delete-post-confirm = Delete it for everyone
news-photo-sending = Sending…
news-photo-send-failed = Not sent. Check the connection, then try again.
news-photo-retry = Try again
news-photo-leave-out = Leave it out
news-edited = Edited { $when }
news-pinned = Pinned
news-pin = Pin to the top of the feed
news-unpin = Unpin
news-pin-hint = Pinned posts stay at the top of families’ newsfeeds. A story keeps at most { $most }: pinning another unpins the oldest.
news-show-original = Show the original
news-translation-stale = The school has changed this post since it was translated. Tap “Show the original” for the latest text.
news-edit = Edit the text and translations
news-edit-hint = Families see “Edited” on the post. Earlier versions are kept below for the school. Leave a translation empty to remove it.
news-edit-original = Text in { $language } (as written)
news-edit-translation = Translation into { $language } (optional)
news-edit-stale = out of date: the text has changed since this translation
news-edit-save = Save the changes
news-edit-not-saved = Your changes were not saved:
news-edit-too-long = Each text can be at most { $most } characters long.
news-edit-conflict = Someone else saved a change to this post while you were editing it. Your text is kept below: look at the post’s latest text, then save again.
news-edit-history = Earlier versions
news-edit-back = Back to the post
news-earlier-version = { $language } · written by { $author }, { $written } · replaced { $replaced }

## Server only: forms (sent with the page's data)
form-list-empty = There are no forms waiting for you.
form-staff-new-custom = New form with your own questions
form-new-details-custom = What it is about (optional)
form-builder-questions = Questions
form-builder-question = Question { $number }
form-builder-kind = Kind of answer
form-builder-required = An answer is needed
form-builder-label = Question in { $language }
form-builder-options-label = Options in { $language }, one per line
form-builder-wording = What guardians agree to in { $language }
form-builder-ask = Ask it
form-builder-always = Always
form-builder-when-yes = When question { $number } is answered Yes
form-builder-add = Add a question
form-builder-remove = Remove question { $number }
form-builder-up = Move question { $number } up
form-builder-hint = Options are used by “One of a list” questions, the statement by consent questions. Every language but the first may be left empty.
form-builder-who = Who answers?
form-builder-per-child = Each parent or carer, once for each child
form-builder-per-family = Once for the whole family, for all their children
form-builder-none = Add at least one question.
form-builder-no-label = Question { $number } needs its words in the school’s language.
form-builder-too-long = Question { $number } is too long.
form-builder-no-wording = Question { $number } is a consent: write the statement guardians agree to.
form-builder-options = Question { $number } needs at least two options, one per line (at most 20).
form-builder-options-translated = Question { $number }: give the same number of options in each language, in the same order.
form-builder-condition = Question { $number } can depend only on an earlier yes-or-no question.
form-kind-short-text = Short text
form-kind-long-text = Paragraph
form-kind-number = Number
form-kind-date = Date
form-kind-choice = One of a list
form-kind-yes-no = Yes or no
form-kind-consent = Consent (agree or not)
form-kind-file = PDF file
form-kind-signature = Signature
form-for-child = For { $child }
form-for-family = For your family
form-status-todo = To do
form-status-done = Done
form-status-withdrawn = Consent withdrawn
form-status-overdue = Closed, not answered
form-status-lapsed = Consent lapsed
form-due = Please answer by { $date }
form-due-reminded = Please answer by { $date }. The school sent a reminder on { $reminded }.
form-closed-on = Closed on { $date }
form-yes = Yes
form-no = No
form-consent-yes = I give consent
form-consent-no = I do not give consent
form-shown-when = Answer this only if you answered “{ $answer }” to “{ $question }”.
form-answered-on = You answered on { $date }. You can change your answers until the form closes.
form-answered-by-phone = The school recorded the answers you gave by phone on { $date }. You can change them here until the form closes.
form-answered-by-family = { $name } answered for your family on { $date }. You can change the answers until the form closes.
form-withdrawn-on = You withdrew your consent on { $date }.
form-lapsed-on = The consent you gave lapsed on { $date }. The school will ask again when it needs it.
form-send = Send my answers
form-send-changes = Send my changes
form-required = (required)
form-no-consent = The school’s records do not give you consent rights for this child, so another parent or carer must answer the consent question. Please contact the school office if this is wrong.
form-not-translated = This form is not translated into your language yet; it is shown as the school wrote it.
form-not-sent = Your answers were not sent.
form-back = All forms
form-answering-for = Answering for
form-answering-for-family = One answer for all your children:
form-withdraw = Withdraw my consent
form-sent = Thank you: your answers were sent to the school.
form-problem-required = Please answer this question.
form-problem-too-long = This answer is too long.
form-problem-number = Please enter a number.
form-problem-date = Please enter a date.
form-problem-choice = Please choose one of the answers offered.
form-problem-may-not-consent = Only a parent or carer with consent rights for this child may answer this.
form-problem-drawing = The drawn signature could not be read. Draw it again, or leave the box empty: your typed name is your signature.
form-problem-file-type = This file is not a PDF. Please send the care plan or letter as a PDF (most phones can save a photo or a document as one).
form-problem-file-size = This file is larger than { $mb } MB. Please send a smaller PDF.
form-problem-file-again = The file was fine, but the answers were not sent: please choose the file again.
form-file-held = Sent before:
form-file-hint = A PDF of up to { $mb } MB. Choose a file only to send a new one.
form-problem-closed = This form has closed, so it takes no more answers. Please contact the school office.
form-problem-changed = Your answers to this form were changed on another page or device since you opened this one. What you typed is kept below: check it, then send again.
form-problem-nothing-to-withdraw = There is no consent to withdraw.
form-problem-fields = Please check the answers marked below.
form-trip-consent-label = Consent for this trip
form-trip-consent-wording = I give permission for my child to take part in this trip and its activities, and to travel with the school as described above. I understand that staff will care for my child in my place during the trip, and will seek medical treatment for my child in an emergency if I cannot be reached.
form-trip-medical = Does your child have medical needs or need medicine during the trip?
form-trip-medical-details = Please describe them: the condition, the medicine, its dose and when it is taken.
form-trip-phone = A phone number we can reach you on during the trip
form-trip-dietary = Any dietary needs or food allergies for the day (packed lunch, snacks)
form-dietary-needs = Does your child have any dietary requirements or food allergies?
form-dietary-details = Please describe them: the foods to avoid and why (allergy, intolerance, religion, choice)
form-dietary-reaction = If it is an allergy: what happens, and what staff should do if the food is eaten
form-medication-name = The name of the medicine
form-medication-dose = The dose, and when it is to be given
form-medication-last-day = The last day it is to be given
form-medication-notes = Anything else staff should know: side effects, how to store it
form-medication-care-plan = A care plan or a letter from the doctor, if there is one (PDF)
form-medication-consent-label = Consent for staff to give this medicine
form-medication-consent-wording = I ask the school to give my child this medicine as described above. It is in its original container, labelled with my child’s name, and my child has taken it before without a reaction. I will tell the school in writing if the dose or the times change.
form-signature-label = Your full name, as your signature
form-signature-draw = You may also sign with your finger in this box.
form-signature-clear = Clear the drawing
form-draft-restored = What you typed earlier on this phone is back. It has not been sent yet.
form-staff-heading = Forms
form-staff-new-dietary = New dietary requirements form
form-staff-new-medication = New medication form
form-staff-empty = No forms yet.
form-staff-closes = Closes { $date }
form-staff-progress = { $done } of { $asked } children answered
form-staff-progress-conflicting = { $done } of { $asked } children answered; { $count } with parents who disagree
form-staff-answer-line = { $name }: { $answer }, { $date }
form-staff-answer-line-phone = { $name }: { $answer }, { $date } (by phone, taken by { $taker })
form-staff-drawn-signature = Signature drawn by { $name }
form-staff-recorded = The answer given by phone was recorded.
form-record-link = Record an answer given by phone
form-staff-trip-list = Printable list
form-trip-list-back = The form’s answers
form-trip-list-print = Print
form-trip-list-consent = Consent
form-trip-list-notes = What parents told us
form-trip-list-answer = { $question }: { $answer }
form-trip-list-summary = Printed on { $date }: { $children } children, { $consent } with consent
form-record-heading = Record an answer given by phone
form-record-who = Who gave the answer?
form-record-guardian = { $name } ({ $relationship })
relationship-mother = Mother
relationship-father = Father
relationship-parent = Parent
relationship-stepmother = Stepmother
relationship-stepfather = Stepfather
relationship-grandmother = Grandmother
relationship-grandfather = Grandfather
relationship-grandparent = Grandparent
relationship-aunt = Aunt
relationship-uncle = Uncle
relationship-carer = Carer
relationship-foster-carer = Foster carer
form-record-no-consent = The school’s records do not give them consent rights for this child.
form-record-note = You are recording the answers { $name } gave by phone. They are kept as taken by you, with the time.
form-staff-back = All forms
form-staff-child = Child
form-staff-class = Class
form-staff-status = Status
form-staff-answers = Answers
form-staff-gives-consent = Gives consent
form-staff-refuses-consent = Does not give consent
form-staff-conflict = Parents disagree
form-new-heading = New trip consent form
form-new-language-required = { $language } (required)
form-new-language-optional = { $language } (optional translation)
form-new-title = The trip (the form’s title)
form-new-details = Where, when, how the children travel and what to bring
form-new-title-form = The form’s title
form-new-details-dietary = What families should know: why the school asks and who sees the answers
form-new-details-medication = What families should know: how to hand medicines in and who gives them
form-new-audience = Who is it for?
form-new-closes = Last day for answers
form-new-create = Send to families
form-new-not-created = The form was not sent.
form-new-no-title = Please give the trip’s title in English.
form-new-no-title-form = Please give the form’s title in English.
form-new-half-translated = A translation needs its title as well as its details.
form-new-no-audience = Please choose at least one year group or class.
form-new-closes-problem = Please choose a last day for answers between today and a year from now.
form-staff-remind = Remind those still to answer
form-staff-reminded = { $count ->
    [one] One parent or carer was reminded, in the app and by e-mail where the school has their address.
   *[other] { $count } parents and carers were reminded, in the app and by e-mail where the school has their address.
}
form-staff-remind-too-soon = A reminder went less than a day ago. You can send the next one tomorrow.
form-staff-remind-nobody = Nobody is waiting for a reminder: every child asked has an answer, or only parents without consent rights are left.
form-staff-remind-closed = The form has closed, so no reminder was sent.
form-staff-last-reminded = Last reminder sent { $date }
form-staff-export-csv = Download CSV
form-staff-export-xlsx = Download Excel (XLSX)
form-export-answer = Answer
form-export-submitted = Sent at
form-export-language = Language shown
form-export-version = Version
form-export-channel = How
form-export-in-portal = In the portal
form-export-by-phone = By phone, taken by { $taker }
form-export-sheet = Answers
form-staff-new-photo = New photo and video consent form
form-new-details-photo = What families should know: which photos and videos the school takes, where they are shared and for how long
form-photo-label = Where may photos and videos of your child be shared?
form-photo-wording = You can change this at any time on this form. A narrower choice applies at once; a wider one applies once the school office has checked it.
form-photo-none = No photos or videos of my child at all
form-photo-portfolio = Only in my child’s own portfolio, seen by our family
form-photo-class = Also in class stories, seen by the families of my child’s class
form-photo-school = Also in whole-school stories, seen by the families of the school
form-photo-public = Also on the school’s public website and social media

## Server only: contact details and the changes families ask for (sent with the page's data)
contact-link = Your contact details
contact-heading = Your contact details
contact-intro = These are the phone numbers and e-mail addresses the school uses to reach you, including in an emergency. If any has changed, correct it here: the school office checks every change before it replaces what the school holds.
contact-send = Send the change to the school
contact-sent = Thank you. The school office will check your change; until then the school keeps using the details it holds.
contact-waiting = You asked on { $date } for these changes; the school office has not checked them yet:
contact-field-phone = Main phone number
contact-field-phone-alt = Other phone number
contact-field-email = E-mail address
contact-field-email-alt = Other e-mail address
contact-field-photo = Photo consent
contact-none = (none)
contact-change-line = { $field }: { $before } → { $after }
contact-problem-fields = Nothing was sent. Please correct the fields marked below; everything you typed is still here.
contact-problem-required = The school needs a phone number to reach you in an emergency.
contact-problem-phone = This does not look like a phone number: use digits, with spaces, dashes or brackets if you like, and + only at the start.
contact-problem-email = This does not look like an e-mail address (name@example.com).
contact-problem-too-long = This is too long.
contact-problem-unchanged = These are the details the school already holds: there is nothing to change.
changes-link = Changes families asked for ({ $count } waiting)
changes-heading = Changes families asked for
changes-intro = Contact details and wider photo consents families asked for. Approving one writes it to the school’s records and keeps what it replaced; a narrower photo consent applied at once.
changes-none-waiting = No changes are waiting.
changes-approve = Approve
changes-reject = Reject
changes-decided = Decided lately
changes-approved = Approved: the school’s records now hold the new details.
changes-rejected = Rejected: the school’s records are unchanged.
changes-not-waiting = This change was already decided, or the family asked for another since: nothing was changed.
changes-about-contact = contact details
changes-about-photo = photo consent for { $child }
changes-asked = Asked on { $date }.
changes-applied-at-once = Applied at once on { $date } (narrower consent).
changes-approved-by = Approved by { $name } on { $date }.
changes-rejected-by = Rejected by { $name } on { $date }.

## Server only: reports (sent with the page's data)
reports-heading = Reports
reports-none = There are no reports for you to download yet. They appear here when the school publishes them.
reports-download = Download ({ $size })
reports-new = New
reports-links-note = Download links work for 15 minutes; open this page again for new ones.
reports-published-on = { $kind } · published { $date }
reports-kind-term = End of term
reports-kind-progress = Progress
reports-kind-assessment = Assessment results
reports-kind-statutory = Statutory results
reports-kind-other = Other
reports-link-expired = This download link has expired. Open Reports again to download the report.
reports-staff-heading = Reports
reports-staff-intro = Make a cycle for the year groups, upload its PDFs, check the preview, then publish them to the families all at once.
reports-staff-none = There are no report cycles yet.
reports-new-heading = New report cycle
reports-name-label = Name (for example “Spring term report”)
reports-kind-label = Kind
reports-years-label = Year groups
reports-create = Create the cycle
reports-problem-name = Give the cycle a name of up to 120 characters.
reports-problem-kind = Choose what kind of reports these are.
reports-problem-years = Choose at least one year group.
reports-about = { $kind } · { $years } · { $state }
reports-state-draft = draft: families see nothing yet
reports-state-published = published { $date }
reports-figures-opened = { $opened } of { $total } opened by their families
reports-figures-ready = { $count ->
    [one] 1 report ready to publish
   *[other] { $count } reports ready to publish
}
reports-upload-heading = Upload reports
reports-naming = Start each PDF’s name with the child’s MIS id and an underscore, for example P00123_spring_report.pdf. Upload one ZIP of them all, or choose many PDFs at once; nothing reaches families until you publish.
reports-files-label = A ZIP file or PDF files
reports-upload = Upload
reports-uploading = Uploaded so far
reports-upload-failed = The upload did not reach the school. Check the connection and upload again.
reports-preview-heading = Ready to publish ({ $count })
reports-refused-heading = Not taken from the last upload
reports-publish = Publish to families
reports-discard = Discard the upload
reports-opened-heading = Who has opened each report
reports-downloads-heading = Downloads
reports-back = All report cycles
reports-open = Open the PDF
reports-not-opened = Not opened yet
reports-opened-by = Opened by { $name } on { $date }
reports-download-line = { $name } opened the report for { $child } on { $date } from { $address }
reports-done-uploaded = { $count ->
    [one] 1 report added to the preview.
   *[other] { $count } reports added to the preview.
}
reports-done-published = Published: families can download their reports now.
reports-done-discarded = The upload was discarded.
reports-problem-no-files = Choose a ZIP file or PDF files to upload.
reports-problem-nothing-staged = There is nothing to publish yet: upload the reports first.
reports-problem-not-draft = This cycle is already published.
reports-why-not-pdf = Not a PDF, whatever its name says.
reports-why-unreadable = The PDF is damaged or cut short.
reports-why-encrypted = The PDF is locked with a password.
reports-why-too-large = Larger than { $mb } MB.
reports-why-unsafe-name = Its name points outside the ZIP file; refused.
reports-why-unmatched = No pupil has the MIS id this name starts with.
reports-why-not-in-cycle = The pupil is not in this cycle’s year groups.
reports-why-duplicate = This pupil already has a report in this cycle.
reports-why-bad-archive = The ZIP file cannot be read.
reports-why-archive-too-large = The ZIP file holds too many files or too much to unpack.
reports-why-bad-csv = A CSV naming the files’ pupils needs a “file” and a “mis_id” column.
reports-problem-withdrawn = This cycle has been withdrawn.
reports-problem-when = Give the publishing time as a date and a time, or leave it empty to publish now.
reports-problem-reminded = Families were reminded in the last day; remind them again tomorrow.
reports-problem-all-opened = Every family has opened its report: there is nobody to remind.
reports-state-scheduled = families see it from { $date }
reports-state-withdrawn = withdrawn: families no longer see it
reports-done-corrected = { $count ->
    [one] 1 corrected report published: families see it now, with a note that it was corrected.
   *[other] { $count } corrected reports published: families see them now, with a note that they were corrected.
}
reports-done-reminded = { $count ->
    [one] 1 family who had not opened their report was reminded by e-mail.
   *[other] { $count } families who had not opened their reports were reminded by e-mail.
}
reports-done-scheduled = Published for later: families see the reports, and are told by e-mail, at the time you chose.
reports-done-withdrawn = The whole cycle was withdrawn: families no longer see it.
reports-done-report-withdrawn = The report was withdrawn: the family no longer sees it.
reports-reminded-on = Families last reminded on { $date }.
reports-publish-at = Publish at (school time; leave empty to publish now)
reports-correct-heading = Upload corrected reports
reports-correct-hint = A corrected PDF, named like the first, replaces the child’s report at once; the family sees the new one with a note that it was corrected, and the old one is kept here.
reports-remind = Remind families who have not opened theirs
reports-withdraw-cycle = Withdraw the whole cycle
reports-withdraw-report = Withdraw this report
reports-corrected-on = Corrected on { $date }
notification-new-report = New report
email-report-subject = { $school }: a new report for { $children }
email-report-intro = “{ $name }” ({ $kind }) for { $children } is ready to download.
email-report-reminder-subject = Reminder from { $school }: a report for { $children } is waiting
email-report-reminder-intro = You have not opened “{ $name }” for { $children } yet.
email-report-link = Download it here (sign in first): { $link }
