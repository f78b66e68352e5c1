using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Slices.Auth;

namespace Slices.Features.Login;

/// <summary>
/// Counts failed logins per username and per client address in fixed windows kept in <see cref="IMemoryCache"/>.
/// Once either count reaches its limit, further attempts are rejected until that window ends.
/// </summary>
public sealed class LoginThrottle(IMemoryCache cache, IOptions<AuthOptions> options, TimeProvider clock)
{
    private LoginThrottleSettings Settings => options.Value.Throttle;

    /// <summary>Returns how long the caller must wait before the next attempt, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string username, string clientAddress)
    {
        var now = clock.GetUtcNow();
        var byUsername = Blocked(UsernameKey(username), Settings.MaxFailuresPerUsername, now);
        var byAddress = Blocked(AddressKey(clientAddress), Settings.MaxFailuresPerAddress, now);

        return (byUsername, byAddress) switch
        {
            (null, null) => null,
            (null, var wait) => wait,
            (var wait, null) => wait,
            var (first, second) => first > second ? first : second,
        };
    }

    public void RecordFailure(string username, string clientAddress)
    {
        var now = clock.GetUtcNow();

        Increment(UsernameKey(username), now);
        Increment(AddressKey(clientAddress), now);
    }

    /// <summary>Clears the username's failures; the address keeps its count, so one good login does not reopen guessing across accounts.</summary>
    public void RecordSuccess(string username) => cache.Remove(UsernameKey(username));

    private static string UsernameKey(string username) => $"login-failures:user:{username.ToLowerInvariant()}";

    private static string AddressKey(string clientAddress) => $"login-failures:address:{clientAddress}";

    private TimeSpan? Blocked(string key, int maxFailures, DateTimeOffset now)
    {
        if (!cache.TryGetValue(key, out FailureWindow? window) || window is null || window.EndsAt <= now)
            return null;

        return window.Count >= maxFailures ? window.EndsAt - now : null;
    }

    private void Increment(string key, DateTimeOffset now)
    {
        if (!cache.TryGetValue(key, out FailureWindow? window) || window is null || window.EndsAt <= now)
        {
            window = new FailureWindow(now + Settings.Window);
            cache.Set(key, window, new MemoryCacheEntryOptions { AbsoluteExpiration = window.EndsAt, Size = 1 });
        }

        window.Increment();
    }

    private sealed class FailureWindow(DateTimeOffset endsAt)
    {
        private int count;

        public DateTimeOffset EndsAt { get; } = endsAt;

        public int Count => Volatile.Read(ref count);

        public void Increment() => Interlocked.Increment(ref count);
    }
}
