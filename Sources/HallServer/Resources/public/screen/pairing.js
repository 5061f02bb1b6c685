// Hall screen pairing: an unpaired screen shows a small form in its footer for the pairing code
// from the admin page (设备); the calls show either way, since the screen reads public data only.
// Once paired it reports itself every minute (its last contact on the admin page) and asks again
// when it is revoked.
"use strict";
(() => {
  const storageKey = "hall.screen.deviceToken";
  const $ = (id) => document.getElementById(id);
  let token = null;
  try { token = localStorage.getItem(storageKey); } catch (_) { token = null; }

  function showForm(unpaired) { $("pair-form").hidden = !unpaired; }

  Hall.wireDeviceSetup($("pair-form"), $("pair-code"), storageKey, (value) => {
    token = value;
    $("pair-error").textContent = "";
    showForm(false);
  }, "screen", $("pair-error"));
  Hall.deviceHeartbeat(() => token, (e) => {
    try { localStorage.removeItem(storageKey); } catch (_) { /* private mode */ }
    token = null;
    $("pair-error").textContent = e.message;
    showForm(true);
  });
  showForm(!token);
})();
