// Once a passkey is registered, show it in the list (the page itself works without this).
document.addEventListener("otp_webauthn.register_complete", () => {
  window.setTimeout(() => window.location.reload(), 800);
});
