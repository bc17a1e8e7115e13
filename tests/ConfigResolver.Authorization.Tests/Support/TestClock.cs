using ConfigResolver.Testing;

namespace ConfigResolver.Authorization.Tests.Support;

internal static class TestClock
{
    public static ManualTimeProvider Instance { get; } = new();
}
