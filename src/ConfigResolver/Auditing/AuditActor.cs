using ConfigResolver.Tenancy;

namespace ConfigResolver.Auditing;

/// <summary>
/// Who performed an administrative write, as the audit log records it: <c>system</c>, <c>cli</c>, <c>user:&lt;email&gt;</c>
/// or <c>apikey:&lt;id&gt;</c>. Stores read the ambient <see cref="Current"/> actor when they append a write's audit event.
/// </summary>
/// <remarks>
/// <see cref="Use"/> sets the actor for the current asynchronous flow (an <see cref="AsyncLocal{T}"/>), so a host sets it
/// once per request and every write made while serving it is attributed; without it, writes are attributed to
/// <see cref="System"/>. Immutable; safe to share between threads.
/// </remarks>
public sealed record AuditActor
{
    private static readonly AsyncLocal<AuditActor?> s_current = new();

    private AuditActor(string name) => Name = name;

    /// <summary>Gets the actor as the audit log stores it, for example <c>user:ann@acme.example</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the actor of writes made by the library itself or by code that named no actor.</summary>
    public static AuditActor System { get; } = new("system");

    /// <summary>Gets the actor of writes made from the command line without <c>--by</c>.</summary>
    public static AuditActor Cli { get; } = new("cli");

    /// <summary>Gets the actor in force for the current asynchronous flow; <see cref="System"/> when none was set.</summary>
    public static AuditActor Current => s_current.Value ?? System;

    /// <summary>A user, named by email (normalized, so queries match whatever case was typed).</summary>
    /// <param name="email">The user's email.</param>
    /// <returns>The actor <c>user:&lt;email&gt;</c>.</returns>
    public static AuditActor User(string email)
    {
        ArgumentException.ThrowIfNullOrEmpty(email);
        return new("user:" + TenancyRules.NormalizeEmail(email));
    }

    /// <summary>An API key, named by its id (never its secret).</summary>
    /// <param name="keyId">The key's id.</param>
    /// <returns>The actor <c>apikey:&lt;id&gt;</c>.</returns>
    public static AuditActor ApiKey(Guid keyId) => new("apikey:" + keyId.ToString("D"));

    /// <summary>Makes <paramref name="actor"/> the current actor until the returned scope is disposed.</summary>
    /// <param name="actor">The actor.</param>
    /// <returns>A scope whose disposal restores the previous actor.</returns>
    public static IDisposable Use(AuditActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var previous = s_current.Value;
        s_current.Value = actor;
        return new Scope(previous);
    }

    /// <summary>Returns <see cref="Name"/>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    private sealed class Scope(AuditActor? previous) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                s_current.Value = previous;
            }
        }
    }
}
