using Microsoft.Extensions.Time.Testing;

namespace ConfigResolver.Testing;

/// <summary>
/// The tests' clock: <see cref="FakeTimeProvider"/> (Microsoft.Extensions.TimeProvider.Testing), started at a fixed
/// instant so that times in golden files and assertions never change. Time stands still until a test advances it.
/// </summary>
public static class TestTime
{
    /// <summary>The instant every test clock starts at: 2026-01-15 09:30 UTC.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    /// <summary>A new clock at <see cref="Start"/>, for a test that advances it.</summary>
    /// <returns>The clock.</returns>
    public static FakeTimeProvider CreateClock() => new(Start);

    /// <summary>A shared clock at <see cref="Start"/> for tests that only need a stable "now"; never advance it.</summary>
    public static FakeTimeProvider Fixed { get; } = CreateClock();
}
