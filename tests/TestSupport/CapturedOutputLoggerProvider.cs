using Microsoft.Extensions.Logging;

namespace Airline.TestSupport;

/// <summary>
/// Writes the testing builder's log into <see cref="CapturedOutput"/>: Aspire's own lines and, under the category
/// <c>{AppHost}.Resources.{name}</c>, every line each resource writes to its console.
/// </summary>
internal sealed class CapturedOutputLoggerProvider(CapturedOutput output) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(ShortName(categoryName), output);

    public void Dispose()
    {
    }

    private static string ShortName(string category) =>
        category.LastIndexOf(".Resources.", StringComparison.Ordinal) is var at and >= 0 ? category[(at + ".Resources.".Length)..] : category;

    private sealed class Logger(string source, CapturedOutput output) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                output.Add($"{DateTime.Now:HH:mm:ss.fff} {source,-16}| {formatter(state, exception)}{(exception is null ? string.Empty : $" {exception.Message}")}");
            }
        }
    }
}
