"""Who is asking the board when JupyterHub runs it (``python -m coursekit board --hub``).

The hub starts the board as a managed service behind its proxy at ``/services/board/`` and gives
it, in the environment, its address (``JUPYTERHUB_SERVICE_URL``), its prefix
(``JUPYTERHUB_SERVICE_PREFIX``) and its token (``JUPYTERHUB_API_TOKEN``). Learners and
instructors then need no join code and no instructor key: they are hub users.

* A browser is identified by JupyterHub's service OAuth (:class:`jupyterhub.services.auth.HubOAuth`):
  the first visit to an instructor page goes through the hub's login and back to
  ``oauth_callback``, which leaves a cookie for the board's prefix only.
* A notebook on the hub sends its server's own token (``$JUPYTERHUB_API_TOKEN``, which the hub
  config lets reach the board: ``access:services!service=board``); the hub says whose it is.
* **Instructor** = a hub admin or a member of the hub group ``instructors``.
* **Team** = the hub group ``team-<name>`` the user belongs to (the instructor makes the groups
  on the hub's admin page, or lists them in a file the hub config reads: deploy/README.md). A
  team appears on the board the first time one of its members hands something in.

The hub's answer about a token carries the user's name, ``admin`` flag and groups whatever
scopes the board holds, so the board's own role needs no scopes at all (deploy/README.md says
why). Answers are cached for ``CACHE_SECONDS``, so a change of groups counts within a minute.
"""
from __future__ import annotations

import os

from .auth import Identity
from .wording import Refusal

INSTRUCTORS = "instructors"
TEAM_PREFIX = "team-"
CACHE_SECONDS = 30


def hub_settings(environ=None) -> dict:
    """The service's prefix, address and token from the environment the hub gives it.

    >>> s = hub_settings({"JUPYTERHUB_SERVICE_PREFIX": "/services/board",
    ...                   "JUPYTERHUB_SERVICE_URL": "http://127.0.0.1:8802",
    ...                   "JUPYTERHUB_API_TOKEN": "x"})
    >>> s["prefix"], s["host"], s["port"]
    ('/services/board/', '127.0.0.1', 8802)
    """
    from urllib.parse import urlsplit

    environ = os.environ if environ is None else environ
    missing = [k for k in ("JUPYTERHUB_SERVICE_PREFIX", "JUPYTERHUB_SERVICE_URL",
                           "JUPYTERHUB_API_TOKEN") if not environ.get(k)]
    if missing:
        raise RuntimeError(f"--hub: {', '.join(missing)} not set. JupyterHub sets them when it "
                           "starts the board as a service (deploy/training-room/"
                           "jupyterhub_config.py); without a hub, leave out --hub.")
    url = urlsplit(environ["JUPYTERHUB_SERVICE_URL"])
    prefix = "/" + environ["JUPYTERHUB_SERVICE_PREFIX"].strip("/") + "/"
    # A loopback address is where to listen; any other name (``http://hub:8802`` on
    # Kubernetes) is how others reach this machine, which listens on all its interfaces.
    host = url.hostname if url.hostname in ("127.0.0.1", "localhost", "::1") else "0.0.0.0"
    return {"prefix": prefix, "host": host, "port": url.port or 80,
            "url": environ["JUPYTERHUB_SERVICE_URL"].rstrip("/")}


def team_groups(groups) -> list[str]:
    """The board teams a user's hub groups name.

    >>> team_groups(["instructors", "team-Lotus", "teamwork"])
    ['Lotus']
    """
    return sorted(g[len(TEAM_PREFIX):] for g in groups
                  if g.startswith(TEAM_PREFIX) and g[len(TEAM_PREFIX):].strip())


class HubBoardAuth:
    """Hub users as the board's instructors and teams (see the module's docstring)."""

    hub = True

    def __init__(self, board, prefix: str):
        from jupyterhub.services.auth import HubOAuth

        self.board = board
        self.prefix = prefix
        self.oauth = HubOAuth.instance(cache_max_age=CACHE_SECONDS)

    async def resolve(self, handler) -> Identity:
        """The sender of *handler*'s request, asked of the hub (token first, then cookie)."""
        model = await self.oauth.get_user(handler, sync=False)
        if not model or model.get("kind", "user") != "user":
            return Identity("anyone")
        if self.oauth.access_scopes and not self.oauth.check_scopes(self.oauth.access_scopes,
                                                                     model):
            return Identity("anyone")
        name, groups = model["name"], model.get("groups") or []
        if model.get("admin") or INSTRUCTORS in groups:
            return Identity("instructor", learner=name)
        teams = team_groups(groups)
        if len(teams) != 1:
            return Identity("hub user", learner=name, problem="two_teams" if teams else "no_team",
                            teams=", ".join(teams))
        try:
            team = self.board.team(teams[0])
        except Refusal:
            team = await self.board.add_team(teams[0])
        return Identity("team", team, learner=name)

    def identify(self, handler) -> Identity:
        # Every handler resolves its sender in prepare() (asking the hub takes a request, so
        # it cannot happen here); anything else is nobody.
        return Identity("anyone")

    def login_redirect(self, handler) -> None:
        """Send a browser to the hub's login; it comes back to the page it asked for."""
        from tornado.httputil import url_concat

        params, verifier = {}, None
        if getattr(self.oauth, "pkce_enabled", False):
            verifier, challenge, method = self.oauth.generate_pkce_code_challenge()
            params.update(code_challenge=challenge, code_challenge_method=method)
        extra = {"code_verifier": verifier} if verifier else {}
        params["state"] = self.oauth.set_state_cookie(handler, next_url=handler.request.uri,
                                                      **extra)
        handler.redirect(url_concat(self.oauth.login_url, params))

    def log_in(self, handler, key: str) -> bool:
        return False  # no instructor key on a hub: instructors log in to the hub

    def routes(self) -> list:
        from jupyterhub.services.auth import HubOAuthCallbackHandler

        return [(self.prefix + "oauth_callback", HubOAuthCallbackHandler)]
