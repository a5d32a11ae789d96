// The ids of passages that earlier versions of the edition had and that moved (tei/redirects.toml,
// old id -> site path of the passage that stands for it). A link to a page with #<old id> lands on
// the new id: the address is replaced (no extra history entry), so the passage itself is the
// :target and edition.js marks its counterpart as for any other link. Made by the build.
(function () {
  "use strict";
  var moved = {{ moved | tojson }};
  var script = document.currentScript;
  if (!script) return;
  var root = new URL("..", script.src);  // this file is static/redirects.js below the site's root

  function follow() {
    var id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (error) {
      return;
    }
    if (!id || document.getElementById(id) || !Object.prototype.hasOwnProperty.call(moved, id)) return;
    var target = new URL(moved[id], root);
    if (target.pathname === location.pathname) {
      location.replace(target.hash);
    } else {
      location.replace(target.href);
    }
  }

  follow();
  window.addEventListener("hashchange", follow);
})();
