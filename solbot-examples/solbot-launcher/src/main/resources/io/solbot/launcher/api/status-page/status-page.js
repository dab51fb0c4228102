// The launcher's status page: plain JavaScript over the operator API. The bots' status comes live from the WebSocket
// feed (each event refreshes its bot's row); trades and PnL from the REST routes. The token stays in this tab's
// session storage and goes only to this origin.
"use strict";

const state = { token: null, bots: new Map(), socket: null, refresh: new Set(), timer: null };

function $(id) { return document.getElementById(id); }

function say(text) { $("message").textContent = text || ""; }

async function api(method, path) {
  const response = await fetch(path, { method, headers: { Authorization: "Bearer " + state.token } });
  const body = await response.json().catch(() => ({}));
  if (response.status === 401) {
    sessionStorage.removeItem("solbot.token");
    showLogin("The token was refused: " + (body.error || response.status));
    throw new Error("unauthorized");
  }
  if (!response.ok) {
    throw new Error(body.error || ("HTTP " + response.status));
  }
  return body;
}

function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text === null || text === undefined ? "-" : String(text);
  if (className) td.className = className;
  return td;
}

function pnl(sol) {
  if (sol === null || sol === undefined) return ["-", ""];
  const negative = sol.startsWith("-");
  return [(negative ? "" : "+") + sol, negative ? "neg" : (Number(sol) > 0 ? "pos" : "")];
}

// a cluster node's bots say which node runs each: its name, fence version and last heartbeat
function owner(cluster) {
  if (!cluster.node) return "none (between slices)";
  const beat = cluster.lastHeartbeat ? ", beat " + new Date(cluster.lastHeartbeat).toLocaleTimeString() : "";
  return cluster.node + " (v" + cluster.fenceVersion + beat + ")";
}

function renderBots() {
  const body = $("bots").querySelector("tbody");
  body.replaceChildren();
  const clustered = [...state.bots.values()].some(b => b.cluster !== undefined);
  $("node-column").hidden = !clustered;
  for (const bot of [...state.bots.values()].sort((a, b) => a.botId.localeCompare(b.botId))) {
    const tr = document.createElement("tr");
    tr.dataset.bot = bot.botId;
    const live = bot.live;
    const db = bot.database && bot.database.available ? bot.database : null;
    tr.append(cell(bot.botId), cell(bot.strategy));
    if (clustered) tr.append(cell(bot.cluster ? owner(bot.cluster) : null, "node"));
    const status = cell(bot.status, bot.status || "");
    status.dataset.statusOf = bot.botId;
    tr.append(status);
    tr.append(cell(live ? live.tickCount : null, "num"));
    tr.append(cell(live ? live.openPositions : (db ? db.openPositions.length : null), "num"));
    tr.append(cell(live ? live.trades : (db && db.run ? db.run.trades : null), "num"));
    const [text, sign] = db ? pnl(db.netPnlSol) : ["n/a", ""];
    tr.append(cell(text, "num " + sign));
    const actions = document.createElement("td");
    for (const [action, allowed] of [["pause", ["RUNNING"]], ["resume", ["PAUSED"]], ["stop", ["RUNNING", "PAUSED"]]]) {
      const button = document.createElement("button");
      button.textContent = action;
      button.dataset.action = action;
      button.dataset.bot = bot.botId;
      button.disabled = !live || !allowed.includes(bot.status);
      button.addEventListener("click", () => act(bot.botId, action, button));
      actions.append(button);
    }
    tr.append(actions);
    tr.append(cell(live && live.lastError ? live.lastError : "", "error"));
    body.append(tr);
  }
  $("updated").textContent = "updated " + new Date().toLocaleTimeString();
}

async function act(botId, action, button) {
  button.disabled = true;
  try {
    const status = await api("POST", "/api/bots/" + encodeURIComponent(botId) + "/" + action);
    say("");
    const bot = state.bots.get(botId);
    if (bot) {
      bot.live = status;
      bot.status = status.status;
      renderBots();
    }
  } catch (e) {
    say(action + " " + botId + ": " + e.message);
    button.disabled = false;
  }
}

// every bot, a page of 1,000 at a time, in bot id order
async function loadBots() {
  const bots = new Map();
  let page = await api("GET", "/api/bots?limit=1000");
  for (;;) {
    for (const b of page.items) bots.set(b.botId, b);
    if (!page.next) break;
    page = await api("GET", "/api/bots?limit=1000&after=" + encodeURIComponent(page.next));
  }
  state.bots = bots;
  renderBots();
}

async function loadTrades() {
  const page = await api("GET", "/api/trades?limit=20");
  const body = $("trades").querySelector("tbody");
  body.replaceChildren();
  for (const t of page.items) {
    const tr = document.createElement("tr");
    const [text, sign] = pnl(t.pnlSol);
    tr.append(cell(new Date(t.closedAt).toLocaleTimeString()), cell(t.botId),
      cell(t.mint.slice(0, 4) + "…" + t.mint.slice(-4)), cell(t.exitReason), cell(text, "num " + sign));
    body.append(tr);
  }
}

function log(frame) {
  const box = $("log");
  const line = document.createElement("div");
  line.className = frame.level;
  line.textContent = new Date(frame.ts).toLocaleTimeString() + "  " + frame.botId.padEnd(20) + " " + frame.line;
  box.append(line);
  while (box.childElementCount > 200) box.firstElementChild.remove();
  box.scrollTop = box.scrollHeight;
}

// many events in a burst refresh each bot once
function refreshSoon(botId) {
  state.refresh.add(botId);
  if (state.timer) return;
  state.timer = setTimeout(async () => {
    const ids = [...state.refresh];
    state.refresh.clear();
    state.timer = null;
    for (const id of ids) {
      try {
        state.bots.set(id, await api("GET", "/api/bots/" + encodeURIComponent(id)));
      } catch (e) { /* the next event or the periodic load tries again */ }
    }
    renderBots();
  }, 250);
}

function connect() {
  const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws?token="
    + encodeURIComponent(state.token);
  const socket = new WebSocket(url);
  state.socket = socket;
  socket.onopen = () => { $("connection").textContent = "live"; $("connection").className = "live"; };
  socket.onmessage = message => {
    const frame = JSON.parse(message.data);
    if (frame.channel === "logs") {
      log(frame);
    } else if (frame.channel === "events") {
      const bot = state.bots.get(frame.botId);
      const status = { BotStarted: "RUNNING", BotResumed: "RUNNING", BotPaused: "PAUSED", BotStopped: "STOPPED",
        BotFailed: "FAILED" }[frame.type];
      if (bot && status) {
        bot.status = status;
        if (bot.live) bot.live.status = status;
        renderBots();
      }
      refreshSoon(frame.botId);
      if (frame.type === "OrderFilled") loadTrades().catch(() => {});
    }
  };
  socket.onclose = event => {
    $("connection").textContent = "reconnecting" + (event.reason ? " (" + event.reason + ")" : "");
    $("connection").className = "down";
    setTimeout(() => { loadBots().catch(() => {}); connect(); }, 2000);
  };
}

function showLogin(text) {
  $("main").hidden = true;
  $("login").hidden = false;
  say(text);
}

async function open(token) {
  state.token = token;
  try {
    await loadBots();
  } catch (e) {
    if (e.message !== "unauthorized") say(e.message);
    return;
  }
  sessionStorage.setItem("solbot.token", token);
  $("login").hidden = true;
  $("main").hidden = false;
  say("");
  loadTrades().catch(e => say(e.message));
  connect();
  setInterval(() => { loadBots().catch(() => {}); loadTrades().catch(() => {}); }, 10000);
}

$("login").addEventListener("submit", event => {
  event.preventDefault();
  open($("token").value.trim());
});

// the launcher prints the page's address with the token after '#', which the browser never sends to a server
const fromHash = new URLSearchParams(location.hash.slice(1)).get("token");
if (fromHash) history.replaceState(null, "", location.pathname);
const token = fromHash || sessionStorage.getItem("solbot.token");
if (token) open(token); else showLogin("");
