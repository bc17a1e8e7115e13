namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>
/// Go's time.Parse for the one layout casbin's timeMatch uses, "2006-01-02 15:04:05", giving the
/// instant in UTC (Go reads a layout without a zone as UTC) as nanoseconds since 1970-01-01.
/// </summary>
/// <remarks>
/// Go's rules for this layout: a four-digit year (0000 is valid); two-digit month, day, minute
/// and second; a one- or two-digit hour; the space may be one or more spaces; an optional
/// fractional second after the seconds (".5" or ",5", extra digits beyond nine ignored); nothing
/// after that; month 1-12, hour 0-23, minute and second 0-59, and a day that exists in that month.
/// </remarks>
internal static class GoTime
{
    public const string Layout = "2006-01-02 15:04:05";
    private const long NanosPerSecond = 1_000_000_000;

    public static bool TryParse(string value, out Int128 unixNanos, out string error)
    {
        unixNanos = 0;
        var reader = new Reader(value);
        if (!reader.Fixed(4, "2006", out var year) || !reader.Literal('-')
            || !reader.Fixed(2, "01", out var month) || !Range(month, 1, 12, "month", ref reader)
            || !reader.Literal('-') || !reader.Fixed(2, "02", out var day)
            || !reader.Spaces() || !reader.Number("15", out var hour) || !Range(hour, 0, 23, "hour", ref reader)
            || !reader.Literal(':') || !reader.Fixed(2, "04", out var minute) || !Range(minute, 0, 59, "minute", ref reader)
            || !reader.Literal(':') || !reader.Fixed(2, "05", out var second) || !Range(second, 0, 59, "second", ref reader))
        {
            error = reader.Error;
            return false;
        }

        var nanos = reader.Fraction();
        if (reader.Rest.Length > 0)
        {
            error = $"parsing time \"{value}\": extra text: \"{reader.Rest}\"";
            return false;
        }

        if (day < 1 || day > DaysIn(month, year))
        {
            error = $"parsing time \"{value}\": day out of range";
            return false;
        }

        var seconds = (DaysFromCivil(year, month, day) * 86_400L) + (hour * 3600L) + (minute * 60L) + second;
        unixNanos = ((Int128)seconds * NanosPerSecond) + nanos;
        error = string.Empty;
        return true;
    }

    private static bool Range(int number, int min, int max, string name, ref Reader reader)
    {
        if (number >= min && number <= max)
        {
            return true;
        }

        reader.Error = $"parsing time \"{reader.Value}\": {name} out of range";
        return false;
    }

    private static int DaysIn(int month, int year) => month switch
    {
        2 => (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    /// <summary>Days from 1970-01-01 in the proleptic Gregorian calendar (year 0 included).</summary>
    private static long DaysFromCivil(long year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - (era * 400);
        var dayOfYear = ((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097) + dayOfEra - 719_468;
    }

    private ref struct Reader(string value)
    {
        public string Value { get; } = value;

        public int Position { get; private set; }

        public string Error { get; set; } = string.Empty;

        public readonly ReadOnlySpan<char> Rest => Value.AsSpan(Position);

        /// <summary>Exactly <paramref name="count"/> digits (Go's year and zero-padded fields).</summary>
        public bool Fixed(int count, string element, out int number)
        {
            number = 0;
            var rest = Rest;
            if (rest.Length < count || rest[..count].ContainsAnyExceptInRange('0', '9'))
            {
                if (count == 4 && rest.Length >= 4 && char.IsAsciiDigit(rest[0]))
                {
                    // Go has already cut the four year characters off when it reports the error.
                    Position += 4;
                }

                return Fail(element);
            }

            foreach (var c in rest[..count])
            {
                number = (number * 10) + (c - '0');
            }

            Position += count;
            return true;
        }

        /// <summary>One or two digits (Go's unpadded hour).</summary>
        public bool Number(string element, out int number)
        {
            number = 0;
            var rest = Rest;
            if (rest.IsEmpty || !char.IsAsciiDigit(rest[0]))
            {
                return Fail(element);
            }

            var length = rest.Length > 1 && char.IsAsciiDigit(rest[1]) ? 2 : 1;
            foreach (var c in rest[..length])
            {
                number = (number * 10) + (c - '0');
            }

            Position += length;
            return true;
        }

        public bool Literal(char expected)
        {
            if (Rest.IsEmpty || Rest[0] != expected)
            {
                Error = $"parsing time \"{Value}\" as \"{Layout}\": cannot parse \"{Rest}\" as \"{expected}\"";
                return false;
            }

            Position++;
            return true;
        }

        /// <summary>Go's layout space: one or more spaces (or nothing at the very end, which then fails on the hour).</summary>
        public bool Spaces()
        {
            if (!Rest.IsEmpty && Rest[0] != ' ')
            {
                Error = $"parsing time \"{Value}\" as \"{Layout}\": cannot parse \"{Rest}\" as \" \"";
                return false;
            }

            while (!Rest.IsEmpty && Rest[0] == ' ')
            {
                Position++;
            }

            return true;
        }

        /// <summary>Go accepts a fractional second after the seconds even though the layout has none.</summary>
        public int Fraction()
        {
            var rest = Rest;
            if (rest.Length < 2 || rest[0] is not ('.' or ',') || !char.IsAsciiDigit(rest[1]))
            {
                return 0;
            }

            var digits = 1;
            while (1 + digits < rest.Length && char.IsAsciiDigit(rest[1 + digits]))
            {
                digits++;
            }

            var nanos = 0;
            for (var i = 0; i < 9; i++)
            {
                nanos = (nanos * 10) + (i < digits ? rest[1 + i] - '0' : 0);
            }

            Position += 1 + digits;
            return nanos;
        }

        private bool Fail(string element)
        {
            Error = $"parsing time \"{Value}\" as \"{Layout}\": cannot parse \"{Rest}\" as \"{element}\"";
            return false;
        }
    }
}
