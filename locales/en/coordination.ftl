## Coordination: invitations, moderation, the catalog and the audit log

command-invite = Invite someone into a role with a link
command-invites = Active invitations; revoke one
command-block = Block an account
command-unblock = Unblock an account
command-catalog = Regions, tip categories and their service levels
command-audit = The audit log: who did what, and when

error-nationwide-only = Only a coordinator for the whole country may do this.

## /invite

invite-ask-role = Which role does the invitation give?
invite-ask-region = For which region?
invite-ask-uses = How many people may use the link? Press a button or send a number from 1 to { $most }.
button-invite-uses =
    { $count ->
        [one] { $count } person
       *[other] { $count } people
    }
invite-ask-lifetime = How long is the link valid?
button-invite-days =
    { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
invite-created =
    Invitation ready: <b>{ $role }</b>, { $uses } use(s), valid until { $expires }.

    { $link }

    Send this link only to the people it is meant for: whoever opens it gets the role. The bot shows it once and keeps no copy.
error-invite-uses = Send a whole number from 1 to { $most }.
error-invite-region = You may invite only into your own regions.
error-invite-not-found = There is no such invitation.
error-invite-already-revoked = This invitation has already been revoked.

## /invites

invites-empty = No invitation is active now. /invite makes one.
invites-title =
    { $count ->
        [one] <b>{ $count } active invitation:</b>
       *[other] <b>{ $count } active invitations:</b>
    }
invites-line = #{ $id } · { $role } · { $left } of { $uses } uses left · until { $expires } · by { $creator }
invites-revoke-hint = Revoke an invitation:
button-invite-revoke = ✕ Revoke #{ $id }
invite-revoked = Invitation #{ $id } is revoked: its link no longer works.

## Opening an invitation

invite-welcome =
    Welcome to the Anti-corruption Front! You are now: <b>{ $role }</b>.

    Your new commands (they are in the menu too):
    { $commands }

    /help shows everything you can do.
error-invite-invalid = This invitation is not valid. Ask the coordinator who sent it for a new link.
error-invite-expired = This invitation has expired. Ask the coordinator who sent it for a new link.
error-invite-used = This invitation has already been used by as many people as it was meant for. Ask the coordinator for a new link.
error-invite-revoked = This invitation was revoked by the coordinators.
error-invite-opened-before = You have already used this invitation. If your role was taken away since, ask a coordinator.
error-invite-already-held = You already hold this role. Nothing has changed.
error-invite-wait = Too many invalid invitation links. Try again in { $minutes } min.

## /block, /unblock

block-ask-person = Whom to block? Send their @username or Telegram id.
block-ask-reason = Why is { $person } being blocked? Write the reason in a sentence: it goes into the audit log.
block-confirm =
    Block { $person }?

    Reason: { $reason }

    The bot will answer this account with a polite refusal and accept nothing from it; its roles stay until someone revokes them.
button-block = ⛔ Block
block-done = Blocked: { $person }.
block-already = This account is already blocked: { $person }.
unblock-ask-person = Whom to unblock? Send their @username or Telegram id.
unblock-confirm = Unblock { $person }? The bot will work for this account again.
button-unblock = ✓ Unblock
unblock-done = Unblocked: { $person }.
unblock-not-blocked = This account is not blocked: { $person }.
error-block-reason-short = The reason is too short: at least { $minimum } characters.
error-block-reason-long = The reason is too long: { $length } characters, at most { $maximum }.
error-block-unknown = Nobody with { $reference } has written to the bot.
error-block-self = You cannot block yourself.
error-block-coordinator = A coordinator cannot be blocked. Revoke the coordinator role first (/revoke).
error-block-outside-region = You moderate only the people of your region(s): this person holds a role elsewhere, or lives elsewhere.

## /audit

audit-title =
    { $count ->
        [one] <b>Audit log: { $count } entry</b>
       *[other] <b>Audit log: { $count } entries</b>
    }
audit-filtered = Only: { $filters }
audit-filter-person = by or about { $person }
audit-filter-period = { $first } – { $last }
audit-empty = Nothing here.
audit-line = { $at } · { $who } · <b>{ $action }</b> · { $object } { $details }
audit-actor =
    { $kind ->
        [shell] the operator's shell
        [tipster] a tipster
       *[system] the bot itself
    }
audit-object =
    { $kind ->
        [user] person
        [tip] tip
        [invite] invitation
        [check] check
        [violation] violation
        [reception] reception
        [category] category
        [region] region
       *[other] { $kind }
    } #{ $id }
audit-action =
    { $action ->
        [role-grant] role granted
        [role-revoke] role revoked
        [invite-created] invitation made
        [invite-revoked] invitation revoked
        [invite-redeemed] invitation opened
        [user-blocked] account blocked
        [user-unblocked] account unblocked
        [tip-submitted] tip sent
        [tip-withdrawn] tip withdrawn
        [tip-status] tip status changed
        [tip-question] question to a tipster
        [tip-answer] tipster's answer
        [tip-follow_up] follow-up answered
        [tip-evidence_viewed] tip's evidence viewed
        [tip-reassigned] tip reassigned
        [check-planned] check planned
        [check-done] check finished
        [check-cancelled] check cancelled
        [violation-recorded] violation recorded
        [violation-evidence_added] evidence added to a violation
        [violation-evidence_viewed] violation's evidence viewed
        [reception-published] reception published
        [reception-cancelled] reception cancelled
        [category-created] category added
        [category-changed] category changed
        [region-changed] region changed
        [audit-viewed] audit log read
        [broadcast-sent] announcement sent
        [broadcast-scheduled] announcement scheduled
        [broadcast-cancelled] announcement stopped
        [retention-purged] old tips' texts removed
        [appeal-created] appeal written
        [appeal-letter] appeal letter made
        [appeal-sent] appeal sent
        [appeal-overdue] appeal overdue
        [appeal-answered] appeal answered
        [export-created] data exported
        [risk-created] register entry made
        [risk-closed] register entry closed
        [risk-tip_linked] tip linked to an entry
        [risk-violation_linked] violation linked to an entry
       *[other] { $action }
    }
button-audit-person = 👤 Person
button-audit-action = ⚙ Action
button-audit-period = 📅 Period
button-audit-clear = ✕ All entries
button-audit-any-action = Any action
audit-ask-action = Which action?
audit-ask-person = Whose entries (what they did and what was done to them)? Send their @username or Telegram id.
audit-ask-period = Which period? Send two dates, for example 01.11.2026–30.11.2026, or one day.
error-audit-period = Send the period as two dates, for example 01.11.2026–30.11.2026 (the first not after the second), or one date.

## /catalog

catalog-title = <b>Tip categories</b> (press one to change it):
catalog-category-line = <b>{ $name }</b> ({ $code }, { $status }): first action within { $first }, resolved within { $resolve }
catalog-active = active
catalog-inactive = switched off
catalog-days =
    { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
catalog-hours =
    { $count ->
        [one] { $count } hour
       *[other] { $count } hours
    }
catalog-choose = Choose a category:
catalog-names = Russian: { $ru }
    Kazakh: { $kk }
    English: { $en }
button-catalog-add = + New category
button-catalog-regions = 🗺 Regions
button-catalog-rename = ✎ Name { $language }
button-catalog-sla = ⏱ Service levels
button-catalog-deactivate = Switch off
button-catalog-activate = Switch on
catalog-off-mark = ⏸
catalog-regions-title = <b>Regions</b> (⏸ switched off). Press one to rename it or switch it on or off:
catalog-region-line = <b>{ $name }</b> ({ $code }, { $status })
catalog-ask-name = Send the new name in { $language }.
catalog-ask-new-name = A new category. Send its name in { $language }.
catalog-added = Category added: <b>{ $name }</b> ({ $code }). Service levels are the default ones; change them below if needed.
catalog-ask-first-action = “{ $name }”: within how long must a commissar first act on a tip taken? Now: { $current }. Send hours or days, for example 12h or 3d (from 1 hour to 30 days).
catalog-ask-resolve = And within how long must the tip be resolved? Now: { $current }. Send hours or days, for example 14d (not less than the first action, at most 365 days).
catalog-sla-saved = Saved. The new service levels apply to tips taken from now on; tips already taken keep their deadlines.
error-catalog-name-short = The name is too short: at least { $minimum } characters.
error-catalog-name-long = The name is too long: { $length } characters, at most { $maximum }.
error-catalog-duration = Send a number of hours or days, for example 12h or 3d.
error-catalog-first-action = The first action must be due within 1 hour to 30 days.
error-catalog-resolve = The resolution must be due no sooner than the first action and within 365 days.
error-catalog-unknown = There is no such category or region.
error-catalog-code-taken = A category with this code already exists.
