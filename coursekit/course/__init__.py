"""The course tools: everything that runs the course rather than analyses service data.

* ``lessons.py`` — the lesson metadata (one source: ``lessons.toml``) and the course map;
* ``glossary.py`` — the bilingual glossary, ``ck.glossary()`` and ``ck.define()``;
* ``quiz.py`` — knowledge checks, ``ck.knowledge_check()``;
* ``exercises.py`` — building the student exercise notebooks from their masters;
* ``handouts.py`` — HTML handouts and ``refresh`` (re-running a lesson to save its outputs);
* ``setup_check.py`` — ``ck.check_setup()``, is this machine ready for the course;
* ``cli.py`` — ``python -m coursekit ...``, the command line for all of the above.

Lessons reach these through ``import coursekit as ck`` (``ck.define``, ``ck.knowledge_check``,
...), never by importing this subpackage's modules.
"""
