## The bot's texts in English. Every key here exists in ru/ and kk/ too (a test checks).
## Texts are Telegram HTML: <b>, <i>, <code>. Values put into them are escaped by the bot.

language-name = English

## /start, /language

start-greeting =
    Hello, { $name }! This is the <b>Anti-corruption Front</b> bot.

    Here citizens report corruption safely, volunteer commissars check the reports on the ground, ambassadors of change turn the evidence into appeals to state bodies, and ombudsmen make announcements to everyone.

    Choose the language of the bot:
start-welcome =
    Welcome to the <b>Anti-corruption Front</b>.

    Your roles: { $roles }.
    The menu next to the message field lists your commands; /help explains them, /privacy explains what the bot stores about you.
language-choose = Choose the language of the bot:
language-saved = Done: the bot now speaks English.

## /help

help-roles = <b>Your roles:</b> { $roles }
help-commands = <b>Your commands:</b>
help-line = /{ $command } — { $description }
help-footer = /cancel leaves any conversation at any step. Nothing you have not confirmed is saved.

## Roles

role-citizen = citizen
role-commissar = anti-corruption commissar
role-ambassador = ambassador of change
role-ombudsman = ombudsman
role-coordinator = coordinator
role-in-region = { $role } ({ $region })

## Command menu (one line each, at most 256 characters)

command-start = Start over: greeting and your menu
command-help = Your roles and commands
command-region = Choose your region
command-language = Change the language
command-privacy = What the bot keeps and who sees it
command-cancel = Leave the current conversation
command-myregions = Regions where you are a commissar
command-stats = Statistics: people, subscribers, volunteers
command-grant = Give someone a volunteer role
command-revoke = Take a volunteer role away
command-staff = Everyone who holds a volunteer role

## /privacy

privacy-text =
    <b>Privacy</b>

    <b>What the bot keeps about you:</b> your Telegram id, name and username as Telegram shows them, the language and region you choose, and any volunteer role a coordinator gave you.

    <b>Those who handle tips never learn who sent them.</b> Commissars and ambassadors do not see your Telegram id, name, username or phone number; they can only write to you through the bot.

    <b>Anonymous mode</b> keeps no link at all between a tip and your account. Instead you get a receipt code: keep it, it is the only way back to your tip. While you work with an opened code (30 minutes at most) the bot remembers which tip you opened, sealed so that a copy of the database alone cannot tell, and then forgets it.

    <b>Every privileged action</b> (roles given and taken, status changes, views of evidence, broadcasts) is written to an audit log that never records who sent a tip.

    <b>Telegram itself knows who writes to this bot</b>, as with any chat in Telegram. If that is a risk for you, write from a separate Telegram account.

## /cancel and conversations

cancel-done = Cancelled. Nothing was saved.
cancel-nothing = There is nothing to cancel.

## /region

region-choose = Choose your region: reports, receptions and announcements will be matched to it.
region-current = Your region now: <b>{ $region }</b>.
region-saved = Your region: <b>{ $region }</b>.

## /myregions

myregions-list =
    { $count ->
        [0] You are not bound to any region yet: ask a coordinator.
        [one] You are a commissar in { $count } region: { $regions }.
       *[other] You are a commissar in { $count } regions: { $regions }.
    }

## /stats

stats-title = <b>Statistics</b>
stats-people =
    { $count ->
        [one] { $count } person uses the bot
       *[other] { $count } people use the bot
    }
stats-subscribers =
    { $count ->
        [one] { $count } subscriber to announcements
       *[other] { $count } subscribers to announcements
    }
stats-languages = Languages: Russian { $ru }, Kazakh { $kk }, English { $en }, not chosen yet { $unset }
stats-volunteers = Volunteers: commissars { $commissars }, ambassadors { $ambassadors }, ombudsmen { $ombudsmen }, coordinators { $coordinators }
stats-regions = Regions with the most people: { $regions }
stats-region-count = { $region } — { $count }

## People as coordinators see them

person-unknown = Telegram id <code>{ $id }</code> (has not written to the bot yet)
person-named = { $name } (id <code>{ $id }</code>)
person-with-username = { $name } (@{ $username }, id <code>{ $id }</code>)

## /grant

grant-ask-person = Who should get a role? Send their Telegram id, or their @username if they have written to the bot.
grant-ask-role = Which role for { $person }?
grant-ask-region-required = In which region? A commissar always works in a region.
grant-ask-region = For the whole country or for one region?
grant-confirm = Give { $person } the role <b>{ $role }</b>?
grant-done = Done: { $person } now holds the role <b>{ $role }</b>; their menu shows its commands.
grant-done-waiting = Done: { $person } now holds the role <b>{ $role }</b>. They will see its commands when they first write to the bot.
grant-already = { $person } already holds the role <b>{ $role }</b>. Nothing changed.

## /revoke

revoke-ask-person = Whose role should be removed? Send their Telegram id or @username.
revoke-ask-grant = Which role should be removed from { $person }?
revoke-confirm = Remove the role <b>{ $role }</b> from { $person }?
revoke-done = Done: { $person } no longer holds the role <b>{ $role }</b>.
revoke-holds-nothing = { $person } holds no volunteer role.
revoke-not-held = { $person } does not hold the role <b>{ $role }</b>. Nothing changed.

## /staff

staff-empty = Nobody holds a volunteer role yet. Give one with /grant.
staff-title =
    { $count ->
        [one] <b>{ $count } volunteer role:</b>
       *[other] <b>{ $count } volunteer roles:</b>
    }
staff-line = • { $role }: { $person }

## Buttons

button-back = ← Back
button-cancel = ✕ Cancel
button-grant = ✓ Give the role
button-revoke = ✓ Remove role
button-nationwide = Whole country

## When nothing else answers

fallback-command-for-role = The command /{ $command } is for: { $roles }. You do not hold that role. Your commands: /help
fallback-unknown-command = There is no command /{ $command }. Your commands: /help
fallback-text = I did not understand that. Choose a command in the menu, or see /help.
fallback-unsupported = I can't handle this kind of message here. Choose a command in the menu, or see /help.
fallback-in-conversation = That answer does not fit this step. Answer the last question, or /cancel to leave.
fallback-stale-button = This button no longer works. Start again from the menu.

## Refusals and failures

blocked-refusal = Sorry, this account has been blocked by the coordinators of the Anti-corruption Front, so the bot cannot accept anything from it.
error-generic = Something went wrong on our side. Nothing was changed; please try again in a minute.
error-store-unavailable = The bot is temporarily unavailable. Nothing was changed; please try again in a minute.
error-not-allowed = You are not allowed to do that.
error-invalid-input = That input is not valid. Nothing was changed.
error-not-found = Nothing was found.
error-unknown-role = There is no role “{ $role }”. Roles: commissar, ambassador, ombudsman, coordinator.
error-unknown-region = There is no region “{ $region }”.
error-region-required = A commissar always works in a region: choose one.
error-person-reference = Send a Telegram id (digits only) or an @username.
error-person-not-found = Nobody with the username { $reference } has written to the bot. Use their Telegram id instead.
error-revoke-self = You cannot take your own coordinator role away: ask another coordinator.
error-unknown-language = That language is not available.
error-grant-usage = Write /grant, or /grant ID ROLE REGION, for example: /grant 123456789 commissar ALA
error-revoke-usage = Write /revoke, or /revoke ID ROLE REGION, for example: /revoke 123456789 commissar ALA

## The keyboard under the message field

menu-report = 📝 Report corruption
menu-my-tips = 📂 My tips
menu-receipt = 🔑 Receipt code
menu-subscription = 🔔 Announcements

command-report = Report corruption
command-mytips = Your tips and what happened to them
command-receipt = Open an anonymous tip with its receipt code
command-subscribe = Announcements: subscribe or leave

## Reporting (/report)

report-intro = Let's write your report: eight short questions. Under each question: ← Back returns to the previous one, ✕ Cancel deletes the draft. Nothing is sent until you press Send.
report-progress = <i>Step { $step } of { $total }</i>
report-ask-category = What is it about? Choose a category.
report-ask-region = In which region did it happen?
report-ask-body = Which state body or organisation is concerned? Send its name, for example: “City akimat, land department” or “School No. 12”.
report-ask-description = What happened? Describe it in your own words: who, what, how much, how it happened. From { $minimum } to { $maximum } characters.
report-ask-when = When did it happen?
report-when-today = Today
report-when-week = This week
report-when-earlier = Earlier
report-when-date = Enter a date
report-ask-date = Send the date as DD.MM.YYYY, for example 15.03.2026.
report-ask-where = Where did it happen? Send a location (📎 → Location), type an address, or press Skip.
report-ask-evidence = Add evidence: photos, videos, voice messages or documents (PDF, Word, Excel, images), up to { $limit } files of at most { $size } MB each. Albums are welcome. Press Done when you have added everything, or Skip.
report-evidence-added =
    { $count ->
        [one] 📎 { $count } file attached (at most { $limit }). Send more, or press Done.
       *[other] 📎 { $count } files attached (at most { $limit }). Send more, or press Done.
    }
report-ask-identity =
    <b>Who may know that you sent this?</b>

    🔒 <b>Confidential</b>: the bot keeps the link to your account so that it can tell you what happens with the tip and pass on questions. Those who handle tips never see your Telegram id, name, username or phone.

    🕶 <b>Anonymous</b>: the bot keeps no link at all between the tip and your account. You get a receipt code instead: with it you can check the status and answer questions. Lose it, and nobody can find the tip for you.
report-ask-edit = What do you want to change?
report-field-category = Category
report-field-region = Region
report-field-body = Body concerned
report-field-description = What happened
report-field-when = When
report-field-where = Where
report-field-evidence = Evidence
report-field-identity = Identity
report-summary =
    <b>Check your report before sending</b>

    <b>Category:</b> { $category }
    <b>Region:</b> { $region }
    <b>Body concerned:</b> { $body }
    <b>What happened:</b> { $description }
    <b>When:</b> { $when }
    <b>Where:</b> { $where }
    <b>Evidence:</b> { $evidence }
    <b>Identity:</b> { $identity }
report-where-location = location { $latitude }, { $longitude }
report-where-none = not given
report-evidence-none = none
report-identity-confidential = 🔒 confidential
report-identity-anonymous = 🕶 anonymous
evidence-photo =
    { $count ->
        [one] { $count } photo
       *[other] { $count } photos
    }
evidence-video =
    { $count ->
        [one] { $count } video
       *[other] { $count } videos
    }
evidence-document =
    { $count ->
        [one] { $count } document
       *[other] { $count } documents
    }
evidence-voice =
    { $count ->
        [one] { $count } voice message
       *[other] { $count } voice messages
    }
report-sent-confidential = ✅ Thank you. Your tip <b>#{ $number }</b> has been received. You will get a message here whenever its status changes; /mytips shows it at any time.
report-sent-anonymous =
    ✅ Thank you. Your tip <b>#{ $number }</b> has been received anonymously.

    Your receipt code:
    <code>{ $code }</code>

    <b>Save it now: it is shown only once</b>, and the bot keeps nothing that leads from your account to the tip. Send the code to this bot (or use /receipt) to see the status and answer questions. You may delete this chat afterwards.
report-use-buttons = Please answer with the buttons under the question, or /cancel to leave.
report-text-expected = Please send this answer as text.
report-where-expected = Send a location, type an address as text, or press Skip.
report-files-expected = At this step, send files (photos, videos, voice messages, documents), or press Done.

## Statuses of a tip

tip-status-new = received, waiting for a commissar
tip-status-taken = taken by a commissar
tip-status-in_work = being checked
tip-status-info_needed = more information needed
tip-status-resolved = resolved
tip-status-unfounded = not confirmed
tip-status-passed = passed to an ambassador of change
tip-status-appeal_sent = appeal sent to a state body
tip-status-answered = the state body has answered
tip-status-withdrawn = withdrawn
tip-status-reopened = reopened

## Messages about a tip

notify-tip-status = Tip <b>#{ $number }</b>: { $status }.
notify-tip-status-note =
    Tip <b>#{ $number }</b>: { $status }.

    { $note }
notify-tip-question =
    ❓ A question on your tip <b>#{ $number }</b>:

    { $question }

    Press Reply to answer. Your name is not shown to the one who asks.
notify-tip-answer = ✉ The tipster answered on tip <b>#{ $number }</b>.
notify-tip-reopened = ↩ Tip <b>#{ $number }</b> was reopened: its tipster says the problem was not fixed.
follow-up-question = Your tip <b>#{ $number }</b> was marked as resolved. Was the problem really fixed?
follow-up-thanks-yes = Thank you! Tip <b>#{ $number }</b>: fixed. You may add a comment, or press Skip.
follow-up-thanks-partly = Thank you. Tip <b>#{ $number }</b>: partly fixed. You may add a comment, or press Skip.
follow-up-thanks-no = Thank you. Tip <b>#{ $number }</b> has been reopened for its commissar. You may add a comment, or press Skip.
follow-up-comment-saved = Your comment on tip <b>#{ $number }</b> is saved.
follow-up-done = Thank you for your answer.

## A tip as its tipster sees it

tip-card =
    <b>Tip #{ $number }</b>: { $status } (since { $changed })

    <b>Category:</b> { $category }
    <b>Region:</b> { $region }
    <b>Body concerned:</b> { $body }
    <b>What happened:</b> { $description }
    <b>When:</b> { $when }
    <b>Where:</b> { $where }
    <b>Evidence:</b> { $evidence }
tip-card-evidence =
    { $count ->
        [0] none
        [one] { $count } file
       *[other] { $count } files
    }
tip-card-history = <b>History</b>
tip-history-line = { $at } — { $status }
tip-card-thread = <b>Messages</b>
tip-thread-question = <i>{ $at }, question:</i> { $text }
tip-thread-answer =
    <i>{ $at }, your answer:</i> { $text }{ $files ->
        [0] {""}
       *[other] {" "}📎 { $files }
    }

## /mytips

my-tips-empty = You have no confidential tips yet. Anonymous tips are not listed here: open them with their receipt code (/receipt). To report, use /report.
my-tips-title =
    { $count ->
        [one] <b>Your tip</b> (newest change first):
       *[other] <b>Your { $count } tips</b> (newest change first):
    }
my-tips-line = #{ $number } — { $status } ({ $changed })
withdraw-confirm = Withdraw tip <b>#{ $number }</b>? Nobody will work on it.
withdraw-done = Tip <b>#{ $number }</b> is withdrawn.

## Answers to a handler

answer-ask = Send your answer on tip <b>#{ $number }</b>: a text, photos, videos, voice messages or documents. It is passed on without your name.
answer-passed = ✉ Passed on to the tip <b>#{ $number }</b>. Send more, or press Done.
answer-finished = Thank you, your answer has been passed on.

## Receipt codes (/receipt)

receipt-ask = Send the receipt code of your anonymous tip (24 letters and digits, for example ABCD-EFGH-…). Your message with the code is deleted from the chat right away.
receipt-code-expected = Send the receipt code as text, or /cancel.

## Announcements (/subscribe)

subscription-none = You are not subscribed to announcements.
subscription-nationwide = You receive announcements for the whole country.
subscription-region = You receive announcements for: <b>{ $region }</b>.
subscription-choose = Choose what to receive announcements about:
subscription-left = You have left the announcements. /subscribe brings them back.

## Buttons of tips

button-skip = Skip →
button-send = ✅ Send
button-edit = ✏️ Edit
button-evidence-done = ✓ Done
button-evidence-clear = 🗑 Remove the files
button-confidential = 🔒 Confidential
button-anonymous = 🕶 Anonymous
button-open-tip = Open the tip
button-reply = ✉ Reply
button-follow-up-yes = Yes
button-follow-up-no = No
button-follow-up-partly = Partly
button-tip-number = Tip #{ $number }
button-previous = ← Newer
button-next = Older →
button-withdraw = Withdraw the tip
button-withdraw-yes = Yes, withdraw
button-keep = No, keep it
button-answer-done = ✓ Done
button-unsubscribe = Leave announcements

## Refusals about tips

flood-slow-down = You are sending messages too fast. Wait a few seconds; the messages sent meanwhile were not processed.
error-tip-body-short = The name is too short: at least { $minimum } characters.
error-tip-body-long = The name is too long: { $length } characters, at most { $maximum }.
error-tip-description-short = Please tell a little more: { $length } characters now, at least { $minimum }.
error-tip-description-long = The text is too long: { $length } characters, at most { $maximum }. Shorten it, or send the rest as a document at the evidence step.
error-tip-address-short = The address is too short: at least { $minimum } characters.
error-tip-address-long = The address is too long: { $length } characters, at most { $maximum }.
error-tip-question-short = The question is too short: at least { $minimum } characters.
error-tip-question-long = The question is too long: { $length } characters, at most { $maximum }.
error-follow-up-comment-short = The comment is empty.
error-follow-up-comment-long = The comment is too long: { $length } characters, at most { $maximum }.
error-tip-date-format = That is not a date. Send it as DD.MM.YYYY, for example 15.03.2026.
error-tip-date-future = That date is in the future. Send the date when it happened.
error-tip-date-too-old = The date must not be earlier than { $earliest }.
error-tip-location = That location is not valid.
error-evidence-too-many = A tip holds at most { $limit } files. This one was not added; press Done.
error-evidence-kind = This kind of file cannot be attached. Send photos, videos, voice messages or documents (PDF, Word, Excel, images).
error-evidence-too-big = The file is { $size } MB; at most { $limit } MB each. It was not added.
error-evidence-type = The file “{ $name }” is of a type that cannot be attached. Allowed: PDF, Word, Excel, PowerPoint, OpenDocument, text, images, audio and video.
error-tip-category = There is no such category. Choose one of the buttons.
error-tip-daily-limit = You have sent { $limit } tips today, the most an account may send in one day. Please continue tomorrow.
error-tip-already-sent = This tip has already been sent. /mytips shows it; /report starts a new one.
error-tip-not-found = There is no such tip among yours.
error-tip-withdraw-taken = Tip #{ $number } has already been taken by a commissar and can no longer be withdrawn. You can still write to them with Reply.
error-receipt-wrong = This receipt code does not open any tip. Check it and send it again.
error-receipt-wait = Too many wrong codes. Try again in { $minutes } min.
error-receipt-expired = To answer, send the receipt code again (/receipt): for your safety the bot forgets an opened code after a while.
error-tip-status = That status does not exist.
error-tip-status-moved = Tip #{ $number } cannot move to that status now.
error-tip-closed = Tip #{ $number } is closed: nobody works on it any more.
error-answer-empty = The answer is empty: send a text or a file.
error-answer-long = The answer is too long: { $length } characters, at most { $maximum }.
error-follow-up-answered = You have already answered about tip #{ $number }.

## Commissars: the queue, a tip's card, working a tip (/queue, /assignments)

command-queue = New tips in your regions
command-assignments = Tips you are working on, with deadlines
command-checks = Field checks: plan and fill in checklists
command-violations = Violations you recorded
command-receptions = Your citizen reception hours
command-reception = Book a reception with a commissar
command-overdue = Assignments past their deadline

queue-all-categories = all categories
queue-title =
    { $count ->
        [one] <b>{ $count } new tip</b> ({ $category }), oldest first:
       *[other] <b>{ $count } new tips</b> ({ $category }), oldest first:
    }
queue-empty = No new tips in your regions ({ $category }).
queue-line = #{ $number } · { $category } · { $region } · { $body } · received { $received }
queue-choose-category = Show the tips of which category?
button-queue-filter = 🗂 Category
button-queue-all = All categories
button-page-previous = ← Previous
button-page-next = Next →

tip-card-unassigned = <b>Deadlines:</b> start when a commissar takes the tip.
tip-card-tipster-confidential = <b>Tipster:</b> confidential: gets your questions and every change as messages.
tip-card-tipster-anonymous = <b>Tipster:</b> anonymous: sees your questions and changes only when they open the tip with the receipt code.
tip-card-assignee = <b>Commissar:</b> { $name }
tip-when-today = on the day it was reported, { $date }
tip-when-week = in the week before { $date }
tip-card-deadlines =
    <b>Deadlines:</b> first action by { $first_action }; resolve by { $resolve }
deadline-met = done { $at }
tip-history-line-note = { $at } — { $status }: { $note }
tip-history-reassigned = given to another commissar by a coordinator
tip-history-follow_up = reopened: the tipster says the problem was not fixed
tip-history-tipster_answered = the tipster answered
tip-history-assignee_left = back in the queue: the commissar left the region
tip-thread-answer-handler =
    <i>{ $at }, the tipster's answer:</i> { $text }{ $files ->
        [0] {""}
       *[other] {" "}📎 { $files }
    }
tip-card-violations = <b>Violations</b>
violation-line = #{ $number } · { $severity } · { $body }
evidence-caption = Tip #{ $number }, file { $position } of { $count }, received { $received }

button-take = ✋ Take the tip
button-in-work = ▶ Start working on it
button-ask-tipster = ❓ Ask the tipster
button-record-violation = 📌 Record a violation
button-resolved = ✅ Resolved
button-unfounded = 🚫 Not confirmed
button-pass = ➡ To an ambassador
button-give-back = ↩ Back to the queue
button-reassign = 👤 Reassign
button-show-evidence = 📎 Show the evidence

take-done = You took tip #{ $number }. First action by { $first_action } (start working on it, ask the tipster, or decide); resolve by { $resolve }. It is now in /assignments.
status-changed = Tip #{ $number } is now: { $status }. A confidential tipster gets a message; an anonymous one sees it with the receipt code.
note-ask-resolved = What was the outcome of tip #{ $number }? The tipster will read it (a confidential one gets it as a message), so write it for them, without names they should not learn. At least 10 characters.
note-ask-unfounded = Why was tip #{ $number } not confirmed? The tipster will read the reason, so write it for them. At least 10 characters.
note-ask-passed = What do you pass on to the ambassadors of change about tip #{ $number }, and why? Only handlers see it.
note-ask-giveback = Why do you give tip #{ $number } back to the queue? Only handlers see it; the tip waits for a commissar of the region again.
question-ask = Write your question about tip #{ $number } (at least 5 characters). A confidential tipster gets it from the bot; an anonymous one sees it only when they open the tip with the receipt code, so an answer may take longer. Neither of you learns who the other is.
question-sent = The question on tip #{ $number } has been passed on. You will be told when the tipster answers; the tip then goes back to “being checked”.
assignments-empty = You are not working on any tip. /queue shows the new ones.
assignments-title =
    { $count ->
        [one] <b>{ $count } tip in your work</b>, nearest deadline first:
       *[other] <b>{ $count } tips in your work</b>, nearest deadline first:
    }
assignment-line = #{ $number } · { $category } · { $status } · resolve by { $due }
assignment-line-late = ⚠ #{ $number } · { $category } · { $status } · resolve by { $due } · overdue

error-handler-tip-not-found = Tip #{ $number } is not in your regions.
error-tip-already-taken = Tip #{ $number } has already been taken by another commissar.
error-tip-not-yours = Tip #{ $number } is assigned to another commissar.
error-tip-note-short = Please write a little more: at least { $minimum } characters.
error-tip-note-long = That is too long: { $length } characters, at most { $maximum }.

## Coordinators (/overdue)

overdue-empty = No assignment is past its deadline.
overdue-title =
    { $count ->
        [one] <b>{ $count } overdue assignment</b>:
       *[other] <b>{ $count } overdue assignments</b>:
    }
reassign-choose = Give tip #{ $number } to which commissar of its region? The deadlines stay as they are.
reassign-nobody = There is no other commissar in the region of tip #{ $number }.
reassign-done = Tip #{ $number } has been reassigned; both commissars have been told.
button-person = { $name }
error-reassign-not-commissar = That person is not a commissar of the tip's region.
error-reassign-same = The tip is already assigned to that commissar.

## Notices and reminders to volunteers

notify-tip-assigned = A coordinator has given you tip #{ $number }. It is in /assignments.
notify-tip-unassigned = A coordinator has given tip #{ $number } to another commissar.
remind-unclaimed = ⏰ Tip #{ $number } has been waiting in your region's queue since { $since }. Please take it.
remind-no-commissar = ⏰ Tip #{ $number } has been waiting since { $since } in the queue of { $region }, which has no commissar. Grant the role to someone there (/grant), or open the tip.
deadline-first_action_soon = the first action
deadline-first_action_overdue = the first action
deadline-resolve_soon = the resolution
deadline-resolve_overdue = the resolution
remind-deadline-soon = ⏰ Tip #{ $number }: the deadline for { $deadline } is { $due }.
remind-deadline-passed = ⚠ Tip #{ $number }: the deadline for { $deadline } passed at { $due }. Open the tip and move it on, or give it back to the queue.
remind-escalation = ⚠ Overdue: tip #{ $number }, the deadline for { $deadline } passed at { $due }. /overdue lists all of them.

## Field checks (/checks)

checks-empty = You have no field checks yet.
checks-title =
    { $count ->
        [one] <b>Your field check</b>:
       *[other] <b>Your field checks</b> ({ $count }):
    }
checks-line = #{ $number } · { $kind } · { $target } · { $date } · { $status } · { $answered }/{ $items }
button-check-number = Check #{ $number }
button-plan-check = ➕ Plan a check
check-ask-kind = What kind of check?
check-ask-region = In which region?
check-ask-target = What do you check? Name the body, organisation or object (2–200 characters).
check-ask-reference = The lot or contract number of the procurement:
check-ask-date = The date of the check (DD.MM.YYYY), or Today:
button-today = Today
check-status-planned = planned
check-status-in_progress = under way
check-status-done = done
check-status-cancelled = cancelled
check-card =
    <b>Check #{ $number }</b>: { $kind } — { $status }
    <b>Target:</b> { $target }
    <b>Lot or contract:</b> { $reference }
    <b>Region:</b> { $region }
    <b>Date:</b> { $date }
    <b>Checklist:</b> { $answered } of { $items } answered
checklist-line = { $mark } { $text }
checklist-item =
    Check #{ $number }, item { $position } of { $items }:

    <b>{ $text }</b>
button-answer-yes = ✅ Yes
button-answer-no = ❌ No
button-answer-na = ➖ Not applicable
button-fill-checklist = 📝 Fill in the checklist
button-finish-check = ✓ Finish the check
button-cancel-check = ✕ Cancel the check
check-cancelled = Check #{ $number } has been cancelled.
error-check-kind = There is no such kind of check. Choose one of the buttons.
error-check-target-short = The name is too short: at least { $minimum } characters.
error-check-target-long = The name is too long: { $length } characters, at most { $maximum }.
error-check-reference-short = The lot or contract number is required for procurement monitoring.
error-check-reference-long = The number is too long: { $length } characters, at most { $maximum }.
error-check-date = That is not a date. Send it as DD.MM.YYYY, for example 15.03.2026.
error-check-date-range = The date must be within a year before or after today.
error-check-not-found = There is no such check.
error-check-not-yours = This check belongs to another commissar.
error-check-closed = Check #{ $number } is finished and can no longer be changed.
error-check-cancelled = Check #{ $number } was cancelled: nothing can be recorded on it.
error-check-unanswered =
    { $count ->
        [one] One item of the checklist is not answered yet.
       *[other] { $count } items of the checklist are not answered yet.
    }

## Violations

violation-ask-what = What is the violation? Describe it (10–2,000 characters).
violation-ask-body = Which body or organisation committed it? Press Keep it to keep: { $body }. Or type another name.
button-keep-body = Keep it
violation-ask-rule = Which rule was broken (law, article, regulation)? Or press Skip.
violation-ask-severity = How serious is it?
severity-low = Low
severity-medium = Medium
severity-high = High
severity-critical = Critical
violation-ask-amount = The sum involved, in tenge (for example 1 500 000), or Skip.
violation-ask-files = Send the evidence: photos, videos, voice messages or documents, at least one and up to { $limit } files. The bot fixes the moment it receives each file and its SHA-256. Then press Done.
violation-file-received = File { $count } received. SHA-256: <code>{ $sha256 }</code>
violation-files-expected = Send files as evidence, or press Done.
violation-summary =
    <b>The violation</b> ({ $source })
    <b>Body:</b> { $body }
    <b>What:</b> { $description }
    <b>Rule broken:</b> { $rule }
    <b>Severity:</b> { $severity }
    <b>Sum:</b> { $amount }
    <b>Evidence:</b> { $files }

    Once saved, the evidence can be added to but never changed.
button-save = ✅ Save
violation-source-check = check #{ $number }
violation-source-tip = tip #{ $number }
violation-card =
    <b>Violation #{ $number }</b> ({ $source })
    <b>Body:</b> { $body }
    <b>What:</b> { $description }
    <b>Rule broken:</b> { $rule }
    <b>Severity:</b> { $severity }
    <b>Sum:</b> { $amount }
    <b>Recorded:</b> { $recorded }
    <b>Evidence:</b> { $files }
violation-evidence-caption =
    Violation #{ $number }, file { $position } of { $count }
    Received { $received }
    SHA-256: { $sha256 }
    Telegram file id: { $unique }
button-add-evidence = ➕ Add evidence
button-violation-number = Violation #{ $number }
violations-empty = You have not recorded any violation yet.
violation-ask-more-files = Send more evidence for violation #{ $number }. Each file is saved as it arrives and cannot be removed; what is there already stays as it is. Press Done when you have finished.
violation-file-added = Added to violation #{ $number }. SHA-256: <code>{ $sha256 }</code>
violation-files-finished = The evidence of violation #{ $number } is saved.
error-violation-what-short = Please describe it in more detail: at least { $minimum } characters.
error-violation-what-long = That is too long: { $length } characters, at most { $maximum }.
error-violation-body-short = The name is too short: at least { $minimum } characters.
error-violation-body-long = The name is too long: { $length } characters, at most { $maximum }.
error-violation-rule-short = That is too short: at least { $minimum } characters.
error-violation-rule-long = That is too long: { $length } characters, at most { $maximum }.
error-violation-amount = That is not a sum. Send digits, for example 1 500 000 or 2500,50.
error-violation-incomplete = The violation is not complete: start again from the check or the tip.
error-violation-no-evidence = A violation needs at least one file of evidence.
error-violation-too-many = A violation holds at most { $limit } files. This one was not added.
error-violation-not-found = There is no such violation in your regions.
error-violation-not-yours = Only the commissar who recorded the violation can add evidence to it.

## Citizen receptions (/receptions for commissars, /reception for citizens)

slots-empty = You have no upcoming reception hours.
slots-title =
    { $count ->
        [one] <b>Your upcoming reception</b>:
       *[other] <b>Your upcoming receptions</b> ({ $count }):
    }
slot-line = #{ $number } · { $at } · { $place } · { $region } · booked { $booked } of { $capacity }
button-publish-slot = ➕ Publish reception hours
button-cancel-slot = ✕ Cancel #{ $number }
button-cancel-slot-yes = Yes, cancel it
button-keep-slot = No, keep it
slot-ask-region = In which region?
slot-ask-time = When? Send the local date and time as DD.MM.YYYY HH:MM, for example 15.03.2026 10:00.
slot-ask-place = Where? The address and room.
slot-ask-capacity = How many people can you receive? A number from 1 to 100.
slot-published = Reception #{ $number } is published: { $at }, { $place }, { $capacity ->
        [one] one place
       *[other] { $capacity } places
    }. Citizens of the region can book it with /reception; you will be reminded the day before and an hour before.
slot-cancel-confirm = Cancel reception #{ $number }? Everyone who booked it will be told.
slot-cancelled =
    Reception #{ $number } is cancelled. { $count ->
        [0] Nobody had booked it.
        [one] { $count } person who had booked it has been told.
       *[other] { $count } people who had booked it have been told.
    }
error-reception-time = That is not a date and time. Send it as DD.MM.YYYY HH:MM, for example 15.03.2026 10:00.
error-reception-time-range = The reception must be in the future, within a year.
error-reception-place-short = The place is too short: at least { $minimum } characters.
error-reception-place-long = The place is too long: { $length } characters, at most { $maximum }.
error-reception-capacity = Send a number from { $minimum } to { $maximum }.

bookings-title = <b>Your bookings:</b>
booking-line = #{ $number } · { $at } · { $place }
open-slots-title = <b>Receptions you can book in your region:</b>
open-slots-empty = No commissar has published reception hours in your region yet.
button-book = Book #{ $number }
button-cancel-booking = ✕ Cancel my booking #{ $number }
booking-done = You are booked for reception #{ $number }: { $at }, { $place }. The bot will remind you the day before and an hour before.
booking-cancelled = Your booking is cancelled.
reception-cancelled-notice = The reception of { $at } ({ $place }) has been cancelled by the commissar. /reception shows other hours.
remind-reception_day = ⏰ Reminder: your reception with a commissar is on { $at }, { $place }.
remind-reception_hour = ⏰ Soon, at { $at }: your reception with a commissar, { $place }.
remind-reception_day-commissar = ⏰ Reminder: your reception hours are on { $at }, { $place }; { $booked } booked.
remind-reception_hour-commissar = ⏰ Soon, at { $at }: your reception hours, { $place }; { $booked } booked.
error-reception-no-region = Choose your region first (/region): receptions are held in each region.
error-reception-not-found = There is no such reception in your region.
error-reception-cancelled = That reception or booking has been cancelled.
error-reception-past = That reception has already taken place.
error-reception-full = All places of that reception are booked.
error-reception-booked-already = You have already booked that reception.
