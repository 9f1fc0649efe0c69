"""`unhunch serve`: the web app on this computer (local mode: one person, no login)."""

from __future__ import annotations

import errno
import ipaddress
import socket
from typing import Annotated

import typer

from unhunch.core.errors import InputError


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound before "running" is printed; a taken port is exit 2, naming
    the program that holds it when that can be found."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno != errno.EADDRINUSE:
            raise InputError("--host", host, "an address of this computer") from None
        from unhunch.cli.port_holder import port_holder

        holder = port_holder(port)
        by = f" by {holder}" if holder else " by another program"
        raise InputError(
            "--port",
            port,
            "a free port",
            f"Port {port} is already taken{by}. Stop that program, or start unhunch on"
            f" another port: unhunch serve --port {port + 1 if port < 65535 else 8001}",
        ) from None
    sock.listen(2048)
    return sock


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (this computer only).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    dev: Annotated[
        bool, typer.Option("--dev", hidden=True, help="Test hooks (fast player).")
    ] = False,
) -> None:
    """Start the web app and print the address to open in your browser."""
    if not is_loopback(host):
        raise InputError(
            "--host",
            host,
            "a loopback address such as 127.0.0.1 or localhost",
            "Local mode has no login, so it only listens on this computer. Server mode with"
            " accounts will come later.",
        )
    import uvicorn

    from unhunch.cli.render import console
    from unhunch.config import get_settings
    from unhunch.web.app import create_app
    from unhunch.web.deps import WebOptions
    from unhunch.web.logs import log_config

    settings = get_settings()
    sock = bind(host, port)
    app = create_app(settings, WebOptions(allow_speed=dev), port=port, listen=host)
    shown = f"[{host}]" if ":" in host else host
    out = console()
    out.print(f"unhunch is running. Open [bold]http://{shown}:{port}/[/] in your browser.")
    out.print("Press Ctrl+C to stop.", style="dim")
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_config=log_config(),
        log_level="info",
        access_log=True,
        server_header=False,
    )
    uvicorn.Server(config).run(sockets=[sock])
