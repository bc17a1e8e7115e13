using ConfigResolver.Storage;
using ConfigResolver.Testing;

namespace ConfigResolver.Access.Tests.Support;

/// <summary>Counts the reads and usage writes the access services make.</summary>
internal sealed class CountingStore(ITenantStore inner) : DelegatingTenantStore(inner)
{
    private int _prefixReads;
    private int _usageWrites;

    public int PrefixReads => Volatile.Read(ref _prefixReads);

    public int UsageWrites => Volatile.Read(ref _usageWrites);

    public List<ApiKeyUsage> Usage { get; } = [];

    public override ValueTask<ApiKey?> FindApiKeyByPrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _prefixReads);
        return base.FindApiKeyByPrefixAsync(prefix, cancellationToken);
    }

    public override Task RecordApiKeyUsageAsync(IReadOnlyCollection<ApiKeyUsage> usage, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _usageWrites);
        lock (Usage)
        {
            Usage.AddRange(usage);
        }

        return base.RecordApiKeyUsageAsync(usage, cancellationToken);
    }
}
