"""casegen — the maintainers' generator of the course's case data. Learners never import it.

Every CSV file in ``datasets/`` and the generated blocks of each data card are made here, byte
for byte, by one command run in the course folder::

    python -m casegen datasets            # rewrite the CSVs and the cards' generated blocks
    python -m casegen datasets --check    # write nothing; exit 1 if anything is out of date

One module per model, each drawing from its own fixed seed:

============================  ========================================================
module                        tables
============================  ========================================================
``airport.py``                ``airport_journey`` (comments from ``comments.py``)
``hotel_servqual.py``         ``hotel_servqual``
``kano.py``                   ``hotel_kano``, ``ecommerce_kano``
``hotel_recovery.py``         ``hotel_stays``, ``hotel_complaints``
``ecommerce.py``              ``ecommerce_tickets``, ``ecommerce_daily``
============================  ========================================================

``model.py`` holds the shared drawing helpers (seeded streams, scales, ids); ``cards.py``
writes the generated parts of ``datasets/<case>/README.md``; ``findings.py`` computes the
"what a careful analyst should find" figures the cards quote; ``build.py`` runs it all.

The layout of every table (its columns, types, levels and Chinese descriptions) is not here:
it lives in :mod:`coursekit.datasets.tables`, which ``load`` and ``validate`` read too, so the
generator must produce exactly what learners are promised.
"""
