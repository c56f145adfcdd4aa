"""Streaming chat completions from an OpenAI-compatible server with the official `openai` client."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


class LLMUnavailable(Exception):
    """The server could not give a complete answer; the message says why, briefly, in Chinese."""


@dataclass(frozen=True)
class LLMSettings:
    base_url: str
    model: str
    api_key: str | None
    timeout: float
    temperature: float


def stream_chat(settings: LLMSettings, messages: list[dict]) -> Iterator[str]:
    """Yield the answer's text pieces as they arrive; raise LLMUnavailable on any failure.

    A stream that ends without a finish reason (cut off mid-way) counts as a failure, as do an empty
    answer, HTTP errors, a refused connection, and no data for `timeout` seconds.
    """
    try:
        import httpx2  # the HTTP library the pinned openai client is built on (not httpx)
        import openai
    except ImportError as exc:  # configured for a model server but installed without the client
        raise LLMUnavailable("未安装 openai 客户端（pip install -r requirements.txt）") from exc

    client = openai.OpenAI(
        base_url=settings.base_url,
        api_key=settings.api_key or "not-needed",
        timeout=openai.Timeout(settings.timeout, connect=min(settings.timeout, 5.0)),
        max_retries=0,
    )
    finished, produced = False, False
    try:
        stream = client.chat.completions.create(
            model=settings.model, messages=messages, temperature=settings.temperature, stream=True)
        with stream:
            for chunk in stream:
                if not getattr(chunk, "choices", None):
                    continue
                choice = chunk.choices[0]
                piece = getattr(choice.delta, "content", None) if choice.delta else None
                if piece:
                    produced = True
                    yield piece
                if choice.finish_reason:
                    finished = True
    except openai.APITimeoutError as exc:
        raise LLMUnavailable(f"超时（{settings.timeout:g} 秒无响应）") from exc
    except openai.APIStatusError as exc:
        raise LLMUnavailable(f"服务返回错误 {exc.status_code}") from exc
    except openai.APIConnectionError as exc:
        raise LLMUnavailable("无法连接模型服务") from exc
    except (openai.OpenAIError, httpx2.HTTPError, ValueError, KeyError, AttributeError) as exc:
        raise LLMUnavailable(f"响应格式异常（{type(exc).__name__}）") from exc
    if not produced:
        raise LLMUnavailable("模型返回了空回答")
    if not finished:
        raise LLMUnavailable("回答流中途中断")
