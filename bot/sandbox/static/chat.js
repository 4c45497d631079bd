"use strict";
// The sandbox web chat: act as one person, talk to the bot through the local Bot API server.

const api = "/sandbox/api";
const $ = (id) => document.getElementById(id);
const state = { person: null, cursor: 0, poll: null, messages: new Map(), menu: [] };

async function call(method, path, body) {
  const options = { method, headers: {} };
  if (body instanceof FormData) options.body = body;
  else if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(api + path, options);
  const data = await response.json();
  if (!response.ok) throw new Error(data.description || response.statusText);
  return data;
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

const TAGS = {
  bold: ["<b>", "</b>"], italic: ["<i>", "</i>"], underline: ["<u>", "</u>"],
  strikethrough: ["<s>", "</s>"], code: ["<code>", "</code>"], pre: ["<pre>", "</pre>"],
  spoiler: ['<span class="spoiler">', "</span>"], blockquote: ["<blockquote>", "</blockquote>"],
  expandable_blockquote: ["<blockquote>", "</blockquote>"],
};

// Text plus Telegram entities (UTF-16 offsets, as JavaScript strings count) to safe HTML.
function renderEntities(text, entities) {
  const opens = new Map(), closes = new Map();
  for (const entity of entities || []) {
    let pair = TAGS[entity.type];
    if (entity.type === "text_link" && /^(https?|tg|mailto):/i.test(entity.url || "")) {
      pair = [`<a href="${escapeHtml(entity.url)}" target="_blank" rel="noopener">`, "</a>"];
    }
    if (entity.type === "url") {
      const url = text.slice(entity.offset, entity.offset + entity.length);
      pair = /^https?:/i.test(url) ? [`<a href="${escapeHtml(url)}" target="_blank" rel="noopener">`, "</a>"] : ["<u>", "</u>"];
    }
    if (entity.type === "bot_command") pair = ['<a href="#" class="command">', "</a>"];
    if (!pair) continue;
    const end = entity.offset + entity.length;
    if (!opens.has(entity.offset)) opens.set(entity.offset, []);
    if (!closes.has(end)) closes.set(end, []);
    opens.get(entity.offset).push(pair[0]);
    closes.get(end).unshift(pair[1]);
  }
  let html = "";
  for (let i = 0; i <= text.length; i++) {
    if (closes.has(i)) html += closes.get(i).join("");
    if (opens.has(i)) html += opens.get(i).join("");
    if (i < text.length) html += escapeHtml(text[i]);
  }
  return html;
}

function fileUrl(file) { return `/sandbox/files/${encodeURIComponent(file.file_id)}`; }

function sizeAttributes(file) {
  const size = (value) => Number.isInteger(value) && value > 1;
  return size(file.width) && size(file.height) ? ` width="${file.width}" height="${file.height}"` : "";
}

function renderMessage(message) {
  const mine = !message.from.is_bot;
  const node = document.createElement("div");
  node.className = "msg" + (mine ? " mine" : "");
  node.dataset.id = message.message_id;
  let body = "";
  if (message.photo) {
    const photo = message.photo[message.photo.length - 1];
    body += `<img alt="photo"${sizeAttributes(photo)} src="${fileUrl(photo)}">`;
  }
  if (message.video) body += `<video controls${sizeAttributes(message.video)} src="${fileUrl(message.video)}"></video>`;
  if (message.voice) body += `<audio controls src="${fileUrl(message.voice)}"></audio>`;
  if (message.document) {
    body += `<a class="file" target="_blank" rel="noopener" href="${fileUrl(message.document)}">📄 ${escapeHtml(message.document.file_name || "document")}</a>`;
  }
  if (message.location) {
    const { latitude, longitude } = message.location;
    body += `<a class="file" target="_blank" rel="noopener" href="https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}">📍 ${latitude.toFixed(5)}, ${longitude.toFixed(5)}</a>`;
  }
  if (message.text !== undefined) body += renderEntities(message.text, message.entities);
  if (message.caption !== undefined) body += renderEntities(message.caption, message.caption_entities);
  node.innerHTML = body;
  const keyboard = message.reply_markup && message.reply_markup.inline_keyboard;
  if (keyboard) node.appendChild(renderInlineKeyboard(message, keyboard));
  const meta = document.createElement("span");
  meta.className = "meta";
  const time = new Date((message.edit_date || message.date) * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  meta.textContent = (message.edit_date ? "edited " : "") + time;
  node.appendChild(meta);
  return node;
}

function renderInlineKeyboard(message, rows) {
  const box = document.createElement("div");
  box.className = "keyboard";
  for (const row of rows) {
    const line = document.createElement("div");
    line.className = "row";
    for (const button of row) {
      let element;
      if (button.url) {
        element = document.createElement("a");
        element.href = button.url; element.target = "_blank"; element.rel = "noopener";
      } else {
        element = document.createElement("button");
        element.type = "button";
        element.addEventListener("click", async () => {
          element.classList.add("pending"); // until the bot answers the press, or gives up
          setTimeout(() => element.classList.remove("pending"), 10000);
          if (!(await press(message.message_id, button.callback_data))) element.classList.remove("pending");
        });
      }
      element.textContent = button.text;
      line.appendChild(element);
    }
    box.appendChild(line);
  }
  return box;
}

function scrollDown() { const box = $("messages"); box.scrollTop = box.scrollHeight; }
function nearBottom() { const box = $("messages"); return box.scrollHeight - box.scrollTop - box.clientHeight < 60; }

function putMessage(message) {
  const box = $("messages");
  const node = renderMessage(message);
  const old = state.messages.get(message.message_id);
  if (old) box.replaceChild(node, old); else box.appendChild(node);
  state.messages.set(message.message_id, node);
}

function renderReplyKeyboard(markup) {
  const box = $("reply-keyboard");
  const stick = nearBottom();
  box.innerHTML = "";
  box.hidden = !markup;
  for (const row of markup ? markup.keyboard : []) {
    const line = document.createElement("div");
    line.className = "row";
    for (const raw of row) {
      const button = typeof raw === "string" ? { text: raw } : raw;
      const element = document.createElement("button");
      element.type = "button";
      element.textContent = button.text;
      element.addEventListener("click", () => {
        if (markup.one_time_keyboard) box.hidden = true;
        if (button.request_location) shareLocation(); else sendText(button.text);
      });
      line.appendChild(element);
    }
    box.appendChild(line);
  }
  if (stick) scrollDown();
}

function renderMenu(commands) {
  state.menu = commands;
  const box = $("menu");
  box.innerHTML = "";
  if (!commands.length) { box.innerHTML = '<div class="empty">No commands yet: send /start</div>'; return; }
  for (const item of commands) {
    const button = document.createElement("button");
    button.type = "button";
    button.setAttribute("role", "menuitem");
    button.innerHTML = `<b>/${escapeHtml(item.command)}</b><span>${escapeHtml(item.description)}</span>`;
    button.addEventListener("click", () => { showMenu(false); sendText("/" + item.command); });
    box.appendChild(button);
  }
}

let toastTimer = null;
function toast(text, alertBox) {
  if (alertBox) {
    $("alert-text").textContent = text;
    if (!$("alert-dialog").open) $("alert-dialog").showModal();
    return;
  }
  const box = $("toast");
  box.textContent = text; box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, 2500);
}

let typingTimer = null;
function apply(event) {
  switch (event.kind) {
    case "message": putMessage(event.message); scrollDown(); $("typing").hidden = true; break;
    case "edit": { const stick = nearBottom(); putMessage(event.message); if (stick) scrollDown(); break; }
    case "delete": { const node = state.messages.get(event.message_id); if (node) node.remove(); state.messages.delete(event.message_id); break; }
    case "keyboard": renderReplyKeyboard(event.keyboard); break;
    case "menu": renderMenu(event.commands); break;
    case "callback_answer":
      for (const node of document.querySelectorAll(".keyboard .pending")) node.classList.remove("pending");
      if (event.text) toast(event.text, event.show_alert);
      break;
    case "action":
      $("typing").hidden = false; clearTimeout(typingTimer);
      typingTimer = setTimeout(() => { $("typing").hidden = true; }, 5000); break;
  }
}

async function pollEvents(personId, controller) {
  while (!controller.signal.aborted) {
    try {
      const response = await fetch(`${api}/chats/${personId}/events?after=${state.cursor}&timeout=25`, { signal: controller.signal });
      const data = await response.json();
      if (!response.ok) throw new Error(data.description);
      for (const event of data.events) apply(event);
      state.cursor = data.cursor;
    } catch (error) {
      if (controller.signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
  }
}

async function selectPerson(personId) {
  if (state.poll) state.poll.abort();
  state.person = personId;
  location.hash = String(personId);
  const view = await call("GET", `/chats/${personId}`);
  state.messages.clear();
  $("messages").innerHTML = "";
  for (const message of view.messages) putMessage(message);
  renderReplyKeyboard(view.reply_keyboard);
  renderMenu(view.menu);
  state.cursor = view.cursor;
  scrollDown();
  state.poll = new AbortController();
  pollEvents(personId, state.poll);
}

async function loadPeople(selectId) {
  const people = await call("GET", "/people");
  const select = $("person");
  select.innerHTML = "";
  for (const person of people) {
    const option = document.createElement("option");
    option.value = person.id;
    option.textContent = person.label ? `${person.first_name} — ${person.label}` : `${person.first_name} (${person.id})`;
    select.appendChild(option);
  }
  const known = (id) => people.some((person) => person.id === id);
  const wanted = [selectId, Number(location.hash.slice(1))].find(known) || (people[0] && people[0].id);
  if (wanted) { select.value = String(wanted); await selectPerson(wanted); }
}

async function sendText(text) {
  if (!text.trim()) return;
  try { await call("POST", `/chats/${state.person}/messages`, { text }); }
  catch (error) { toast(error.message); }
}

async function press(messageId, data) {
  try { await call("POST", `/chats/${state.person}/presses`, { message_id: messageId, data }); return true; }
  catch (error) { toast(error.message); return false; }
}

function kindOf(file) {
  if (file.type.startsWith("image/") && !file.type.includes("svg")) return "photo";
  if (file.type.startsWith("video/")) return "video";
  if (file.type.startsWith("audio/")) return "voice";
  return "document";
}

async function sendFiles(files) {
  const caption = $("text").value.trim();
  try {
    if (files.length === 1) {
      const form = new FormData();
      form.append("kind", kindOf(files[0]));
      if (caption) form.append("caption", caption);
      form.append("file", files[0], files[0].name);
      await call("POST", `/chats/${state.person}/messages`, form);
    } else {
      const form = new FormData();
      form.append("kinds", JSON.stringify(files.slice(0, 10).map(kindOf)));
      if (caption) form.append("caption", caption);
      files.slice(0, 10).forEach((file, index) => form.append(`file${String(index).padStart(2, "0")}`, file, file.name));
      await call("POST", `/chats/${state.person}/album`, form);
    }
    $("text").value = "";
    fitText();
  } catch (error) { toast(error.message); }
}

function shareLocation() {
  const send = (latitude, longitude) => call("POST", `/chats/${state.person}/messages`, { latitude, longitude }).catch((e) => toast(e.message));
  const almaty = [43.238949, 76.889709];
  if (!navigator.geolocation) return send(...almaty);
  navigator.geolocation.getCurrentPosition(
    (position) => send(position.coords.latitude, position.coords.longitude),
    () => send(...almaty),
    { timeout: 3000 },
  );
}

// The message field grows with its text, up to its CSS max-height.
function fitText() {
  const field = $("text"), stick = nearBottom();
  field.style.height = "auto";
  if (field.value) field.style.height = field.scrollHeight + 2 + "px";
  if (stick) scrollDown();
}

function showMenu(open) {
  const menu = $("menu");
  menu.style.bottom = $("composer").offsetHeight + 8 + "px";
  menu.hidden = !open;
  $("menu-button").setAttribute("aria-expanded", String(open));
  if (open && menu.firstElementChild) menu.firstElementChild.focus();
}

$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = $("text").value;
  $("text").value = "";
  fitText();
  sendText(text);
});
$("text").addEventListener("input", fitText);
$("text").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) { event.preventDefault(); $("composer").requestSubmit(); }
});
$("menu-button").addEventListener("click", () => showMenu($("menu").hidden));
$("menu").addEventListener("keydown", (event) => {
  if (event.key === "Escape") { showMenu(false); $("menu-button").focus(); }
});
$("attach").addEventListener("click", () => $("file").click());
$("file").addEventListener("change", () => { sendFiles(Array.from($("file").files)); $("file").value = ""; });
$("location").addEventListener("click", shareLocation);
$("person").addEventListener("change", () => selectPerson(Number($("person").value)));
$("new-person").addEventListener("click", () => $("person-dialog").showModal());
$("person-form").addEventListener("submit", async (event) => {
  if (event.submitter && event.submitter.value !== "ok") return;
  const data = Object.fromEntries(new FormData($("person-form")));
  try {
    const person = await call("POST", "/people", { first_name: data.first_name, username: data.username || null, language_code: data.language_code });
    $("person-form").reset();
    await loadPeople(person.id);
  } catch (error) { toast(error.message); }
});
$("messages").addEventListener("click", (event) => {
  const command = event.target.closest("a.command");
  if (!command) return;
  event.preventDefault();
  sendText(command.textContent);
});
document.addEventListener("click", (event) => {
  if (!$("menu").hidden && !$("menu").contains(event.target) && event.target !== $("menu-button")) showMenu(false);
});

call("GET", "/info").then((info) => { $("bot-name").textContent = info.bot.first_name; }).catch(() => {});
loadPeople();
