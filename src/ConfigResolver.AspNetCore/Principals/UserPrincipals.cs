using System.Collections.Concurrent;
using ConfigResolver.Authorization;

namespace ConfigResolver.AspNetCore;

/// <summary>
/// One <see cref="Principal"/> per user id, reused across requests: the decision cache keys on the principal, and
/// building one allocates. Bounded: cleared when it reaches <see cref="Capacity"/> users.
/// </summary>
internal static class UserPrincipals
{
    public const int Capacity = 100_000;

    private static readonly ConcurrentDictionary<Guid, Principal> s_principals = new();

    public static Principal For(Guid userId)
    {
        if (s_principals.TryGetValue(userId, out var principal))
        {
            return principal;
        }

        if (s_principals.Count >= Capacity)
        {
            s_principals.Clear();
        }

        return s_principals.GetOrAdd(userId, static id => Principal.ForUser(id));
    }
}
