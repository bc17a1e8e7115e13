namespace ConfigResolver.Policy.Tests.Functions;

/// <summary>A clock that always reads the same instant, in a time zone of the test's choosing.</summary>
public sealed class FakeTimeProvider(DateTimeOffset utcNow, TimeZoneInfo? localTimeZone = null) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone { get; } = localTimeZone ?? TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => utcNow.ToUniversalTime();
}
