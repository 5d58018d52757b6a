"""`ghatna serve`: a read-only REST API and a web app (map, timeline, table, article view) over a store.

`create_app(ServeConfig(db=...))` builds the FastAPI application; `run` serves it with uvicorn.
Everything the browser loads (Leaflet, the country boundaries, Swagger UI) ships in `static/`;
nothing is fetched from the network at run time.
"""

from __future__ import annotations

from ghatna.serve.app import Limits, ServeConfig, create_app

__all__ = ["Limits", "ServeConfig", "create_app", "run"]


def run(config: ServeConfig, host: str = "127.0.0.1", port: int = 8080) -> None:
    """Serve until interrupted.  Binding beyond loopback is the caller's explicit choice."""
    import uvicorn

    app = create_app(config)
    uvicorn.run(app, host=host, port=port, log_level="info", access_log=False, workers=1,
                timeout_keep_alive=5, limit_concurrency=100, server_header=False)
