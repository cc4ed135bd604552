"""The gateway clients: :class:`Client` (blocking) and :class:`AsyncClient` (asyncio).

Both only name their calls; the native ``Connection`` (Rust: reqwest + rustls, the
``paynet-bind`` layer) checks the settings, signs, sends, reads the answer and raises
the package's exceptions. Neither object ever holds or shows the control key.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any, Literal, Optional, Type, cast

from ._answers import Balance, EndpointBalance
from ._native import Connection

__all__ = ["Client", "AsyncClient"]


class _Base:
    __slots__ = ("_connection",)

    _asynchronous: bool = False

    def __init__(
        self,
        gateway: str,
        login: str,
        control_key: str,
        *,
        timeout: Optional[float] = None,
        connect_timeout: Optional[float] = None,
        retries: Optional[int] = None,
        allow_http: bool = False,
        max_response_bytes: Optional[int] = None,
    ) -> None:
        self._connection = Connection(
            gateway,
            login,
            control_key,
            timeout,
            connect_timeout,
            retries,
            allow_http,
            max_response_bytes,
            self._asynchronous,
        )

    @property
    def gateway(self) -> str:
        """The gateway's base URL."""
        return self._connection.gateway

    @property
    def login(self) -> str:
        """The login (OAuth consumer key)."""
        return self._connection.login

    def __repr__(self) -> str:
        return f"{type(self).__name__}(gateway={self.gateway!r}, login={self.login!r}, control_key=<redacted>)"


class Client(_Base):
    """A blocking gateway client over the Rust transport (reqwest + rustls). Calls
    release the GIL while they wait; one client may be shared by threads, and by forked
    processes (a child opens its own connections). ``max_response_bytes`` caps a
    response body (default 1 MiB; past it: :class:`ResponseTooLargeError`).

    A context manager: ``with Client(...) as client:`` closes it at the end of the
    block; after :meth:`close` a call raises :class:`InvalidInputError`.
    """

    __slots__ = ()

    def get_balance(self, endpoint_id: str | int, provider: str) -> EndpointBalance:
        """``POST /get-balance/{endpoint_id}`` with ``balance-provider``."""
        return cast(EndpointBalance, self._connection.call("get-balance", endpoint_id, provider))

    def get_manager_balances(self, login: str, name: Optional[str] = None) -> list[Balance]:
        """``POST /get-balance/manager/{login}``, with ``balance-name`` when ``name`` is given."""
        return cast("list[Balance]", self._connection.call("get-balance/manager", login, name))

    def get_merchant_balances(self, login: str, name: Optional[str] = None) -> list[Balance]:
        """``POST /get-balance/merchant/{login}``, with ``balance-name`` when ``name`` is given."""
        return cast("list[Balance]", self._connection.call("get-balance/merchant", login, name))

    def close(self) -> None:
        """Closes the connections; later calls raise :class:`InvalidInputError`."""
        self._connection.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> Literal[False]:
        self.close()
        return False


class AsyncClient(_Base):
    """The asyncio client: the methods of :class:`Client` as coroutines. The requests
    run on the process's tokio runtime (a forked child starts its own); the event loop
    is never blocked.

    An async context manager: ``async with AsyncClient(...) as client:`` closes it at
    the end of the block; after :meth:`aclose` a call raises :class:`InvalidInputError`.
    """

    __slots__ = ()

    _asynchronous = True

    async def get_balance(self, endpoint_id: str | int, provider: str) -> EndpointBalance:
        """``POST /get-balance/{endpoint_id}`` with ``balance-provider``."""
        fields = await self._connection.call_async("get-balance", endpoint_id, provider)
        return EndpointBalance(**cast("dict[str, Any]", fields))

    async def get_manager_balances(self, login: str, name: Optional[str] = None) -> list[Balance]:
        """``POST /get-balance/manager/{login}``, with ``balance-name`` when ``name`` is given."""
        fields = await self._connection.call_async("get-balance/manager", login, name)
        return [Balance(**f) for f in cast("list[dict[str, Any]]", fields)]

    async def get_merchant_balances(self, login: str, name: Optional[str] = None) -> list[Balance]:
        """``POST /get-balance/merchant/{login}``, with ``balance-name`` when ``name`` is given."""
        fields = await self._connection.call_async("get-balance/merchant", login, name)
        return [Balance(**f) for f in cast("list[dict[str, Any]]", fields)]

    async def aclose(self) -> None:
        """Closes the connections; later calls raise :class:`InvalidInputError`."""
        self._connection.close()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> Literal[False]:
        await self.aclose()
        return False
