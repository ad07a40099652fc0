"""The frame every explorer (an ipywidgets box of controls and a figure) is built on.

An explorer carries a picture of its figure as last drawn (``image/png``) next to its widget
view, so a saved notebook, a handout or the website shows that picture where no Python runs the
controls. The topics' explorers (``coursekit.mot``, ``coursekit.servqual``, ``coursekit.kano``) use these three
helpers; none builds its own.
"""
from __future__ import annotations

import base64
import io
from functools import lru_cache


@lru_cache(maxsize=1)
def _explorer_class():
    # Built on first use so that `import coursekit` never imports ipywidgets.
    import ipywidgets as widgets

    class Explorer(widgets.VBox):
        """Controls, a one-line result and a figure; ``png`` is the figure as last drawn."""

        def __init__(self, children, description: str):
            super().__init__(children)
            self.description = description
            self.result_text = ""
            self.png = b""

        def _repr_mimebundle_(self, **kwargs):
            bundle = super()._repr_mimebundle_(**kwargs)
            bundle["text/plain"] = self.description
            if self.png:
                # The static picture, for every viewer that cannot run the controls.
                bundle["image/png"] = base64.b64encode(self.png).decode("ascii")
            return bundle

    return Explorer


def explorer_box(children, description: str):
    """A VBox of *children* that shows *description* as text and its ``png`` as a picture."""
    return _explorer_class()(children, description)


def figure_png(fig) -> bytes:
    """The figure as PNG bytes (and the figure closed, so a notebook does not show it twice)."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=80, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def show_in(area, png: bytes, *after) -> None:
    """Replace what the Output widget *area* shows with the picture and then *after*."""
    from IPython import get_ipython
    from IPython.display import Image, display

    if get_ipython() is None:  # plain Python (a script, a test): nothing to show it in
        return
    with area:
        area.clear_output(wait=True)
        display(Image(data=png, format="png"))
        for item in after:
            display(item)
