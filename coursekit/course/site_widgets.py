"""Widgets on the website: their saved state drawn as plain HTML, with no JavaScript.

A lesson saved from a clean run keeps each widget's last state in its metadata (sliders'
values, a drop-down's choice, and the figure an ``Output`` widget last showed). On a static page
no kernel can answer a widget, so the most a widget library could show is that same state — at
the price of about 3.6 MB of JavaScript per page (``@jupyter-widgets/html-manager``), over the
site's 2 MB page budget. This module draws the saved state itself: controls as disabled form
elements with their values, ``Output`` widgets as the outputs they hold, boxes as rows and
columns. The page says that the controls work when the notebook runs.
"""
from __future__ import annotations

import html

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
_REF = "IPY_MODEL_"
_NOTE = ("Saved view of interactive controls: they respond when you run the notebook "
         "(Binder, your class hub or your own computer).")


def compact_png(data: str) -> str:
    """A base64 PNG re-encoded with a 256-colour palette: about a third of the bytes for the
    flat colours of a chart, with no visible change. The website's pages stay light this way;
    the notebooks keep their full images."""
    import base64
    import io

    from PIL import Image

    try:
        image = Image.open(io.BytesIO(base64.b64decode(data)))
        image.load()
    except Exception:  # not a PNG we can read: keep it as it is
        return data
    palette = image.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT,
                                            dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    palette.save(buffer, "PNG", optimize=True)
    smaller = base64.b64encode(buffer.getvalue()).decode("ascii")
    return smaller if len(smaller) < len(data) else data


def _esc(value) -> str:
    return html.escape(str(value), quote=True)


def _label(state: dict) -> str:
    text = state.get("description") or ""
    return f'<span class="ck-w-label">{_esc(text)}</span>' if text else ""


def _options(state: dict) -> list[str]:
    return [str(o) for o in state.get("_options_labels") or state.get("options") or []]


def _selected(state: dict):
    index = state.get("index")
    labels = _options(state)
    if isinstance(index, int) and 0 <= index < len(labels):
        return labels[index]
    return state.get("value") or state.get("label")


def _output(state: dict) -> str:
    parts = []
    for out in state.get("outputs") or []:
        data = out.get("data") or {}
        if "image/png" in data:
            alt = (out.get("metadata") or {}).get("alt", "Figure drawn by the interactive control")
            png = compact_png("".join(data["image/png"]).replace("\n", ""))
            parts.append(f'<img src="data:image/png;base64,{png}" alt="{_esc(alt)}">')
        elif "text/html" in data:
            value = data["text/html"]
            parts.append("".join(value) if isinstance(value, list) else str(value))
        elif "text/plain" in data:
            parts.append(f"<pre>{_esc(''.join(data['text/plain']))}</pre>")
        elif out.get("output_type") == "stream":
            parts.append(f"<pre>{_esc(''.join(out.get('text', '')))}</pre>")
    return "".join(parts)


class _Renderer:
    def __init__(self, models: dict):
        self.models = models

    def model(self, ref: str):
        key = ref[len(_REF):] if str(ref).startswith(_REF) else ref
        return self.models.get(key)

    def render(self, ref: str) -> str:
        model = self.model(ref)
        if model is None:
            return ""
        name, state = model.get("model_name", ""), model.get("state", {})
        kind = name.removesuffix("Model")
        if kind in {"Box", "VBox", "HBox", "GridBox"}:
            inner = "".join(self.render(child) for child in state.get("children", []))
            direction = "row" if kind == "HBox" else "column"
            return f'<div class="ck-w-box" style="display:flex;flex-direction:{direction};gap:0.4em;flex-wrap:wrap">{inner}</div>'
        if kind in {"Accordion", "Tab"}:
            titles = state.get("_titles") or state.get("titles") or {}
            sections = []
            for i, child in enumerate(state.get("children", [])):
                title = titles.get(str(i)) if isinstance(titles, dict) else (titles[i] if i < len(titles) else "")
                sections.append(f"<details open><summary>{_esc(title or f'Part {i + 1}')}</summary>{self.render(child)}</details>")
            return "".join(sections)
        if kind in {"IntSlider", "FloatSlider", "IntText", "FloatText", "BoundedIntText",
                    "BoundedFloatText", "FloatLogSlider"}:
            lo, hi, value = state.get("min", ""), state.get("max", ""), state.get("value", "")
            return (f'<label class="ck-w-control">{_label(state)}<input type="range" disabled '
                    f'min="{_esc(lo)}" max="{_esc(hi)}" value="{_esc(value)}" aria-label="{_esc(state.get("description") or "value")}">'
                    f'<output>{_esc(value)}</output></label>')
        if kind in {"IntRangeSlider", "FloatRangeSlider"}:
            low, high = (state.get("value") or ["", ""])[:2]
            return f'<span class="ck-w-control">{_label(state)}<output>{_esc(low)} – {_esc(high)}</output></span>'
        if kind in {"Dropdown", "Select", "SelectionSlider"}:
            chosen = _selected(state)
            opts = "".join(f'<option{" selected" if o == chosen else ""}>{_esc(o)}</option>' for o in _options(state))
            return (f'<label class="ck-w-control">{_label(state)}<select disabled aria-label="'
                    f'{_esc(state.get("description") or "choice")}">{opts}</select></label>')
        if kind in {"ToggleButtons", "RadioButtons"}:
            chosen = _selected(state)
            buttons = "".join(
                f'<span class="ck-w-choice" aria-pressed="{"true" if o == chosen else "false"}"'
                f' style="border:1px solid #767676;padding:0.1em 0.5em;border-radius:3px;'
                f'{"background:#0072B2;color:#fff;font-weight:bold" if o == chosen else ""}">{_esc(o)}</span>'
                for o in _options(state))
            return f'<span class="ck-w-control">{_label(state)}{buttons}</span>'
        if kind in {"Checkbox", "ToggleButton", "Valid"}:
            mark = "☑" if state.get("value") else "☐"
            return f'<span class="ck-w-control">{mark} {_esc(state.get("description", ""))}</span>'
        if kind in {"Text", "Textarea", "Password", "Combobox"}:
            return f'<span class="ck-w-control">{_label(state)}<code>{_esc(state.get("value", ""))}</code></span>'
        if kind in {"HTML", "HTMLMath"}:
            return f'<div class="ck-w-html">{state.get("value", "")}</div>'
        if kind in {"Label"}:
            return f'<span class="ck-w-html">{_esc(state.get("value", ""))}</span>'
        if kind == "Button":
            return f'<span class="ck-w-control" style="border:1px solid #767676;padding:0.1em 0.6em;border-radius:3px">{_esc(state.get("description", ""))}</span>'
        if kind == "Output":
            return f'<div class="ck-w-output">{_output(state)}</div>'
        return ""


def render_view(model_id: str, models: dict) -> str:
    """The saved view of one widget (by model id) as HTML; empty if nothing can be drawn."""
    body = _Renderer(models).render(model_id)
    if not body:
        return ""
    return (f'<div class="ck-widget" role="group" aria-label="Interactive controls (saved view)">'
            f'{body}<p class="ck-w-note"><em>{_esc(_NOTE)}</em></p></div>')


def replace_widget_views(nb) -> int:
    """Replace every widget view in *nb*'s outputs by its saved state drawn as HTML, and drop
    the widget state from the notebook's metadata. Returns how many views were replaced."""
    state = (nb.metadata.get("widgets") or {}).get(WIDGET_STATE, {}).get("state", {})
    replaced = 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data") or {}
            view = data.get(WIDGET_VIEW)
            if view is None:
                continue
            drawn = render_view(view.get("model_id", ""), state)
            output["data"] = {"text/html": drawn} if drawn else {"text/plain": ""}
            replaced += 1
    nb.metadata.pop("widgets", None)
    return replaced
