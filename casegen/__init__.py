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
``hotel_zone.py``             ``hotel_zone`` (zone of tolerance)
``hotel_management.py``       ``hotel_management`` (gap 1)
``hotel_audits.py``           ``hotel_audits`` (gap 3)
``kano.py``                   ``hotel_kano``, ``ecommerce_kano``, ``ecommerce_kano_2023``
``hotel_recovery.py``         ``hotel_stays``, ``hotel_complaints``
``ecommerce.py``              ``ecommerce_tickets``, ``ecommerce_daily``
``profit_chain.py``           ``ecommerce_units``, ``ecommerce_recommend``
============================  ========================================================

``model.py`` holds the shared drawing helpers (seeded streams, scales, ids); ``cards.py``
writes the generated parts of ``datasets/<case>/README.md``; ``findings.py`` (with
``findings_gaps.py`` and ``findings_chain.py``) computes the "what a careful analyst should
find" figures the cards quote; ``build.py`` runs it all.

The layout of every table (its columns, types, levels and Chinese descriptions) is not here:
it lives in :mod:`coursekit.datasets.tables` (with ``gap_tables`` and ``chain_tables``), which
``load`` and ``validate`` read too, so the generator must produce exactly what learners are
promised.
"""
