"""Browser tests: the course in JupyterLab and headless Chromium, as a learner meets it."""
