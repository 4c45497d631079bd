command-broadcast = Send an announcement to subscribers or volunteers
command-broadcasts = My announcements: progress, acknowledgements, stop

broadcast-ask-message =
    <b>New announcement</b>
    Send me the message exactly as people should receive it: a text (bold, italics and links are kept), or a photo, video or document with a caption.
error-broadcast-content = An announcement is a text, or a photo, video or document with a caption. Send one of those, or /cancel.
broadcast-ask-audience = Who should receive it?
button-audience-all = 📣 All subscribers
button-audience-region = 📍 Subscribers in one region
button-audience-role = 👥 Volunteers of one role
button-audience-role-region = 👥📍 Volunteers of one role in one region
error-broadcast-audience = That choice is not available here. Start again with /broadcast.
error-broadcast-region = You may send announcements only to your own region(s).
broadcast-ask-role = Which volunteers?
broadcast-role-commissar = Commissars
broadcast-role-ambassador = Ambassadors of change
broadcast-role-ombudsman = Ombudsmen
broadcast-role-coordinator = Coordinators
broadcast-ask-region = Which region?
broadcast-ask-acknowledge = Add an «I have read it» button? You will see how many people pressed it.
button-broadcast-with-ack = ✅ With the button
button-broadcast-without-ack = Without it
broadcast-audience-all = all subscribers
broadcast-audience-region = subscribers in { $region }
broadcast-audience-role = { $role }
broadcast-audience-role-region = { $role } in { $region }
broadcast-ack-yes = with the «I have read it» button
broadcast-ack-no = without a button
broadcast-summary =
    ☝️ This is how recipients will see it.
    <b>To:</b> { $audience }
    <b>Recipients:</b> { $count }
    { $acknowledge }
broadcast-nobody = Nobody is in this audience right now, so there is nothing to send.
button-broadcast-send-now = 🚀 Send now
button-broadcast-schedule = 🕒 Schedule
broadcast-ask-time = When should it go out? Type the local date and time, like 31.12.2026 09:00.
error-broadcast-time = Type the date and time like 31.12.2026 09:00.
error-broadcast-time-range = Choose a moment later than now and within two months.
error-broadcast-already-sent = This message has already been sent as an announcement.
broadcast-confirmed =
    📣 Announcement #{ $number } is on its way to { $count ->
        [one] { $count } person
       *[other] { $count } people
    }. Its progress is shown below.
broadcast-scheduled =
    🕒 Announcement #{ $number } will go out on { $at } to { $count ->
        [one] { $count } person
       *[other] { $count } people
    }. /broadcasts shows it and lets you stop it.
broadcasts-empty = You have not sent any announcements yet. /broadcast composes one.
broadcasts-title = <b>Latest announcements</b>
broadcast-line =
    #{ $number } · { $at } · { $status }
    delivered { $sent } of { $total }, blocked the bot { $blocked }, not delivered { $failed }{ $acknowledge ->
        [true] , read { $acknowledged }
       *[false] {""}
    }
broadcast-status-scheduled = 🕒 scheduled
broadcast-status-sending = 📤 sending
broadcast-status-done = ✅ sent
broadcast-status-cancelled = ⛔ stopped
button-broadcast-stop-number = ⛔ Stop #{ $number }
button-broadcast-stop = ⛔ Stop
broadcast-stop-confirm = Stop announcement #{ $number }? Those who have received it keep it; nobody else will get it.
button-broadcast-stop-yes = ⛔ Yes, stop it
button-broadcast-keep = No, let it go on
broadcast-stopped = ⛔ Announcement #{ $number } is stopped: { $sent } of { $total } had received it.
button-broadcast-acknowledge = ✅ I have read it
broadcast-acknowledged = Thank you, noted.
broadcast-acknowledged-before = You have already confirmed it.
error-broadcast-preview = This is the preview: the button works for recipients.
error-broadcast-unknown = This announcement was not found.
error-broadcast-not-yours = Only its author or a coordinator can do that.
error-broadcast-finished = This announcement has already finished.
broadcast-progress-scheduled =
    🕒 <b>Announcement #{ $number }</b> will go out on { $at } to { $total } recipients.
broadcast-progress-sending =
    📤 <b>Announcement #{ $number }</b> is being sent
    Delivered: { $sent } of { $total }
    Blocked the bot: { $blocked } · not delivered: { $failed }
    Left: { $left } · about { $eta } to go
broadcast-progress-done =
    ✅ <b>Announcement #{ $number }</b> is sent
    Delivered: { $sent } of { $total }
    Blocked the bot: { $blocked } · not delivered: { $failed }
    /broadcasts shows how many have read it.
broadcast-progress-stopped =
    ⛔ <b>Announcement #{ $number }</b> was stopped
    Delivered: { $sent } of { $total } · not sent: { $cancelled }
    Blocked the bot: { $blocked } · not delivered: { $failed }

outcome-tip-resolved = ✅ <b>Resolved</b>: a report of { $category } in { $region } was checked by our volunteers and resolved { $days } { $days ->
        [one] day
       *[other] days
    } after it was received.
tip-card-purged = <i>(the text of this report has been removed: it was closed long ago)</i>
broadcast-goes-on = Good, the announcement goes on.
outcome-appeal-answered = 📨 <b>Answered</b>: «{ $addressee }» ({ $region }) answered our ambassadors' appeal of { $sent }{ $late ->
        [true] , after the legal term (due { $due }).
       *[false] {" "}within the legal term.
    }
outcome-appeal-overdue = ⏰ <b>No answer</b>: «{ $addressee }» ({ $region }) has not answered our ambassadors' appeal of { $sent }; the legal term ended on { $due }.
