using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ConfigResolver.Access.Tests.Support;

/// <summary>A logger factory that keeps every rendered message and exception text, to prove secrets never reach logs.</summary>
internal sealed class CapturingLogger : ILoggerFactory, ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public string All => string.Join('\n', _lines);

    public ILogger CreateLogger(string categoryName) => this;

    public ILogger<T> For<T>() => new Logger<T>(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        _lines.Enqueue($"{logLevel} {formatter(state, exception)} {exception}");
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            foreach (var (key, value) in values)
            {
                _lines.Enqueue($"  {key}={value}");
            }
        }
    }

    public void Dispose()
    {
    }
}
