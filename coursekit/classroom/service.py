"""``python -m coursekit board``: run the team-competition board on the instructor's laptop.

    python -m coursekit board --host 0.0.0.0 --port 8800 --teams "Lotus,Peony,Bamboo"

It prints, for each team, the line its members run in their notebook (with the team's join
code), the instructor's link, and the board's address for the projector. The records go to one
SQLite file (``--db``, default ``pk-board.sqlite``); start the board again with the same file and
every team, code and answer is still there. Stop it with Ctrl+C.

On a JupyterHub, the hub starts it as a service with ``--hub`` (deploy/training-room/
jupyterhub_config.py): hub users log in, and :mod:`~coursekit.classroom.hubauth` says who is an
instructor and who is in which team.
"""
from __future__ import annotations

import asyncio
import logging
import signal
import socket
import sys
from pathlib import Path

from ..core import InputError


def add_arguments(p) -> None:
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on: 127.0.0.1 for this computer only, 0.0.0.0 for "
                        "the room's network (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8800, help="port (default 8800; 0 picks a free one)")
    p.add_argument("--db", default="pk-board.sqlite",
                   help="the board's records, one SQLite file (default: pk-board.sqlite)")
    p.add_argument("--teams", default="",
                   help='team names separated by commas ("Lotus,Peony"), or a number of teams '
                        "(6 makes Team 1 to Team 6); teams already in --db keep their codes")
    p.add_argument("--lessons", default="",
                   help="only these lessons' challenges, e.g. 02 or 01,02 (default: all)")
    p.add_argument("--challenges", nargs="*", default=None, metavar="FILE",
                   help="challenge files to use instead of the course's own")
    p.add_argument("--title", default="Service management · 服务管理",
                   help="the course or session name shown on every page")
    p.add_argument("--lang", choices=["en", "zh"], default="en",
                   help="the pages' language until a reader switches (default: en)")
    p.add_argument("--burst", type=int, default=30,
                   help="answers a team may send at once before the rate limit (default 30)")
    p.add_argument("--per-second", type=float, default=1.0,
                   help="answers per second a team may send after that (default 1)")
    p.add_argument("--hub", action="store_true",
                   help="run as a JupyterHub service: address, prefix and token from the "
                        "environment the hub gives it; hub users log in, hub groups make the "
                        "teams (deploy/README.md)")
    p.add_argument("--backup-to", default="", metavar="FILE",
                   help="write a consistent copy of --db to FILE and exit (works while the "
                        "board runs)")


def team_names(spec: str) -> list[str]:
    """``"3"`` -> Team 1..3; ``"Lotus, Peony"`` -> the names.

    >>> team_names("3"), team_names(" Lotus ,Peony,, ")
    (['Team 1', 'Team 2', 'Team 3'], ['Lotus', 'Peony'])
    """
    spec = spec.strip()
    if spec.isdigit():
        return [f"Team {n}" for n in range(1, int(spec) + 1)]
    return [name.strip() for name in spec.split(",") if name.strip()]


def room_address(host: str) -> str:
    """The address other computers in the room use to reach this one."""
    if host not in ("0.0.0.0", "::", ""):
        return host
    try:
        # Connecting a UDP socket sends nothing; it only makes the system choose the
        # network interface (and so the address) it would use.
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))
            return probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"


def _challenges(args):
    from .catalogue import catalogue

    found = catalogue([Path(p) for p in args.challenges] if args.challenges else None)
    if args.lessons:
        wanted = {f"{int(x):02d}" for x in args.lessons.split(",") if x.strip().isdigit()}
        found = {cid: c for cid, c in found.items() if c.lesson in wanted}
        if not found:
            raise InputError(f"No challenges for lesson(s) {args.lessons}.")
    return found


def banner(board, public: str, key: str) -> str:
    """What the instructor sees when the board starts."""
    from . import store

    lines = [f"Board running at {public}/board  (show this on the projector)",
             f"Instructor page: {public}/instructor?key={key}",
             "  Keep the instructor link to yourself: it opens the instructor's controls.",
             f"Records: {board.path.resolve()}", ""]
    teams = store.teams(board.reader)
    if teams:
        lines.append("Join lines, one per team (each member runs the team's line in a "
                     "notebook cell):")
        width = max(len(t["name"]) for t in teams)
        lines += [f"  {t['name']:<{width}}  ck.classroom.join(\"{public}\", \"{t['code']}\", "
                  f"learner=\"Your name\")" for t in teams]
    else:
        lines.append("No teams yet: add them on the instructor page, or start with --teams.")
    lines += ["", "Stop the board with Ctrl+C; start it again with the same --db to carry on."]
    return "\n".join(lines)


def hub_banner(board, settings: dict) -> str:
    """What the hub's log shows when the hub starts the board."""
    return "\n".join([
        f"Board running for JupyterHub at {settings['url']}{settings['prefix']} "
        f"(learners open <hub>{settings['prefix']}board)",
        f"Instructor page: <hub>{settings['prefix']}instructor (hub admins and the group "
        "instructors)",
        "Teams are the hub groups team-<name>; members hand in with ck.classroom.submit(...).",
        f"Records: {board.path.resolve()}"])


async def _serve(board, app, host: str, port: int, public_host: str,
                 hub: dict | None = None) -> None:
    from tornado.httpserver import HTTPServer
    from tornado.netutil import bind_sockets

    from . import store
    from .server import SERVER_MAX_BODY

    sockets = bind_sockets(port, address=host)
    server = HTTPServer(app, max_body_size=SERVER_MAX_BODY)
    server.add_sockets(sockets)
    port = sockets[0].getsockname()[1]
    if hub:
        print(hub_banner(board, hub), flush=True)
    else:
        public = f"http://{public_host}:{port}"
        app.settings["public_url"] = public
        print(banner(board, public, store.meta(board.reader, "instructor_token")), flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # Windows: Ctrl+C raises instead
            pass
    try:
        await stop.wait()
    finally:
        server.stop()
        await server.close_all_connections()


def run(args) -> int:
    """Start the board and serve until Ctrl+C (or SIGTERM)."""
    from . import store, view
    from .auth import Limits, StandaloneAuth
    from .board import Board
    from .pages import make_app
    from .wording import Refusal

    if args.backup_to:
        try:
            copy = store.backup(args.db, args.backup_to)
        except (OSError, FileExistsError) as exc:
            print(f"board: {exc}", file=sys.stderr)
            return 1
        print(f"Wrote a copy of {args.db} to {copy}")
        return 0
    hub = None
    try:
        challenges = _challenges(args)
        names = team_names(args.teams)
        if args.hub:
            from .hubauth import hub_settings

            hub = hub_settings()
    except (InputError, RuntimeError) as exc:
        print(f"board: {exc}", file=sys.stderr)
        return 1
    host, port = (hub["host"], hub["port"]) if hub else (args.host, args.port)
    # Refusals (a locked challenge, a wrong code) are part of a class, not news for the
    # instructor's terminal; problems the board did not expect are still printed.
    logging.getLogger("tornado.access").setLevel(logging.ERROR)
    limits = Limits(burst=args.burst, per_second=args.per_second)
    board = Board(args.db, challenges, limits=limits, title=args.title)
    try:
        if names:
            try:
                board.add_teams(names)
            except Refusal as refusal:
                print(f"board: {refusal.message}", file=sys.stderr)
                return 1
        view.warm_up(board)
        if hub:
            from .hubauth import HubBoardAuth

            app = make_app(board, HubBoardAuth(board, hub["prefix"]), lang=args.lang,
                           prefix=hub["prefix"])
        else:
            app = make_app(board, StandaloneAuth(board.reader, limits), lang=args.lang)
        try:
            asyncio.run(_serve(board, app, host, port, room_address(host), hub))
        except KeyboardInterrupt:
            pass
        except OSError as exc:
            print(f"board: could not listen on {host}:{port} ({exc.strerror}). "
                  "Choose another --port.", file=sys.stderr)
            return 1
    finally:
        board.close()
    print("Board stopped; every answer is in", board.path.resolve(), flush=True)
    return 0
