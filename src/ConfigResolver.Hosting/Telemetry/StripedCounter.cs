namespace ConfigResolver.Hosting;

/// <summary>
/// A counter for hot paths: each thread increments its own cache-line-padded stripe with a plain add (no lock, no
/// interlocked instruction, no shared line bouncing between cores), and <see cref="Total"/> sums the stripes when a
/// metrics listener collects. Two threads whose ids map to the same stripe may, rarely, lose an increment at the same
/// instant; metrics tolerate that, and the request path stays at a few nanoseconds and 0 bytes.
/// </summary>
internal sealed class StripedCounter
{
    private const int Stripes = 64;
    private const int Spacing = 8; // 8 longs = 64 bytes: one stripe per cache line.

    private readonly long[] _cells = new long[Stripes * Spacing];

    public void Increment() => _cells[(Environment.CurrentManagedThreadId & (Stripes - 1)) * Spacing]++;

    public long Total
    {
        get
        {
            long total = 0;
            for (var i = 0; i < _cells.Length; i += Spacing)
            {
                total += Volatile.Read(ref _cells[i]);
            }

            return total;
        }
    }
}
