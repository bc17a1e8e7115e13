namespace ConfigResolver.Usage;

/// <summary>
/// One (organization, team, meter, month) counter's local lease. Consumption subtracts from <see cref="_remaining"/> with
/// one interlocked add; refills and settlements run under <see cref="Gate"/>.
/// </summary>
internal sealed class UsageLease(Guid organizationId, string? team, string meter, string period, long periodEndTicks, long size)
{
    // Units reserved in the store and not consumed yet. Goes negative only for the instant between a failed subtraction
    // and its undo; a reader that sees that takes the slow path, which re-checks under the gate.
    private long _remaining;

    public Guid OrganizationId { get; } = organizationId;

    public string? Team { get; } = team;

    public string Meter { get; } = meter;

    public string Period { get; } = period;

    public long PeriodEndTicks { get; } = periodEndTicks;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Units granted since the last settlement; changed only under <see cref="Gate"/>.</summary>
    public long Granted { get; set; }

    /// <summary>The next lease's size; changed only under <see cref="Gate"/>.</summary>
    public long Size { get; set; } = size;

    /// <summary>When the last refill happened (ticks), for sizing; changed only under <see cref="Gate"/>.</summary>
    public long LastRefillTicks { get; set; }

    /// <summary>What the store had free after the last reservation (null: unlimited); written under <see cref="Gate"/>, read racily for reporting.</summary>
    public long? StoreRemaining { get; set; }

    // The counter's used units (consumed + leased) the store reported at the last refill, less what settlements
    // returned since; written under Gate, read by usage readers without it (a long on 64-bit is read whole).
    private long _storeUsed;

    public long StoreUsed
    {
        get => Volatile.Read(ref _storeUsed);
        set => Volatile.Write(ref _storeUsed, value);
    }

    public long Remaining => Volatile.Read(ref _remaining);

    public bool TryTake(long amount, out long left)
    {
        left = Interlocked.Add(ref _remaining, -amount);
        if (left >= 0)
        {
            return true;
        }

        Interlocked.Add(ref _remaining, amount);
        return false;
    }

    public void Add(long units) => Interlocked.Add(ref _remaining, units);

    /// <summary>Takes every unconsumed unit out of the lease (under <see cref="Gate"/>) and says what was consumed since the last settlement.</summary>
    public (long Consumed, long Returned) Drain()
    {
        var returned = Math.Max(0, Interlocked.Exchange(ref _remaining, 0));
        var consumed = Granted - returned;
        Granted = 0;
        return (consumed, returned);
    }
}
