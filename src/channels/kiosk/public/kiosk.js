// Kiosk of a cabine-conseil: starts Web Chat with kiosk channelData, sends the big buttons' sentences, and on
// « Terminer » or after inactivity asks the bot to forget the conversation and clears everything on screen
// (new Direct Line conversation, new Web Chat store, empty send box) so the next person sees nothing.
(function () {
  "use strict";

  var root = document.getElementById("kiosk");
  var host = document.getElementById("chat-host");
  var status = document.getElementById("kiosk-status");
  var warning = document.getElementById("idle-warning");
  var countdown = document.getElementById("idle-countdown");
  if (!root || !host || !window.WebChat) {
    if (status) status.textContent = "La conversation n'a pas pu démarrer. Prévenez l'accueil.";
    return;
  }
  var siteId = root.getAttribute("data-site");
  var region = root.getAttribute("data-region") || "PAC";
  var tokenUrl = root.getAttribute("data-token-url");
  var idleSeconds = Number(root.getAttribute("data-idle-seconds")) || 180;
  var warningSeconds = Number(root.getAttribute("data-warning-seconds")) || 30;
  var texts = {
    book: root.getAttribute("data-book-text"),
    counsellor: root.getAttribute("data-counsellor-text"),
    forget: root.getAttribute("data-forget-text")
  };

  // Large type and 64 px touch targets; every text/background pair is at least 4.5:1 (WCAG 2.1 AA).
  var styleOptions = {
    primaryFont: "Marianne, Arial, sans-serif",
    fontSizeSmall: "80%",
    accent: "#000091",
    subtle: "#3a3a3a",
    timestampColor: "#3a3a3a",
    backgroundColor: "#ffffff",
    bubbleBackground: "#eeeef6",
    bubbleTextColor: "#161616",
    bubbleBorderColor: "#6a6a8a",
    bubbleBorderRadius: 10,
    bubbleFromUserBackground: "#000091",
    bubbleFromUserTextColor: "#ffffff",
    bubbleFromUserBorderColor: "#000091",
    bubbleFromUserBorderRadius: 10,
    bubbleMinHeight: 64,
    sendBoxBackground: "#ffffff",
    sendBoxTextColor: "#161616",
    sendBoxPlaceholderColor: "#3a3a3a",
    sendBoxButtonColor: "#000091",
    sendBoxHeight: 72,
    suggestedActionHeight: 64,
    suggestedActionBorderRadius: 10,
    suggestedActionBackgroundColor: "#ffffff",
    suggestedActionBorderColor: "#000091",
    suggestedActionBorderWidth: 3,
    suggestedActionTextColor: "#000091",
    suggestedActionLayout: "flow",
    hideUploadButton: true,
    transcriptVisualKeyboardIndicatorColor: "#000091",
    transcriptVisualKeyboardIndicatorWidth: 4
  };

  var session = null; // { directLine, store, userId, element }
  var lastActivity = Date.now();
  var ending = false;

  function kioskData(extra) {
    return Object.assign({ region: region, kiosk: true, siteId: siteId }, extra || {});
  }

  function withKioskData(action) {
    var activity = action.payload.activity;
    var channelData = Object.assign({}, activity.channelData, kioskData());
    return Object.assign({}, action, {
      payload: Object.assign({}, action.payload, { activity: Object.assign({}, activity, { channelData: channelData }) })
    });
  }

  function touch() {
    lastActivity = Date.now();
    if (!warning.hidden) hideWarning();
  }

  function start() {
    status.textContent = "";
    return fetch(tokenUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ region: region })
    })
      .then(function (response) {
        if (!response.ok) throw new Error("token " + response.status);
        return response.json();
      })
      .then(function (ticket) {
        var directLine = window.WebChat.createDirectLine({ token: ticket.token, domain: ticket.domain });
        var store = window.WebChat.createStore({}, function (api) {
          return function (next) {
            return function (action) {
              if (action.type === "DIRECT_LINE/CONNECT_FULFILLED") {
                api.dispatch({
                  type: "WEB_CHAT/SEND_EVENT",
                  payload: { name: "webchat/join", value: kioskData({ locale: "fr-FR" }) }
                });
              }
              if (action.type === "DIRECT_LINE/POST_ACTIVITY") action = withKioskData(action);
              if (action.type === "DIRECT_LINE/INCOMING_ACTIVITY") lastActivity = Date.now();
              return next(action);
            };
          };
        });
        // A fresh element per session: nothing of the previous Web Chat instance can survive in the DOM.
        var element = document.createElement("div");
        element.className = "chat";
        host.appendChild(element);
        window.WebChat.renderWebChat(
          {
            directLine: directLine,
            store: store,
            userID: ticket.userId,
            locale: "fr-FR",
            styleOptions: styleOptions,
            overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: "Écrivez votre question ici" }
          },
          element
        );
        session = { directLine: directLine, store: store, userId: ticket.userId, element: element };
        lastActivity = Date.now();
      })
      .catch(function () {
        status.textContent = "Le service est momentanément indisponible. Réessayez dans quelques minutes.";
      });
  }

  function say(text, channelData) {
    if (!session) return;
    touch();
    session.store.dispatch({ type: "WEB_CHAT/SEND_MESSAGE", payload: { text: text, channelData: channelData } });
  }

  function focusSendBox() {
    var input = host.querySelector("input[type=text], textarea");
    if (input) input.focus();
  }

  /** Asks the bot to forget the conversation, waiting at most 3 s: the screen is cleared whatever happens. */
  function forget(old) {
    return new Promise(function (resolve) {
      var done = false;
      var finish = function () {
        if (!done) {
          done = true;
          resolve();
        }
      };
      setTimeout(finish, 3000);
      try {
        old.directLine
          .postActivity({
            type: "message",
            text: texts.forget,
            from: { id: old.userId },
            locale: "fr-FR",
            channelData: kioskData({ kioskReset: true })
          })
          .subscribe(finish, finish);
      } catch (e) {
        finish();
      }
    });
  }

  function endSession(reason) {
    if (ending) return Promise.resolve();
    ending = true;
    hideWarning();
    var old = session;
    session = null;
    // Clear the screen first, so nothing is visible while the server forgets.
    host.innerHTML = "";
    var wait = old ? forget(old) : Promise.resolve();
    return wait
      .then(function () {
        if (old) {
          try {
            old.directLine.end();
          } catch (e) {
            /* already closed */
          }
        }
        return start();
      })
      .then(function () {
        status.textContent =
          reason === "idle"
            ? "L'écran a été effacé après un moment sans action. Vous pouvez commencer."
            : "Session terminée : tout a été effacé. Vous pouvez commencer.";
        document.getElementById("action-question").focus();
      })
      .then(
        function () {
          ending = false;
        },
        function () {
          ending = false;
        }
      );
  }

  function showWarning(secondsLeft) {
    countdown.textContent = String(secondsLeft);
    if (warning.hidden) {
      warning.hidden = false;
      document.getElementById("idle-continue").focus();
    }
  }

  function hideWarning() {
    warning.hidden = true;
  }

  setInterval(function () {
    if (ending || !session) return;
    var idle = (Date.now() - lastActivity) / 1000;
    if (idle >= idleSeconds) {
      endSession("idle");
    } else if (idle >= idleSeconds - warningSeconds) {
      showWarning(Math.ceil(idleSeconds - idle));
    }
  }, 500);

  ["pointerdown", "keydown", "input", "wheel"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (!warning.hidden && event.target && warning.contains(event.target)) return;
      touch();
    }, true);
  });

  document.getElementById("idle-continue").addEventListener("click", function () {
    touch();
    focusSendBox();
  });
  document.getElementById("end-session").addEventListener("click", function () {
    endSession("button");
  });
  document.getElementById("action-question").addEventListener("click", function () {
    touch();
    focusSendBox();
  });
  document.getElementById("action-book").addEventListener("click", function () {
    say(texts.book);
  });
  document.getElementById("action-counsellor").addEventListener("click", function () {
    // The bot reads this to tell advisers the request came from the kiosk's button (KIOSK_TRIGGER).
    say(texts.counsellor, { handoffTrigger: "kiosk" });
  });

  start();
})();
