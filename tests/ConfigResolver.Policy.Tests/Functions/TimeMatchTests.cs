using ConfigResolver.Policy.Functions;
using Microsoft.Extensions.Time.Testing;

namespace ConfigResolver.Policy.Tests.Functions;

public sealed class TimeMatchTests
{
    private static readonly FakeTimeProvider s_now = new(new DateTimeOffset(2024, 6, 15, 12, 30, 0, TimeSpan.Zero));

    public static TheoryData<string, string, bool> Windows => new()
    {
        { "0000-01-01 00:00:00", "0000-01-02 00:00:00", false },
        { "0000-01-01 00:00:00", "9999-12-30 00:00:00", true },
        { "_", "_", true },
        { "_", "9999-12-30 00:00:00", true },
        { "_", "0000-01-02 00:00:00", false },
        { "0000-01-01 00:00:00", "_", true },
        { "9999-12-30 00:00:00", "_", false },
        { "2024-06-15 12:29:59", "2024-06-15 12:30:01", true },
        { "2024-06-15 12:30:00", "_", false },
        { "_", "2024-06-15 12:30:00", false },
        { "2024-06-15 12:29:59.999", "_", true },
        { "2024-06-15  12:29:59", "_", true },
        { "2024-06-15 9:00:00", "_", true },
        { "2024-02-29 00:00:00", "_", true },
        { "9999-12-30 00:00:00", "not a time", false },
    };

    public static TheoryData<string, string, string> InvalidTimes => new()
    {
        { "2024-13-01 00:00:00", "_", "month out of range" },
        { "2023-02-29 00:00:00", "_", "day out of range" },
        { "2024-01-01 24:00:00", "_", "hour out of range" },
        { "2024-01-01T00:00:00", "_", "cannot parse \"T00:00:00\" as \" \"" },
        { "2024-1-01 00:00:00", "_", "cannot parse \"1-01 00:00:00\" as \"01\"" },
        { "2024-01-01 00:00:00Z", "_", "extra text" },
        { "_", "x", "cannot parse \"x\" as \"2006\"" },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void TimeMatch_is_true_strictly_inside_the_window(string start, string end, bool expected)
    {
        Assert.Equal(expected, BuiltInFunctions.TimeMatch(start, end, s_now));
    }

    [Theory]
    [MemberData(nameof(InvalidTimes))]
    public void TimeMatch_throws_go_parse_errors(string start, string end, string fragment)
    {
        var ex = Assert.Throws<PolicyFunctionException>(() => BuiltInFunctions.TimeMatch(start, end, s_now));

        Assert.Equal("timeMatch", ex.FunctionName);
        Assert.Contains(fragment, ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeMatch_reads_times_as_utc_whatever_the_local_time_zone()
    {
        var tokyo = TimeZoneInfo.CreateCustomTimeZone("UTC+9", TimeSpan.FromHours(9), "UTC+9", "UTC+9");
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 6, 15, 21, 30, 0, TimeSpan.FromHours(9)));
        clock.SetLocalTimeZone(tokyo);

        Assert.True(BuiltInFunctions.TimeMatch("2024-06-15 12:29:00", "2024-06-15 12:31:00", clock));
        Assert.False(BuiltInFunctions.TimeMatch("2024-06-15 21:29:00", "_", clock));
    }
}
