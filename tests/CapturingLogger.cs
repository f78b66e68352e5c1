using Microsoft.Extensions.Logging;

namespace Slices.Tests;

/// <summary>A logger that keeps every entry with its message template and named properties, for handler tests.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly List<LogEntry> entries = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (entries)
                return entries.ToArray();
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var properties = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        var entry = new LogEntry(
            logLevel,
            properties.FirstOrDefault(property => property.Key == "{OriginalFormat}").Value as string ?? "",
            formatter(state, exception),
            properties.Where(property => property.Key != "{OriginalFormat}").ToDictionary(property => property.Key, property => property.Value));

        lock (entries)
            entries.Add(entry);
    }
}

public sealed record LogEntry(LogLevel Level, string Template, string Message, IReadOnlyDictionary<string, object?> Properties);
