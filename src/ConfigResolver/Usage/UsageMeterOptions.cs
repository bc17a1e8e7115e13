namespace ConfigResolver.Usage;

/// <summary>How a <see cref="UsageMeter"/> sizes its leases.</summary>
public sealed record UsageMeterOptions
{
    /// <summary>Gets the first lease's size in units (default 16).</summary>
    public long InitialLease { get; init; } = 16;

    /// <summary>
    /// Gets the largest lease in units (default 1,024). The documented bound: consumption never exceeds a limit, and a
    /// refusal can come while up to (instances − 1) × <see cref="MaxLease"/> units sit unused in other instances' leases.
    /// </summary>
    public long MaxLease { get; init; } = 1024;

    /// <summary>Gets the refill interval leases are sized for: refills closer together double the lease, further apart halve it (default 1 s).</summary>
    public TimeSpan TargetRefillInterval { get; init; } = TimeSpan.FromSeconds(1);
}
