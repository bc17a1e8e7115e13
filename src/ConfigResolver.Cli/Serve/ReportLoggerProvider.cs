using ConfigResolver.Cli.CommandLine;
using Microsoft.Extensions.Logging;

namespace ConfigResolver.Cli.Serve;

/// <summary>Sends warnings and errors of the server to standard error, one line each (no stack traces: the message and the exception's type and message).</summary>
internal sealed class ReportLoggerProvider(CommandContext context) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ReportLogger(context, categoryName);

    public void Dispose()
    {
    }

    private sealed class ReportLogger(CommandContext context, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var text = formatter(state, exception);
            var cause = exception is null ? string.Empty : $" ({exception.GetType().Name}: {exception.Message})";
            context.Report($"{(logLevel >= LogLevel.Error ? "error" : "warning")}: {category}: {text}{cause}");
        }
    }
}
