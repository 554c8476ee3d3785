/* CrossChat website widget loader: CrossChat.init({ websiteToken }) adds a launcher and the chat frame. */
(function () {
  if (window.CrossChat && window.CrossChat.__loaded) return;
  var script = document.currentScript;
  var origin = script ? new URL(script.src).origin : window.location.origin;
  var state = { frame: null, launcher: null, open: false, pendingUser: null, options: null };

  function post(message) {
    if (state.frame && state.frame.contentWindow) state.frame.contentWindow.postMessage(Object.assign({ source: 'crosschat-host' }, message), origin);
  }

  function setOpen(open) {
    state.open = open;
    if (!state.frame) return;
    state.frame.style.opacity = open ? '1' : '0';
    state.frame.style.transform = open ? 'translateY(0)' : 'translateY(12px)';
    state.frame.style.pointerEvents = open ? 'auto' : 'none';
    state.launcher.setAttribute('aria-expanded', String(open));
    state.launcher.innerHTML = open
      ? '<svg width="22" height="22" viewBox="0 0 15 15" fill="none"><path d="M11.8 3.2a.5.5 0 0 0-.7 0L7.5 6.8 3.9 3.2a.5.5 0 1 0-.7.7l3.6 3.6-3.6 3.6a.5.5 0 0 0 .7.7l3.6-3.6 3.6 3.6a.5.5 0 0 0 .7-.7L8.2 7.5l3.6-3.6a.5.5 0 0 0 0-.7z" fill="currentColor"/></svg>'
      : '<svg width="24" height="24" viewBox="0 0 24 24" fill="none"><path d="M4 6.5A2.5 2.5 0 0 1 6.5 4h11A2.5 2.5 0 0 1 20 6.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.5 3.5V17A2.5 2.5 0 0 1 4 14.5z" fill="currentColor"/></svg>';
    if (open) post({ type: 'open' });
  }

  function init(options) {
    if (!options || !options.websiteToken) throw new Error('CrossChat.init needs { websiteToken }');
    if (state.frame) return;
    state.options = options;
    var right = (options.position || 'bottom-right') !== 'bottom-left';
    var side = right ? 'right' : 'left';
    var launcher = document.createElement('button');
    launcher.type = 'button';
    launcher.setAttribute('aria-label', 'Open chat');
    launcher.setAttribute('data-crosschat', 'launcher');
    launcher.style.cssText = 'position:fixed;bottom:20px;' + side + ':20px;width:56px;height:56px;border-radius:50%;border:0;cursor:pointer;z-index:2147483000;color:#fff;display:grid;place-items:center;box-shadow:0 8px 24px rgba(0,0,0,.2);background:' + (options.color || '#3e63dd') + ';';
    launcher.addEventListener('click', function () { setOpen(!state.open); });
    var params = new URLSearchParams({ website_token: options.websiteToken, theme: options.theme || 'light', locale: options.locale || navigator.language || 'en' });
    if (options.apiUrl) params.set('api', options.apiUrl);
    var frame = document.createElement('iframe');
    frame.title = 'Chat';
    frame.src = origin + '/widget?' + params.toString();
    frame.setAttribute('data-crosschat', 'frame');
    frame.style.cssText = 'position:fixed;bottom:88px;' + side + ':20px;width:380px;height:600px;max-height:calc(100vh - 108px);max-width:calc(100vw - 40px);border:0;border-radius:16px;box-shadow:0 16px 48px rgba(0,0,0,.18);z-index:2147483000;background:transparent;opacity:0;transform:translateY(12px);transition:opacity .18s ease, transform .18s ease;pointer-events:none;';
    frame.addEventListener('load', function () { if (state.pendingUser) post({ type: 'setUser', user: state.pendingUser }); });
    document.body.appendChild(frame);
    document.body.appendChild(launcher);
    state.frame = frame;
    state.launcher = launcher;
    setOpen(false);
    window.addEventListener('message', function (event) {
      if (event.origin !== origin || !event.data || event.data.source !== 'crosschat-widget') return;
      if (event.data.type === 'close') setOpen(false);
      if (event.data.type === 'unread' && !state.open) launcher.setAttribute('data-unread', String(event.data.count));
    });
  }

  window.CrossChat = {
    __loaded: true,
    init: init,
    /** Identify the signed-in user of your site; with identity verification on, pass identifierHash = HMAC-SHA256(id, secret). */
    setUser: function (user) {
      state.pendingUser = { id: String(user.id), email: user.email, name: user.name, identifierHash: user.identifierHash };
      post({ type: 'setUser', user: state.pendingUser });
    },
    open: function () { setOpen(true); },
    close: function () { setOpen(false); },
  };
})();
