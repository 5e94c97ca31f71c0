"""`clearlane serve`: the listening socket handed to several workers."""

from __future__ import annotations

import asyncio
import socket

from clearlane.api.server import server_config


def _nodelay_of_accepted_connection(listener: socket.socket) -> int:
    """TCP_NODELAY of a connection accepted by an asyncio server on ``listener``."""

    async def scenario() -> int:
        seen: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            sock = writer.get_extra_info("socket")
            seen.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(handle, sock=listener)
        async with server:
            _, writer = await asyncio.open_connection(*listener.getsockname()[:2])
            value = await asyncio.wait_for(seen, timeout=10)
            writer.close()
            return value

    return asyncio.run(scenario())


def test_connections_to_several_workers_have_nagle_switched_off() -> None:
    """uvicorn binds the workers' shared socket without a protocol number, and asyncio sets
    TCP_NODELAY only on connections from an IPPROTO_TCP socket: without the fix, each response
    written in two parts waited ~40 ms for the client's delayed acknowledgement."""
    listener = server_config(host="127.0.0.1", port=0, workers=2).bind_socket()
    assert listener.proto == socket.IPPROTO_TCP and listener.get_inheritable()
    assert _nodelay_of_accepted_connection(listener) == 1

    plain = socket.socket(socket.AF_INET)  # what uvicorn binds on its own
    plain.bind(("127.0.0.1", 0))
    assert _nodelay_of_accepted_connection(plain) == 0  # the trap the fix avoids
