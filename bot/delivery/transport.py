"""python-telegram-bot's networking backend for the outbox, on aiohttp instead of httpx.

PTB builds every request and parses every answer itself; a ``BaseRequest`` only moves
bytes. Its default backend (httpx 0.28) rescans its connection pool on every request, and
at a few hundred messages a second that is most of the CPU: a profile of a 3,000-message
broadcast spent 5 of 16 s in httpcore's pool. aiohttp, which the watchers already use for
feeds, does the same job for a fraction (see docs/design.md, "Delivery"). Command replies
keep PTB's default backend. aiohttp's error texts hold the request URL, and so the token:
they are redacted before they become the NetworkError every caller sees.
"""

from __future__ import annotations

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

from bot.delivery.failures import Misrouted, redact

_DEFAULT = BaseRequest.DEFAULT_NONE


class AiohttpRequest(BaseRequest):
    """Send Bot API requests through one aiohttp session with ``connections`` connections."""

    def __init__(self, *, connections: int, timeout: float) -> None:
        self._connections = connections
        self._timeout = timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float:
        return self._timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._connections),
                headers={"User-Agent": self.USER_AGENT},
                trust_env=False,
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = _DEFAULT,
        write_timeout: object = _DEFAULT,
        connect_timeout: object = _DEFAULT,
        pool_timeout: object = _DEFAULT,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("the Telegram transport is not initialized")
        data: aiohttp.FormData | dict[str, str] | None = None
        if request_data is not None:
            if request_data.multipart_data:
                form = aiohttp.FormData(request_data.json_parameters)
                for name, (filename, content, mime) in request_data.multipart_data.items():
                    form.add_field(name, content, filename=filename, content_type=mime)
                data = form
            else:
                data = request_data.json_parameters
        seconds = read_timeout if isinstance(read_timeout, int | float) else self._timeout
        try:
            async with self._session.request(
                method, url, data=data, timeout=aiohttp.ClientTimeout(total=seconds + 5)
            ) as response:
                return response.status, await response.read()
        except TimeoutError as error:
            raise TimedOut(f"no answer within {seconds:g} s") from error
        except aiohttp.TooManyRedirects as error:  # its text holds the URL, and so the token
            raise Misrouted(redact(f"aiohttp.{type(error).__name__}: {error}")) from None
        except aiohttp.ClientError as error:
            raise NetworkError(redact(f"aiohttp.{type(error).__name__}: {error}")) from None
