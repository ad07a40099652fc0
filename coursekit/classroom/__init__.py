"""The classroom: team competitions (分组PK) on a live board, pre/post tests, certificates.

For learners, in a notebook (``import coursekit as ck``)::

    ck.classroom.join("http://192.168.1.20:8800", "<team code>", learner="Li Wei")
    ck.classroom.submit("02-three-mots", ["security", "ground_transport", "boarding_gate"])
    ck.classroom.resend()          # answers that waited while the board was out of reach
    ck.classroom.pretest("02")     # the lesson's knowledge check as a pre-test form
    ck.classroom.certificate()     # save your certificate to print

On the class's JupyterHub the board is the hub's service ``board``: no ``join`` is needed,
``submit`` finds it and hands in with the learner's hub identity.

For instructors: ``python -m coursekit board`` (see ``instructors/`` and CONTRIBUTING.md), or
``--hub`` when JupyterHub starts it (deploy/README.md).

Where is what:

* ``client.py`` — ``join``, ``submit``, ``resend``, ``waiting``, ``challenges``; the one-line
  :class:`Receipt`; ``localqueue.py`` — the learner's queue, so no answer is ever lost;
* ``testform.py`` — ``pretest``, ``posttest``, ``send_test``, ``certificate``;
* ``catalogue.py`` — the challenge files (``challenges/NN_slug.toml``) and their scoring with
  the answer kinds of ``coursekit.course.answers``; ``scoring.py`` — totals, ranks, ties, the
  leader, learning gain; ``prepost.py`` — knowledge checks as tests;
* the board itself: ``store.py`` (SQLite in WAL mode), ``writer.py`` (group commit),
  ``board.py`` (the rules), ``view.py`` (what each reader sees, CSV), ``auth.py`` (join codes,
  instructor key, rate limits), ``hubauth.py`` (on a hub: its OAuth and tokens, instructors
  and teams from hub groups), ``wording.py`` (every refusal, in plain words), ``i18n.py``
  (English and Chinese), ``server.py`` and ``pages.py`` (the tornado web server and pages,
  ``templates/``, ``static/``), ``service.py`` (the command line).

The learner's functions use the standard library only; the board's server needs tornado, which
comes with JupyterLab.
"""
from .client import Receipt, challenges, join, resend, submit, waiting
from .testform import certificate, posttest, pretest, send_test

__all__ = ["Receipt", "join", "submit", "resend", "waiting", "challenges", "pretest",
           "posttest", "send_test", "certificate"]
