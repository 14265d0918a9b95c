"""The app's gate in front of Gradio: byte quotas per client, image-only uploads, and its own assets.

:class:`UploadGuard` is plain ASGI middleware (no Gradio or Starlette import), installed on
Gradio's FastAPI app by :func:`videomv.app.ui.launch_app`. For every request it

* serves the app's static files (the splat viewer) itself, under :data:`ASSET_PREFIX`, so the
  page never names a server path;
* refuses a POST whose body has no ``Content-Length`` (411), larger than one upload may be (413), or from
  a client that already sent ``max_client_mb`` within ``quota_minutes`` (429), before a byte of it
  is read;
* checks each file Gradio's upload route stored by its content (:func:`check_uploaded_file`):
  anything but an accepted image is deleted with its hash folder and answered with a one-line
  415 that names no path;
* keeps the uploads on disk under ``max_uploads_mb``, deleting the oldest it accepted.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from .workspace import AppLimits, check_uploaded_file

logger = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# URL prefix of the files the guard serves itself (relative to the page: Gradio may run under a root path).
ASSET_PREFIX = "videomv-static/"
# Gradio's upload route, at the end of the path (``/gradio_api/upload``, under any root path).
UPLOAD_ROUTE = "/gradio_api/upload"
# Room for the multipart framing around an upload, and for the JSON of any other request.
FORM_OVERHEAD_BYTES = 64 * 1024
# A file sent inside a JSON request (a base64 data: URL) is 4/3 of its size.
BASE64_RATIO = 4 / 3


class ClientQuota:
    """Bytes each client sent within a sliding window, and whether one more request fits.

    Args:
        max_bytes: what one client may send within ``window_s``.
        window_s: the window, in seconds.
    """

    def __init__(self, max_bytes: int, window_s: float) -> None:
        self.max_bytes = max_bytes
        self.window_s = window_s
        self._sent: dict[str, deque[tuple[float, int]]] = {}
        self._lock = threading.Lock()

    def take(self, client: str, size: int, now: float | None = None) -> bool:
        """Counts ``size`` bytes against ``client`` and returns True, or returns False when they do not fit."""
        now = time.monotonic() if now is None else now
        with self._lock:
            self._forget_before(now - self.window_s)
            sent = self._sent.setdefault(client, deque())
            if sum(size for _, size in sent) + size > self.max_bytes:
                return False
            sent.append((now, size))
            return True

    def _forget_before(self, start: float) -> None:
        """Drops what was sent before ``start``, and clients with nothing left (the table stays small)."""
        for client in list(self._sent):
            sent = self._sent[client]
            while sent and sent[0][0] < start:
                sent.popleft()
            if not sent:
                del self._sent[client]


class UploadStore:
    """The uploads the guard accepted, oldest first, kept under a total size by deleting the oldest.

    Args:
        max_bytes: most bytes of accepted uploads on disk.
        root: the folder uploads live in (Gradio's folder of this app); folders left empty in it
            by a deletion are removed up to it.
    """

    def __init__(self, max_bytes: int, root: Path) -> None:
        self.max_bytes = max_bytes
        self.root = root
        self._files: OrderedDict[Path, int] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, paths: list[Path]) -> list[Path]:
        """Records ``paths`` as the newest uploads, then deletes the oldest others beyond ``max_bytes``.

        Returns:
            The files deleted.
        """
        with self._lock:
            for path in paths:
                self._files.pop(path, None)
                self._files[path] = 0
            for path in list(self._files):
                try:
                    self._files[path] = path.stat().st_size
                except OSError:  # expired by Gradio meanwhile
                    del self._files[path]
            evicted = []
            total = sum(self._files.values())
            for path in list(self._files):
                if total <= self.max_bytes:
                    break
                if path in paths:
                    continue
                total -= self._files.pop(path)
                remove_file(path, self.root)
                evicted.append(path)
        return evicted


def remove_file(path: Path, root: Path) -> None:
    """Deletes ``path`` and then each parent folder it leaves empty, up to (not including) ``root``."""
    path.unlink(missing_ok=True)
    folder = path.parent
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()  # only succeeds when empty
        except OSError:
            return
        folder = folder.parent


class UploadGuard:
    """ASGI middleware in front of Gradio's app; see the module's description.

    Args:
        app: the ASGI app behind (Gradio's).
        limits: upload size, per-client quota and total upload size.
        uploads: the folder Gradio stores uploads in (the app's private ``Workspace.gradio_dir``).
        assets: files served under :data:`ASSET_PREFIX`, by name.
    """

    def __init__(self, app: ASGIApp, limits: AppLimits, uploads: Path, assets: dict[str, Path] | None = None) -> None:
        self.app = app
        self.limits = limits
        self.uploads = Path(uploads).resolve()
        self.assets = dict(assets or {})
        self.quota = ClientQuota(limits.max_client_bytes, limits.quota_minutes * 60)
        self.store = UploadStore(limits.max_uploads_bytes, self.uploads)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path, method = scope["path"], scope["method"]
        if method in ("GET", "HEAD") and ASSET_PREFIX in path:
            await self._asset(path.rsplit(ASSET_PREFIX, 1)[1], send)
            return
        if method != "POST":
            await self.app(scope, receive, send)
            return
        upload = path.rstrip("/").endswith(UPLOAD_ROUTE)
        refusal = self._refusal(scope, upload)
        if refusal is not None:
            await _plain(send, *refusal)
            return
        if upload:
            await self._upload(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _refusal(self, scope: Scope, upload: bool) -> tuple[int, str] | None:
        """The status and message refusing a POST from its headers alone, or None to let it in.

        An upload may be ``max_upload_mb`` plus its form's framing; any other request (JSON, which
        may carry a file as a base64 data: URL) that file's base64 size plus the same. A body must
        declare its length (a chunked one could not be bounded before it is read); a POST without
        either header has no body.
        """
        length = _header(scope, b"content-length")
        if length is None and not upload and _header(scope, b"transfer-encoding") is None:
            length = "0"
        if length is None or not length.isdigit():
            return 411, "the request has no Content-Length; send the file as an ordinary form upload"
        size = int(length)
        largest = self.limits.max_upload_bytes * (1 if upload else BASE64_RATIO) + FORM_OVERHEAD_BYTES
        if size > largest:
            return 413, f"the upload is larger than the {self.limits.max_upload_mb:g} MB limit; send a smaller file"
        client = (scope.get("client") or ("unknown",))[0]
        if not self.quota.take(client, size):
            return 429, (
                f"this address sent more than {self.limits.max_client_mb:g} MB within {self.limits.quota_minutes:g} "
                "minutes; wait a while before uploading again"
            )
        return None

    async def _upload(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Lets Gradio store the upload, then keeps only what is an image; answers for Gradio."""
        response = _Buffered()
        # Uncompressed, so the guard can read which files Gradio stored.
        plain = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"]}
        await self.app(plain, receive, response.send)
        stored = self._stored_files(response)
        if stored is None:
            await _plain(send, 502, "the upload could not be checked; try again")
            return
        rejected = []
        for path in stored:
            try:
                check_uploaded_file(path)
            except ValueError as error:
                rejected.append((path, str(error)))
        for path, _ in rejected:
            remove_file(path, self.uploads)
        if rejected:
            logger.info("refused %d upload(s) that are not images", len(rejected))
            await _plain(send, 415, rejected[0][1])
            return
        if stored:
            self.store.add(stored)
        await response.replay(send)

    def _stored_files(self, response: _Buffered) -> list[Path] | None:
        """The files an upload response names ([] for a refused upload), or None when it cannot be read."""
        if response.status != 200:
            return []
        try:
            names = json.loads(response.body)
        except ValueError:
            return None
        if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
            return None
        return [Path(name).resolve() for name in names]

    async def _asset(self, name: str, send: Send) -> None:
        """Serves one of ``assets`` (only those: the name is a key, never a path)."""
        path = self.assets.get(name)
        if path is None:
            await _plain(send, 404, "not found")
            return
        media = "text/javascript" if path.suffix == ".js" else "application/octet-stream"
        await _respond(send, 200, path.read_bytes(), media)


class _Buffered:
    """Collects a response instead of sending it, so the guard can look at it first."""

    def __init__(self) -> None:
        self.status = 0
        self.start: Message | None = None
        self.chunks: list[bytes] = []

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.start, self.status = message, message["status"]
        elif message["type"] == "http.response.body":
            self.chunks.append(message.get("body", b""))

    @property
    def body(self) -> bytes:
        return b"".join(self.chunks)

    async def replay(self, send: Send) -> None:
        """Sends the collected response on."""
        if self.start is None:
            await _plain(send, 500, "the upload was not answered")
            return
        await send(self.start)
        await send({"type": "http.response.body", "body": self.body})


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1").strip()
    return None


async def _plain(send: Send, status: int, message: str) -> None:
    await _respond(send, status, message.encode(), "text/plain; charset=utf-8")


async def _respond(send: Send, status: int, body: bytes, media: str) -> None:
    headers = [(b"content-type", media.encode()), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
