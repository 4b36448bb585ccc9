"""OpenTelemetry: one tracer provider per process; trace context crosses Kafka in headers.

A command's span context is stored with its events (``meta.traceparent``), so the relay and
the consumers continue the trace that began with the command even when they run much later.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import ConsoleSpanExporter, SimpleSpanProcessor, SpanExporter
from opentelemetry.trace import Link, SpanContext
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

_propagator = TraceContextTextMapPropagator()


def configure_tracing(service_name: str, exporter: SpanExporter | None = None, console: bool = False) -> None:
    """Install the SDK provider once; an exporter is optional (tests pass an in-memory one)."""
    from opentelemetry.sdk.resources import Resource

    provider = TracerProvider(resource=Resource.create({"service.name": service_name}))
    if exporter is not None:
        provider.add_span_processor(SimpleSpanProcessor(exporter))
    if console:
        provider.add_span_processor(SimpleSpanProcessor(ConsoleSpanExporter()))
    trace.set_tracer_provider(provider)


def tracer(name: str) -> trace.Tracer:
    return trace.get_tracer(name)


def current_traceparent() -> str | None:
    carrier: dict[str, str] = {}
    _propagator.inject(carrier)
    return carrier.get("traceparent")


def context_from_traceparent(traceparent: str | None) -> Context | None:
    if not traceparent:
        return None
    return _propagator.extract({"traceparent": traceparent})


def span_context_of(traceparent: str | None) -> SpanContext | None:
    context = context_from_traceparent(traceparent)
    if context is None:
        return None
    span_context = trace.get_current_span(context).get_span_context()
    return span_context if span_context.is_valid else None


def links_to(traceparents: Iterable[str | None]) -> list[Link]:
    """Links from a batch span to the traces of the messages in it (the OTel messaging pattern)."""
    links, seen = [], set()
    for traceparent in traceparents:
        if traceparent and traceparent not in seen:
            seen.add(traceparent)
            span_context = span_context_of(traceparent)
            if span_context is not None:
                links.append(Link(span_context))
    return links


def traceparent_from_headers(headers: Mapping[str, bytes]) -> str | None:
    value = headers.get("traceparent")
    return value.decode() if value else None
