// Offline reconstruction of the ICEGATE 2.0 front office, for icegate-guide's drift tests.
// Angular-like element names; hash routes; a loading overlay that hides once a route renders.
(function () {
  "use strict";

  var BUILD_SUFFIX = "r3pl1c4"; // the real OTP box ids end in a build-specific suffix
  var LOAD_MS = 300; // how long the overlay covers the page after a route change

  function loginForm(extra) {
    return (
      '<app-layout><main><app-login-layout>' +
      '<div id="login-box"><div><form novalidate>' +
      '<div><h1>Login</h1></div>' +
      '<div><label for="icegateId">ICEGATE ID</label>' +
      '<input id="icegateId" type="text" autocomplete="username"></div>' +
      '<div><label for="password">Password</label>' +
      '<input id="password" type="password" autocomplete="current-password"></div>' +
      '<div class="links"><a href="#/forgot-password">Forgot Password?</a>' +
      '<a href="#/registration">Sign Up</a></div>' +
      (extra || "") +
      '<div><button type="submit" class="btn login">LOGIN</button></div>' +
      "</form></div></div>" +
      "</app-login-layout></main></app-layout>"
    );
  }

  function otpStep() {
    var boxes = "";
    for (var i = 0; i < 6; i += 1) {
      boxes +=
        '<input class="otp-input" id="otp_' + i + "_" + BUILD_SUFFIX + '" maxlength="1" ' +
        'inputmode="numeric" aria-label="OTP digit ' + (i + 1) + '">';
    }
    return (
      "<app-layout><main><app-internal-verification>" +
      '<div id="login-box"><form novalidate>' +
      "<h1>Verify OTP</h1><p>Enter the OTP sent to your registered e-mail.</p>" +
      '<div class="otp-row">' + boxes + "</div>" +
      '<button type="submit" class="btn primary">Submit</button>' +
      "</form></div></app-internal-verification></main></app-layout>"
    );
  }

  function forgotPassword() {
    return (
      "<app-layout><main><app-forgot-password>" +
      '<div id="login-box"><form novalidate><h1>Forgot Password</h1>' +
      '<div class="field"><label for="forgotIcegateId">ICEGATE ID</label>' +
      '<input id="forgotIcegateId" type="text"></div>' +
      '<button type="submit" class="btn primary">Submit</button>' +
      "</form></div></app-forgot-password></main></app-layout>"
    );
  }

  function registration() {
    return (
      "<app-layout><main><app-registration>" +
      '<div id="login-box"><form novalidate><h1>Registration</h1>' +
      '<div><input type="radio" id="fresh" name="regType" checked>' +
      '<label for="fresh">Fresh Registration</label></div>' +
      '<div><input type="radio" id="continueRef" name="regType">' +
      '<label for="continueRef">Continue Using Reference ID</label></div>' +
      '<button type="submit" class="btn primary">Proceed</button>' +
      "</form></div></app-registration></main></app-layout>"
    );
  }

  var routes = {
    "#/login": function () { return loginForm(); },
    "#/forgot-password": forgotPassword,
    "#/registration": registration,
    "#/replica/otp-step": otpStep,
    "#/replica/login-failed": function () {
      return loginForm('<div class="error" role="alert">Invalid Credentials</div>');
    },
  };

  function render() {
    var overlay = document.querySelector("div.overlay");
    var root = document.querySelector("app-root");
    overlay.classList.add("show");
    root.innerHTML = "";
    var view = routes[location.hash] || routes["#/login"];
    setTimeout(function () {
      root.innerHTML = view();
      root.querySelectorAll("form").forEach(function (form) {
        // The replica never sends anything anywhere.
        form.addEventListener("submit", function (event) { event.preventDefault(); });
      });
      overlay.classList.remove("show");
    }, LOAD_MS);
  }

  window.addEventListener("hashchange", render);
  render();
})();
