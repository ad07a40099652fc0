"""Run code in a kernel of a learner's server on the hub, as a notebook cell would: through the
server's REST API (start a kernel) and its kernel websocket (Jupyter's messaging protocol).

Quicker than opening JupyterLab in a browser, and the code runs in the same place a notebook's
does: a kernel of the learner's own server, with the environment the hub gives it.

    kernel = Kernel.start(hub, "learner1")
    printed = kernel.run("print(1 + 1)")   # "2\\n"; an exception in the cell fails the test
    kernel.stop()
"""
from __future__ import annotations

import asyncio
import json
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass


class KernelError(AssertionError):
    """The cell raised, or did not finish in time."""


@dataclass
class Kernel:
    hub: object
    user: str
    id: str

    @classmethod
    def start(cls, hub, user: str) -> "Kernel":
        model = hub.server_api(user, "POST", "/kernels", {"name": "python3"})
        return cls(hub, user, model["id"])

    def run(self, code: str, timeout: float = 60) -> str:
        """Run *code*; return what it printed (stdout, stderr and the result's text)."""
        # In a thread of its own: Playwright's sync API keeps an event loop in this one.
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(asyncio.run, asyncio.wait_for(self._run(code), timeout)).result()

    async def _run(self, code: str) -> str:
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        url = (self.hub.url.replace("http://", "ws://", 1)
               + f"/user/{self.user}/api/kernels/{self.id}/channels")
        socket = await websocket_connect(HTTPRequest(
            url, headers={"Authorization": f"token {self.hub.token}"}, connect_timeout=20))
        msg_id, session = uuid.uuid4().hex, uuid.uuid4().hex
        socket.write_message(json.dumps({
            "header": {"msg_id": msg_id, "session": session, "username": "test",
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "buffers": [], "channel": "shell",
            "content": {"code": code, "silent": False, "store_history": False,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}))
        printed, error = [], None
        try:
            while True:
                raw = await socket.read_message()
                if raw is None:
                    raise KernelError(f"{self.user}'s kernel closed the connection")
                message = json.loads(raw)
                if message.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind, content = message["msg_type"], message["content"]
                if kind == "stream":
                    printed.append(content["text"])
                elif kind in ("execute_result", "display_data"):
                    printed.append(content["data"].get("text/plain", "") + "\n")
                elif kind == "error":
                    error = f"{content['ename']}: {content['evalue']}"
                elif kind == "status" and content["execution_state"] == "idle":
                    break
        finally:
            socket.close()
        if error:
            raise KernelError(f"{self.user}'s cell raised {error}\nprinted: {''.join(printed)}")
        return "".join(printed)

    def stop(self) -> None:
        self.hub.server_api(self.user, "DELETE", f"/kernels/{self.id}")
