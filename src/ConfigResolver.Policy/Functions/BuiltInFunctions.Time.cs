using ConfigResolver.Policy.Functions.GoCompat;

namespace ConfigResolver.Policy.Functions;

/// <summary>timeMatch.</summary>
public static partial class BuiltInFunctions
{
    /// <summary>
    /// Go's TimeMatch using the system clock: see <see cref="TimeMatch(string, string, TimeProvider)"/>.
    /// </summary>
    /// <param name="startTime">The start, "2006-01-02 15:04:05" form in UTC, or "_" for no start.</param>
    /// <param name="endTime">The end, same form, or "_" for no end.</param>
    /// <returns>Whether now is strictly after the start and strictly before the end.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PolicyFunctionException">A bound is neither "_" nor a valid time.</exception>
    public static bool TimeMatch(string startTime, string endTime) => TimeMatch(startTime, endTime, TimeProvider.System);

    /// <summary>
    /// Go's TimeMatch: true when the current time is strictly after <paramref name="startTime"/>
    /// and strictly before <paramref name="endTime"/>; "_" leaves a side unbounded. Times use Go's
    /// layout "2006-01-02 15:04:05" and, as in Go, are read as UTC (year 0000 is allowed).
    /// The start is checked first; if it is invalid or not yet reached, the end is not parsed.
    /// </summary>
    /// <param name="startTime">The start, or "_".</param>
    /// <param name="endTime">The end, or "_".</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>Whether now is inside the window.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PolicyFunctionException">A bound that had to be read is neither "_" nor a valid time (Go's time.Parse error text).</exception>
    public static bool TimeMatch(string startTime, string endTime, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(startTime);
        ArgumentNullException.ThrowIfNull(endTime);
        ArgumentNullException.ThrowIfNull(timeProvider);
        return TimeMatchAt(startTime, endTime, timeProvider.GetUtcNow());
    }

    /// <summary>Go's TimeMatch at a given instant instead of the clock's (an explanation re-reading its decision's instant).</summary>
    internal static bool TimeMatchAt(string startTime, string endTime, DateTimeOffset at)
    {
        var now = (Int128)(at - DateTimeOffset.UnixEpoch).Ticks * 100;
        if (startTime != "_" && !(now > ParseTime(startTime)))
        {
            return false;
        }

        return endTime == "_" || now < ParseTime(endTime);
    }

    private static Int128 ParseTime(string text) =>
        GoTime.TryParse(text, out var nanos, out var error) ? nanos : throw new PolicyFunctionException("timeMatch", error);
}
