using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ProtocolOcr.Api.Security;

/// <summary>
/// Counts failed sign-ins per (user name, client address); after <see cref="SecurityOptions.LoginMaxFailures"/> in a
/// row the pair is locked for <see cref="SecurityOptions.LoginLockoutMinutes"/>, even for the right password. Kept in
/// memory: one API process per deployment; a restart forgets the counts.
/// </summary>
public sealed class LoginThrottle(IOptions<SecurityOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Attempts> _attempts = new(StringComparer.Ordinal);

    /// <summary>When the pair is locked, the time left; otherwise null.</summary>
    public TimeSpan? LockedFor(string userName, string? address)
    {
        if (!_attempts.TryGetValue(Key(userName, address), out var attempts) || attempts.LockedUntil is not { } until)
        {
            return null;
        }

        var left = until - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    public void RecordFailure(string userName, string? address) =>
        _attempts.AddOrUpdate(Key(userName, address), _ => After(0), (_, previous) => After(previous.Failures));

    public void RecordSuccess(string userName, string? address) => _attempts.TryRemove(Key(userName, address), out _);

    private Attempts After(int previousFailures)
    {
        var settings = options.Value;
        var failures = previousFailures + 1;
        return failures >= settings.LoginMaxFailures
            ? new Attempts(0, time.GetUtcNow().AddMinutes(settings.LoginLockoutMinutes))
            : new Attempts(failures, null);
    }

    private static string Key(string userName, string? address) =>
        userName.Trim().ToLowerInvariant() + "\n" + (address ?? "unknown");

    private sealed record Attempts(int Failures, DateTimeOffset? LockedUntil);
}
