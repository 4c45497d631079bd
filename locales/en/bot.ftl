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

    <b>Anonymous mode</b> keeps no link at all between a tip and your account. Instead you get a receipt code: keep it, it is the only way back to your tip.

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
