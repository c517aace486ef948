// Offline reconstruction of the ICEGATE 2.0 front office, for icegate-guide's drift tests.
// Angular-like element names; hash routes; a loading overlay that hides once a route renders.
(function () {
  "use strict";

  var BUILD_SUFFIX = "r3pl1c4"; // the real OTP box ids end in a build-specific suffix
  var LOAD_MS = 300; // how long the overlay covers the page after a route change
  var LATE_MS = 2500; // "late-render": the form appears this long after the overlay goes

  // Fault injection for the drift tests: ways a real government SPA behaves that the plain
  // replica does not. The test server sets window.REPLICA_FAULTS; normally it is empty.
  //   advisory-modal          an advisory pop-up covers the page until "Close" is pressed
  //   cookie-bar              a cookie notice covers the page until "Accept" is pressed
  //   undismissable-notice    a notice covers the page and has no button we recognise
  //   new-tab                 the login page's links open in a new tab
  //   full-navigation         the login page's links load a new document (not a hash route)
  //   late-render             the form appears seconds after the loading overlay hides
  //   maintenance-after-load  the app draws a maintenance page instead of the route
  //   maintenance-banner      a healthy page announces a future maintenance window
  //   duplicate-text          "Forgot Password?" appears twice on the login page
  //   quoted-name             the ICEGATE ID label reads "ICEGATE ID: *" (needs YAML quoting)
  var FAULTS = window.REPLICA_FAULTS || [];
  function fault(name) { return FAULTS.indexOf(name) !== -1; }

  function loginForm(extra) {
    return (
      '<app-layout><main><app-login-layout>' +
      '<div id="login-box"><div><form novalidate>' +
      '<div><h1>Login</h1></div>' +
      '<div><label for="icegateId">' + (fault("quoted-name") ? "ICEGATE ID: *" : "ICEGATE ID") +
      "</label>" +
      '<input id="icegateId" type="text" autocomplete="username"></div>' +
      '<div><label for="password">Password</label>' +
      '<input id="password" type="password" autocomplete="current-password"></div>' +
      '<div class="links"><a ' + link("forgot-password") + ">Forgot Password?</a>" +
      "<a " + link("registration") + ">Sign Up</a></div>" +
      (extra || "") +
      '<div><button type="submit" class="btn login">LOGIN</button></div>' +
      "</form></div></div>" +
      (fault("duplicate-text")
        ? '<footer class="help"><a href="#/forgot-password">Forgot Password?</a></footer>'
        : "") +
      "</app-login-layout></main></app-layout>"
    );
  }

  function link(route) {
    if (fault("full-navigation")) return 'href="./?view=' + route + "#/" + route + '"';
    if (fault("new-tab")) return 'href="#/' + route + '" target="_blank" rel="noopener"';
    return 'href="#/' + route + '"';
  }

  function maintenance() {
    return (
      "<app-layout><main><app-maintenance><h1>ICEGATE is under maintenance</h1>" +
      "<p>Please try again after some time.</p></app-maintenance></main></app-layout>"
    );
  }

  function cover(kind, title, text, button) {
    var layer = document.createElement("div");
    layer.className = "replica-cover replica-cover--" + kind;
    if (kind === "modal") {
      layer.setAttribute("role", "dialog");
      layer.setAttribute("aria-modal", "true");
      layer.setAttribute("aria-label", title);
    }
    layer.innerHTML =
      '<div class="replica-cover__box"><p><strong>' + title + "</strong></p><p>" + text +
      "</p>" + '<button type="button">' + button + "</button></div>";
    if (button === "Close" || button === "Accept") {
      layer.querySelector("button").addEventListener("click", function () { layer.remove(); });
    }
    document.body.appendChild(layer);
  }

  var covered = false;
  function coverOnce() {
    if (covered) return;
    covered = true;
    if (fault("advisory-modal")) {
      cover("modal", "Advisory", "New features have been added to ICEGATE 2.0.", "Close");
    }
    if (fault("cookie-bar")) cover("cookies", "Cookies", "This portal uses cookies.", "Accept");
    if (fault("undismissable-notice")) {
      cover("notice", "Notice", "Read the latest advisories before you continue.", "Advisories");
    }
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
    if (fault("maintenance-after-load")) view = maintenance;
    setTimeout(function () {
      overlay.classList.remove("show");
      if (fault("late-render")) {
        setTimeout(function () { draw(root, view); }, LATE_MS);
      } else {
        draw(root, view);
      }
    }, LOAD_MS);
  }

  function draw(root, view) {
    var banner = fault("maintenance-banner")
      ? '<div class="replica-marquee" role="marquee">ICEGATE will be unavailable during ' +
        "scheduled maintenance on Sunday from 02:00 to 06:00 IST.</div>"
      : "";
    root.innerHTML = banner + view();
    root.querySelectorAll("form").forEach(function (form) {
      // The replica never sends anything anywhere.
      form.addEventListener("submit", function (event) { event.preventDefault(); });
    });
    coverOnce();
  }

  window.addEventListener("hashchange", render);
  render();
})();
