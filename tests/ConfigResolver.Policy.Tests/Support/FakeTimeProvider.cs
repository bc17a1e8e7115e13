namespace ConfigResolver.Policy.Tests.Support;

/// <summary>A clock the test sets by hand.</summary>
internal sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
{
    /// <summary>The time <see cref="GetUtcNow"/> returns.</summary>
    public DateTimeOffset Now { get; set; } = now;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Now;
}
