## Ambassadors of change: the risk picture, the register, appeals; figures and exports

command-risks = Risk picture: violations and tips by body and region
command-register = Register of pain points and corruption risks
command-appeals = Appeals to state bodies and their deadlines
command-export = Export tips, violations or appeals as CSV

button-last-days = { $days } days

risks-title = <b>Risk picture</b>, { $period } ({ $days } days)
risks-empty = No violations or tips in this period.
risks-by-region = <b>By region</b> (violations · tips, against the previous period):
risks-by-body = <b>Bodies with the most violations</b>:
risks-line = { $name }: { $violations } ({ $violations_trend }) · { $tips } ({ $tips_trend })
risks-by-severity = <b>Violations by severity</b>: { $counts }
risks-by-category = <b>Tips by category</b>: { $counts }
risks-count = { $name } — { $count }
risks-by-month = <b>By month</b> (violations · tips):
risks-month-line = { $month }: { $violations } · { $tips }
risks-trend-note = ▲▼ compare with the same number of days before. Press 🔎 to see the violations behind a number.
risks-behind =
    { $count ->
        [0] No violations behind “{ $what }” in this period.
        [one] <b>{ $count } violation</b> behind “{ $what }”:
       *[other] <b>{ $count } violations</b> behind “{ $what }”:
    }
risks-violation-line = <b>#{ $number}</b> · { $severity } · { $body } · { $date }
    { $description }
error-risk-nothing-behind = There is nothing behind this number any more. Open /risks again.

notify-tip-passed = ➡ A commissar passed tip #{ $number } to ambassadors: { $category }, { $region }, { $body }. Link it to an entry of the /register.

entry-kind-pain-point = Pain point
entry-kind-corruption-risk = Corruption risk
entry-status-open = open
entry-status-appeal-sent = appeal sent
entry-status-answered = answered
entry-status-closed = closed

register-title =
    { $count ->
        [one] <b>Register</b>: { $count } entry
       *[other] <b>Register</b>: { $count } entries
    }
register-empty = The register is empty. Add the first pain point or corruption risk.
register-line = #{ $number } · { $kind } · { $level } · { $status } · { $region } · { $body }
button-entry-number = Entry #{ $number }
button-new-entry = ➕ New entry

entry-ask-region = Which region is the entry about?
entry-ask-body = Which state body is it about? (2–200 characters)
entry-ask-kind = Is it a pain point or a corruption risk?
entry-ask-level = How serious is it?
entry-ask-description = Describe the problem: what goes wrong, where, how often. (10–2000 characters)
entry-created = Entry #{ $number } is in the register.
error-entry-body-short = The name is too short: at least { $minimum } characters.
error-entry-body-long = The name is too long: { $length } characters, at most { $maximum }.
error-entry-description-short = Please write a little more: at least { $minimum } characters.
error-entry-description-long = That is too long: { $length } characters, at most { $maximum }.
error-entry-not-found = Entry #{ $number } is not in the register of your regions.
error-entry-closed = Entry #{ $number } is closed.

entry-card =
    <b>Entry #{ $number }</b> · { $kind } · { $level } · { $status }
    Region: { $region }
    Body: { $body }

    { $description }
entry-card-violations =
    { $count ->
        [0] <b>Violations</b>: none linked yet.
       *[other] <b>Violations</b> ({ $count }):
    }
entry-card-tips =
    { $count ->
        [0] <b>Tips</b>: none linked yet.
       *[other] <b>Tips</b> ({ $count }):
    }
entry-tip-line = #{ $number } · { $category } · { $body } · { $status }
entry-card-appeals = <b>Appeals</b>:
button-link-violation = 🔗 Link a violation
button-link-tip = 🔗 Link a tip
button-write-appeal = ✉ Write an appeal
button-close-entry = ✓ Close the entry

entry-ask-violation-number =
    { $suggested ->
        [0] Send the number of the violation to link to entry #{ $number } (as in the commissars' records, e.g. 42).
       *[other] Choose a violation of the region to link to entry #{ $number } (those of the same body first), or send its number.
    }
entry-ask-tip-number =
    { $suggested ->
        [0] Send the number of the tip to link to entry #{ $number } (e.g. 17).
       *[other] Choose a tip passed to ambassadors to link to entry #{ $number }, or send the number of another tip of the region.
    }
error-entry-violation-number = Please send just the violation's number, e.g. 42.
error-entry-tip-number = Please send just the tip's number, e.g. 17.
error-entry-violation-not-found = Violation #{ $number } is not among the records of this entry's region.
error-entry-tip-not-found = Tip #{ $number } is not among the tips of this entry's region.
entry-violation-linked = Violation #{ $number } is linked to entry #{ $entry }.
entry-violation-already = Violation #{ $number } was already linked to entry #{ $entry }.
entry-tip-linked = Tip #{ $number } is linked to entry #{ $entry }.
entry-tip-already = Tip #{ $number } was already linked to entry #{ $entry }.

appeals-title =
    { $count ->
        [one] <b>Appeals</b>: { $count }
       *[other] <b>Appeals</b>: { $count }
    }
appeals-empty = No appeals yet. Write one from an entry of the /register.
appeal-line = #{ $number } · { $addressee } · { $status }
appeal-status-draft = draft, not sent
appeal-status-sent = sent, answer due by { $due }
appeal-status-overdue = ⏰ answer overdue since { $due }
appeal-status-answered = answered
button-open-appeal = Appeal #{ $number }
button-open-appeal-plain = Open the appeal

appeal-ask-addressee = Appeal on entry #{ $number } ({ $body }). To whom is it addressed? The body and its head, e.g. “Akim of Almaty, Mr. …”.
appeal-ask-subject = The subject of the appeal, in one line.
appeal-ask-body = The text of the appeal (up to { $limit } characters). You can edit it in the letter afterwards.
appeal-ask-violations =
    { $chosen ->
        [0] Choose the violations the appeal rests on (their evidence goes in the annex), then press Done.
       *[other] Chosen: { $chosen }. Choose more or press Done.
    }
error-appeal-addressee-short = The addressee is too short: at least { $minimum } characters.
error-appeal-addressee-long = The addressee is too long: { $length } characters, at most { $maximum }.
error-appeal-subject-short = The subject is too short: at least { $minimum } characters.
error-appeal-subject-long = The subject is too long: { $length } characters, at most { $maximum }.
error-appeal-body-short = Please write a little more: at least { $minimum } characters.
error-appeal-body-long = That is too long: { $length } characters, at most { $maximum }.
error-appeal-no-violations = Link at least one violation to entry #{ $number } first: an appeal rests on evidence.
error-appeal-choose-violations = Choose at least one of the entry's violations.
error-appeal-not-found = Appeal #{ $number } is not among the appeals of your regions.
appeal-created = Appeal #{ $number } is written. Here is the letter to edit and send.
appeal-letter-caption = Appeal #{ $number }: the letter, with the evidence and its SHA-256 hashes in the annex.

appeal-card =
    <b>Appeal #{ $number }</b> (entry #{ $entry })
    To: { $addressee }
    Subject: { $subject }
    Status: { $status }
    Violations: { $violations }, evidence files: { $files }
appeal-card-sent = Sent on { $sent }; the answer is due by <b>{ $due }</b> ({ $days } working days).
appeal-card-answer =
    <b>Answer</b> recorded { $at }: { $text }
    Document: { $document }
button-appeal-letter = 📄 The letter (DOCX)
button-appeal-sent = 📮 Record as sent
button-appeal-answer-file = 📎 The answer
button-appeal-answer = 📨 Record the answer

appeal-ask-sent-date = On which day was appeal #{ $number } sent? Type the date (31.12.2026) or press Today. The answer is due { $days } working days later; weekends and public holidays do not count.
error-appeal-sent-date = Please type the date as 31.12.2026.
error-appeal-sent-future = That day has not come yet.
error-appeal-sent-before-written = The appeal was written on { $written }; it cannot have been sent before.
error-appeal-already-sent = Appeal #{ $number } is already recorded as sent.
appeal-sent-recorded = Appeal #{ $number } is recorded as sent. The answer is due by <b>{ $due }</b> ({ $days } working days); you will be reminded.

appeal-ask-answer = Send the answer of { $addressee } to appeal #{ $number }: its text, or the document (with a caption if you like).
error-appeal-answer = Please send the answer's text or its document.
error-appeal-answer-short = Please send the answer's text or its document.
error-appeal-answer-long = That is too long: { $length } characters, at most { $maximum }. Send the answer as a document instead.
error-appeal-answer-kind = Please send the answer as a text or a document (PDF, DOCX…).
error-appeal-not-awaiting = Appeal #{ $number } is not waiting for an answer.
appeal-answer-recorded =
    { $tips ->
        [0] The answer to appeal #{ $number } is recorded.
        [one] The answer to appeal #{ $number } is recorded; { $tips } linked tip is now “answered” and its tipster is told.
       *[other] The answer to appeal #{ $number } is recorded; { $tips } linked tips are now “answered” and their tipsters are told.
    }

appeal-remind-due-soon = ⏳ The answer to appeal #{ $number } ({ $addressee }: { $subject }) is due by <b>{ $due }</b>, in 3 working days.
appeal-remind-due-today = ⏳ The answer to appeal #{ $number } ({ $addressee }: { $subject }) is due <b>today</b>, { $due }.
appeal-remind-overdue = ⏰ The answer to appeal #{ $number } ({ $addressee }: { $subject }) was due by { $due } and has not been recorded. Record it if it came, or follow up with the body.
appeal-remind-escalation = ⏰ The answer to appeal #{ $number } ({ $addressee }: { $subject }) is overdue: it was due by { $due }.

## The letter (DOCX): plain labels, no markup

letter-to = To:
letter-region = Region:
letter-subject = Subject:
letter-violations = Violations recorded by the Anti-corruption Front's commissars
letter-rule = Rule broken:
letter-amount = Sum:
letter-closing = We ask you to consider this appeal and to answer within the time limit set by law.
letter-annex = Annex: evidence
letter-annex-note = Each file is identified by the SHA-256 hash computed when it was received; the same file always gives the same hash.
letter-col-violation = Violation
letter-col-file = File
letter-col-kind = Kind
letter-col-received = Received
letter-col-sha256 = SHA-256
evidence-kind-photo = photo
evidence-kind-video = video
evidence-kind-document = document
evidence-kind-voice = voice message

## Figures on tips and appeals (/stats)

stats-tips-title = <b>Tips</b>, { $period }: { $count }
stats-by-status = By status: { $counts }
stats-by-region = By region: { $counts }
stats-by-category = By category: { $counts }
stats-count = { $name } — { $count }
stats-none = none
stats-medians = Median time to take a tip: { $take }; to resolve it: { $resolve }
stats-duration = { $days } d { $hours } h { $minutes } min
stats-duration-none = —
stats-overdue = Overdue now: assignments { $assignments }; appeals awaiting an answer { $awaiting }, of them overdue { $appeals }
stats-appeals-bodies = Appeals per body (answered / overdue):
stats-appeals-body = { $body }: { $answered } / { $overdue }
stats-chart-title = Tips, { $period }
stats-chart-status = By status
stats-chart-category = By category
stats-chart-region = By region
stats-chart-appeals = Appeals per body
stats-chart-answered = answered
stats-chart-overdue = overdue

## Exports (/export)

export-ask-kind = What do you want to export?
export-kind-tips = Tips
export-kind-violations = Violations
export-kind-appeals = Appeals
export-ask-period = Which period? Press a button or type the dates: 01.01.2026–31.03.2026.
export-period-expected = Please type the period as 01.01.2026–31.03.2026, or press a button.
error-period-format = Please type the period as 01.01.2026–31.03.2026.
error-period-order = The period's first day comes after its last.
error-period-range = That period has not begun yet.
export-ask-region = Which region?
export-all-regions = All regions
export-caption =
    { $count ->
        [one] { $kind }, { $period }, { $region }: { $count } row. The file has no tipster data.
       *[other] { $kind }, { $period }, { $region }: { $count } rows. The file has no tipster data.
    }
