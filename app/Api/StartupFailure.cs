using System.Net.Sockets;
using System.Reflection;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace Slices.Api;

/// <summary>
/// Start-up failures that a user can fix without reading a stack trace: an invalid setting, or an
/// address that another process already listens on.
/// </summary>
public static class StartupFailure
{
    /// <summary>Whether Slices runs as its own process rather than inside a test host.</summary>
    public static bool IsOwnProcess => Assembly.GetEntryAssembly() == typeof(StartupFailure).Assembly;

    /// <summary>Returns what the user must fix, or null when <paramref name="exception"/> is not such a failure.</summary>
    public static string? Describe(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = Unwrap(current))
        {
            switch (current)
            {
                case OptionsValidationException invalidOptions:
                    return string.Join(" ", invalidOptions.Failures);
                case InvalidSettingException invalidSetting:
                    return invalidSetting.Message;
                case IOException { InnerException: AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } } bindFailure:
                    return $"{bindFailure.Message} Stop the other process or choose another address with --urls.";
            }
        }

        return null;
    }

    private static Exception? Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate
            ? aggregate.InnerExceptions[0]
            : exception.InnerException;
}
