"""Running the application under uvicorn, with one or several worker processes.

With several workers uvicorn binds the listening socket itself, created without a protocol
number (``proto`` 0). asyncio switches Nagle's algorithm off (TCP_NODELAY) only on connections
whose socket says ``IPPROTO_TCP``, so every response written in more than one piece then waits
for the client's delayed acknowledgement: about 40 ms per request, doubling the latency of a
submission. The socket is therefore re-labelled as TCP before the workers inherit it.
"""

from __future__ import annotations

import socket

import uvicorn
from uvicorn.supervisors import Multiprocess

APP = "clearlane.api.app:create_app"


class _Config(uvicorn.Config):
    def bind_socket(self) -> socket.socket:
        sock = super().bind_socket()
        if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.proto == 0:
            sock = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, sock.detach())
            sock.set_inheritable(True)
        return sock


def server_config(*, host: str, port: int, workers: int) -> uvicorn.Config:
    return _Config(APP, factory=True, host=host, port=port, workers=workers, log_level="warning")


def run_server(*, host: str, port: int, workers: int = 1) -> None:
    """Serve until interrupted (what ``uvicorn.run`` does, with the socket fix above)."""
    config = server_config(host=host, port=port, workers=workers)
    if workers > 1:
        Multiprocess(config, sockets=[config.bind_socket()]).run()
    else:
        uvicorn.Server(config).run()
