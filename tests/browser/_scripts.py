"""JavaScript the browser tests evaluate in JupyterLab's page, one expression per name.

Each reads the notebook through ``window.jupyterapp`` (the model: what every cell holds) or
the DOM (what the learner sees); none changes what the notebook holds.
"""

# The notebook shown in the main area, with each cell's node marked by its index so that
# Playwright locators can find "cell 7" without relying on JupyterLab's class names for order.
CURRENT = """() => {
  const app = window.jupyterapp;
  const panel = app && app.shell.currentWidget;
  return panel && panel.content && panel.context ? panel : null;
}"""

LOADED = """(path) => {
  const panel = (%s)();
  if (!panel || panel.context.path !== path || !panel.context.isReady) return false;
  panel.content.widgets.forEach((cell, i) => { cell.node.dataset.ckCell = String(i); });
  return true;
}""" % CURRENT

KERNEL_IDLE = """() => {
  const panel = (%s)();
  const kernel = panel && panel.sessionContext.session && panel.sessionContext.session.kernel;
  return !!kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
}""" % CURRENT

# One record per cell: what the model holds and what the prompt shows.
CELLS = """() => {
  const panel = (%s)();
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  return {
    kernel: kernel ? kernel.status : 'none',
    cells: panel.content.widgets.map((cell, i) => {
      cell.node.dataset.ckCell = String(i);
      const model = cell.model;
      const code = model.type === 'code';
      const outputs = code ? model.outputs.toJSON() : [];
      return {
        index: i,
        type: model.type,
        source: model.sharedModel.getSource(),
        tags: model.getMetadata('tags') || [],
        count: code ? model.executionCount : null,
        prompt: code && cell.promptNode ? cell.promptNode.textContent.trim() : '',
        outputs: outputs.map(o => ({
          type: o.output_type,
          mimes: Object.keys(o.data || {}),
          ename: o.ename || '',
          evalue: o.evalue || '',
          text: o.output_type === 'stream' ? String(o.text || '').slice(0, 2000) : '',
        })),
      };
    }),
  };
}""" % CURRENT

# Run-all is over when the kernel is idle and no prompt shows [*], and either every code cell
# has an execution count or an error stopped the run (the cells after it never get one).
RUN_FINISHED = """() => {
  const panel = (%s)();
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  if (!kernel || kernel.status !== 'idle') return false;
  const code = panel.content.widgets.filter(c => c.model.type === 'code'
                                                && c.model.sharedModel.getSource().trim());
  if (code.some(c => (c.promptNode ? c.promptNode.textContent : '').includes('*'))) return false;
  const errored = code.some(c => c.model.outputs.toJSON().some(o => o.output_type === 'error'
      && !(c.model.getMetadata('tags') || []).includes('raises-exception')));
  return errored || code.every(c => c.model.executionCount !== null);
}""" % CURRENT

CELL_FINISHED = """([index, after]) => {
  const panel = (%s)();
  const cell = panel.content.widgets[index];
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  const prompt = cell.promptNode ? cell.promptNode.textContent : '';
  return !!kernel && kernel.status === 'idle' && !prompt.includes('*')
         && cell.model.executionCount !== null && cell.model.executionCount > after;
}""" % CURRENT

MAX_COUNT = """() => {
  const panel = (%s)();
  return Math.max(0, ...panel.content.widgets.map(c => c.model.type === 'code' ? (c.model.executionCount || 0) : 0));
}""" % CURRENT

IMAGES = """() => {
  const panel = (%s)();
  return Array.from(panel.node.querySelectorAll('img')).map(img => {
    const cell = img.closest('[data-ck-cell]');
    return {cell: cell ? Number(cell.dataset.ckCell) : -1,
            inWidget: !!img.closest('.widget-output, .jupyter-widgets'),
            output: !!img.closest('.jp-OutputArea'),
            complete: img.complete, width: img.naturalWidth, height: img.naturalHeight,
            src: (img.getAttribute('src') || '').slice(0, 60)};
  });
}""" % CURRENT

IMAGES_DECODED = """() => {
  const panel = (%s)();
  return Array.from(panel.node.querySelectorAll('img')).every(i => i.complete && i.naturalWidth > 0);
}""" % CURRENT

# Messages JupyterLab and ipywidgets put in the page when an output cannot be shown.
RENDER_PROBLEMS = """() => {
  const panel = (%s)();
  const found = [];
  panel.node.querySelectorAll('.jp-OutputArea-output').forEach(node => {
    const text = node.textContent || '';
    for (const bad of ['Error displaying widget', 'Javascript Error', 'Failed to display model',
                       'Error rendering output item']) {
      if (text.includes(bad)) {
        const cell = node.closest('[data-ck-cell]');
        found.push({cell: cell ? Number(cell.dataset.ckCell) : -1, problem: bad, text: text.slice(0, 300)});
      }
    }
  });
  return found;
}""" % CURRENT

WIDGETS_RENDERED = """(indices) => indices.every(i => {
  const node = document.querySelector(`[data-ck-cell="${i}"] .jp-Cell-outputArea`);
  return !!node && !!node.querySelector('.jupyter-widgets, .widget-output, .lm-Widget.jupyter-widget')
         && !(node.textContent || '').includes('Loading widget');
})"""

# Texts are read with textContent, not innerText: JupyterLab skips laying out cells that are
# off screen (content-visibility), and innerText of an element not laid out is empty.
# The result a learner reads off a widget area: HTML/label/output text and pictures, not the
# controls themselves (their read-outs would change trivially when they are moved).
WIDGET_RESULT = """(index) => {
  const area = document.querySelector(`[data-ck-cell="${index}"] .jp-Cell-outputArea`);
  if (!area) return null;
  const controls = '.widget-slider, .widget-hslider, .widget-vslider, .widget-dropdown, .widget-toggle-buttons, .widget-readout';
  const parts = [];
  area.querySelectorAll('.widget-html-content, .widget-htmlmath-content, .widget-output, .widget-label-basic').forEach(node => {
    if (node.closest(controls)) return;
    if (node.parentElement && node.parentElement.closest('.widget-output')) return;
    parts.push((node.textContent || '').trim());
  });
  area.querySelectorAll('img').forEach(img => parts.push('img:' + (img.getAttribute('src') || '').length + ':' + (img.getAttribute('src') || '').slice(-80)));
  return parts.join('\\n');
}"""

CONTROLS = """(index) => {
  const area = document.querySelector(`[data-ck-cell="${index}"] .jp-Cell-outputArea`);
  if (!area) return [];
  const found = [];
  area.querySelectorAll('.widget-slider, .widget-hslider').forEach((node, i) => {
    if (node.querySelector('.noUi-handle')) found.push({kind: 'slider', nth: i});
  });
  area.querySelectorAll('.widget-dropdown select').forEach((node, i) => {
    if (!node.disabled && node.options.length > 1) found.push({kind: 'dropdown', nth: i});
  });
  area.querySelectorAll('.widget-toggle-buttons').forEach((node, i) => {
    if (node.querySelectorAll('button').length > 1) found.push({kind: 'toggle', nth: i});
  });
  return found;
}"""

# Scroll the notebook to y (y < 0: stay) and return [height of the cells, visible height].
SCROLL = """(y) => {
  const panel = (%s)();
  const scroller = panel.node.querySelector('.jp-WindowedPanel-outer');
  const cells = panel.content.widgets;
  if (!scroller || !cells.length) return [0, 0];
  if (y >= 0) scroller.scrollTop = y;
  const last = cells[cells.length - 1].node.getBoundingClientRect();
  const top = scroller.getBoundingClientRect().top;
  return [Math.ceil(last.bottom - top + scroller.scrollTop), scroller.clientHeight];
}""" % CURRENT
