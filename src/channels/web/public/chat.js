// Starts Web Chat on the page: gets a Direct Line token from this server (the secret stays server-side),
// tells the bot the user's region, and shows a plain French message when the service is unavailable.
(function () {
  "use strict";

  var host = document.getElementById("chat");
  var status = document.getElementById("chat-status");
  if (!host || !window.WebChat) {
    if (status) status.textContent = "La conversation n'a pas pu démarrer. Veuillez recharger la page.";
    return;
  }
  var region = host.getAttribute("data-region") || "PAC";
  var tokenUrl = host.getAttribute("data-token-url") || "/api/directline/token";

  // Colours chosen for WCAG 2.1 AA: every text/background pair below is at least 4.5:1.
  var styleOptions = {
    primaryFont: "Marianne, Arial, sans-serif",
    fontSizeSmall: "85%",
    accent: "#000091",
    subtle: "#595959",
    timestampColor: "#595959",
    backgroundColor: "#ffffff",
    bubbleBackground: "#f0f0f5",
    bubbleTextColor: "#161616",
    bubbleBorderColor: "#c1c1d6",
    bubbleBorderRadius: 8,
    bubbleMaxWidth: 640,
    bubbleFromUserBackground: "#000091",
    bubbleFromUserTextColor: "#ffffff",
    bubbleFromUserBorderColor: "#000091",
    bubbleFromUserBorderRadius: 8,
    sendBoxBackground: "#ffffff",
    sendBoxTextColor: "#161616",
    sendBoxPlaceholderColor: "#595959",
    sendBoxButtonColor: "#000091",
    sendBoxHeight: 56,
    hideUploadButton: true,
    transcriptVisualKeyboardIndicatorColor: "#000091",
    transcriptVisualKeyboardIndicatorWidth: 3
  };

  function fail() {
    status.textContent =
      "Le service de conversation est momentanément indisponible. Veuillez réessayer dans quelques minutes.";
  }

  function withRegion(action) {
    // Every activity carries the region, so the bot knows it even on a resumed conversation.
    var activity = action.payload.activity;
    var channelData = Object.assign({}, activity.channelData, { region: region });
    return Object.assign({}, action, {
      payload: Object.assign({}, action.payload, { activity: Object.assign({}, activity, { channelData: channelData }) })
    });
  }

  fetch(tokenUrl, {
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
                payload: { name: "webchat/join", value: { region: region, locale: "fr-FR" } }
              });
            }
            if (action.type === "DIRECT_LINE/POST_ACTIVITY") action = withRegion(action);
            return next(action);
          };
        };
      });
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          store: store,
          userID: ticket.userId,
          locale: "fr-FR",
          styleOptions: styleOptions,
          overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: "Écrivez votre question ici" }
        },
        host
      );
      status.textContent = "";
    })
    .catch(fail);
})();
