using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ConfigResolver.Policy.Compilation;
using ConfigResolver.Policy.Model;

namespace ConfigResolver.Policy.Evaluation;

/// <summary>
/// Rules of one policy type grouped by the values of the columns an <see cref="IndexPlan"/> names, in one
/// open-addressing table keyed by a hash of those values: a lookup is one probe, verified against the stored
/// values (never trusted on the hash alone). Without equality columns the key is the role column alone. Buckets
/// hold rule positions in ascending order, so evaluation order (and priority) is preserved. Immutable.
/// </summary>
internal sealed class RuleIndex
{
    private readonly ulong[] _hashes;
    private readonly Bucket?[] _buckets;
    private readonly int _mask;

    private readonly int _count;

    private RuleIndex(ulong[] hashes, Bucket?[] buckets, bool byRole, int count)
    {
        _count = count;
        _hashes = hashes;
        _buckets = buckets;
        _mask = buckets.Length - 1;
        ByRole = byRole;
    }

    /// <summary>Whether the key is the role column alone (the plan has no equality term).</summary>
    public bool ByRole { get; }

    // Runs once per load: compile optimized straight away instead of through tiering (no tier-0 loops).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static RuleIndex Build(IndexPlan plan, ImmutableArray<string[]> rules)
    {
        var byRole = plan.Equalities.IsEmpty;
        var columns = byRole ? [plan.Role!.PolicyIndex] : plan.Equalities.Select(static e => e.PolicyIndex).ToArray();
        var groups = new Dictionary<string[], List<int>>(Model.RuleComparer.Instance);
        for (var i = 0; i < rules.Length; i++)
        {
            var key = new string[columns.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                key[c] = rules[i][columns[c]];
            }

            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(i);
        }

        var capacity = (int)Math.Max(4, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, groups.Count * 2)));
        var hashes = new ulong[capacity];
        var buckets = new Bucket?[capacity];
        foreach (var (key, list) in groups)
        {
            var hash = HashOf(key);
            var slot = (int)hash & (capacity - 1);
            while (buckets[slot] is not null)
            {
                slot = (slot + 1) & (capacity - 1);
            }

            hashes[slot] = hash;
            buckets[slot] = new Bucket(key, [.. list]);
        }

        return new RuleIndex(hashes, buckets, byRole, groups.Count);
    }

    /// <summary>
    /// The index after rules were appended at the end of <paramref name="before"/> (positions of existing rules
    /// unchanged): the table is copied and only the affected buckets change. Null when the change is not a pure
    /// append or the table would get too full; the caller then rebuilds.
    /// </summary>
    public static RuleIndex? TryAppend(RuleIndex index, RuleList before, RuleList after, IndexPlan plan)
    {
        if (!ReferenceEquals(after.Parent, before) || after.Removed.Length > 0
            || after.Count != before.Count + after.Added.Length
            || (index._count + after.Added.Length) * 4 > index._buckets.Length * 3)
        {
            return null;
        }

        for (var k = 0; k < after.Added.Length; k++)
        {
            if (!ReferenceEquals(after.Items[before.Count + k], after.Added[k]))
            {
                return null;
            }
        }

        var columns = index.ByRole ? [plan.Role!.PolicyIndex] : plan.Equalities.Select(static e => e.PolicyIndex).ToArray();
        var hashes = (ulong[])index._hashes.Clone();
        var buckets = (Bucket?[])index._buckets.Clone();
        var mask = buckets.Length - 1;
        var count = index._count;
        for (var k = 0; k < after.Added.Length; k++)
        {
            var rule = after.Added[k];
            var key = columns.Select(c => rule[c]).ToArray();
            var hash = HashOf(key);
            var slot = (int)hash & mask;
            while (buckets[slot] is { } existing && !(hashes[slot] == hash && existing.Key.SequenceEqual(key)))
            {
                slot = (slot + 1) & mask;
            }

            var position = before.Count + k;
            hashes[slot] = hash;
            if (buckets[slot] is { } bucket)
            {
                buckets[slot] = new Bucket(bucket.Key, [.. bucket.Rules, position]);
            }
            else
            {
                buckets[slot] = new Bucket(key, [position]);
                count++;
            }
        }

        return new RuleIndex(hashes, buckets, index.ByRole, count);
    }

    /// <summary>Rules whose equality columns hold the request's values; null when there are none.</summary>
    public int[]? Find(IndexPlan plan, ReadOnlySpan<object?> request)
    {
        var keys = plan.Equalities;
        var h = RequestHash.Start;
        foreach (var key in keys)
        {
            h = RequestHash.Add(h, KeyValue(key, request));
        }

        h = RequestHash.Finish(h);
        for (var slot = (int)h & _mask; ; slot = (slot + 1) & _mask)
        {
            var bucket = _buckets[slot];
            if (bucket is null)
            {
                return null;
            }

            if (_hashes[slot] == h && Matches(bucket.Key, keys, request))
            {
                return bucket.Rules;
            }
        }
    }

    /// <summary>Rules whose role column holds <paramref name="role"/> (role-only plans).</summary>
    public int[]? FindByRole(string role)
    {
        var h = RequestHash.Finish(RequestHash.Add(RequestHash.Start, role));
        for (var slot = (int)h & _mask; ; slot = (slot + 1) & _mask)
        {
            var bucket = _buckets[slot];
            if (bucket is null)
            {
                return null;
            }

            if (_hashes[slot] == h && string.Equals(bucket.Key[0], role, StringComparison.Ordinal))
            {
                return bucket.Rules;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static string KeyValue(EqualityKey key, ReadOnlySpan<object?> request) =>
        key.RequestIndex >= 0 ? (string)request[key.RequestIndex]! : key.Constant!;

    private static bool Matches(string[] stored, ImmutableArray<EqualityKey> keys, ReadOnlySpan<object?> request)
    {
        for (var i = 0; i < stored.Length; i++)
        {
            if (!string.Equals(stored[i], KeyValue(keys[i], request), StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static ulong HashOf(string[] key)
    {
        var h = RequestHash.Start;
        foreach (var value in key)
        {
            h = RequestHash.Add(h, value);
        }

        return RequestHash.Finish(h);
    }

    private sealed class Bucket(string[] key, int[] rules)
    {
        public string[] Key { get; } = key;

        public int[] Rules { get; } = rules;
    }
}
