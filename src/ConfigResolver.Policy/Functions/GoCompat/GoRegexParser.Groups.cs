namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>Flag groups, named captures and counted repetitions, as Go's parser reads them.</summary>
internal sealed partial class GoRegexParser
{
    /// <summary>Parses "(?" forms: named captures, flag settings and non-capturing groups.</summary>
    private void ParsePerlFlags()
    {
        var start = _pos;
        var rest = _pattern.AsSpan(_pos);

        // Go accepts (?P<name>re) and, since Go 1.22, (?<name>re); names are [A-Za-z0-9_]+.
        var nameStart = rest.Length > 4 && rest[2] == 'P' && rest[3] == '<' ? 4
            : rest.Length > 3 && rest[2] == '<' ? 3
            : -1;
        if (nameStart > 0)
        {
            var close = rest.IndexOf('>');
            if (close < 0)
            {
                throw new GoRegexSyntaxException(GoRegexSyntaxException.InvalidNamedCapture, _pattern[start..]);
            }

            var name = rest[nameStart..close];
            if (name.IsEmpty || name.ContainsAnyExcept(s_captureNameChars))
            {
                throw Error(GoRegexSyntaxException.InvalidNamedCapture, start, start + close + 1);
            }

            _captureCount++;
            _frames.Add(new Frame(capturing: true, savedFlags: _flags));
            _pos += close + 1;
            return;
        }

        _pos += 2;
        var flags = _flags;
        var negated = false;
        var sawFlag = false;
        while (_pos < _pattern.Length)
        {
            var c = NextRune();
            switch (c)
            {
                case 'i':
                    flags = negated ? flags & ~ParseFlags.FoldCase : flags | ParseFlags.FoldCase;
                    sawFlag = true;
                    continue;
                case 'm':
                    flags = negated ? flags | ParseFlags.OneLine : flags & ~ParseFlags.OneLine;
                    sawFlag = true;
                    continue;
                case 's':
                    flags = negated ? flags & ~ParseFlags.DotNewLine : flags | ParseFlags.DotNewLine;
                    sawFlag = true;
                    continue;
                case 'U':
                    flags = negated ? flags & ~ParseFlags.NonGreedy : flags | ParseFlags.NonGreedy;
                    sawFlag = true;
                    continue;
                case '-' when !negated:
                    negated = true;
                    sawFlag = false;
                    continue;
                case ':' or ')' when !negated || sawFlag:
                    if (c == ':')
                    {
                        // The group remembers the flags from before its own settings.
                        _frames.Add(new Frame(capturing: false, savedFlags: _flags));
                    }

                    _flags = flags;
                    return;
            }

            break;
        }

        throw Error(GoRegexSyntaxException.InvalidPerlOp, start, _pos);
    }

    /// <summary>Reads {n}, {n,} or {n,m} at <c>_pos</c>; min is -1 when a number is too large. False: '{' is literal.</summary>
    private bool TryParseRepeatCount(out int min, out int max, out int end)
    {
        max = 0;
        end = _pos + 1;
        if (!TryParseInt(ref end, out min) || end >= _pattern.Length)
        {
            return false;
        }

        if (_pattern[end] != ',')
        {
            max = min;
        }
        else
        {
            end++;
            if (end >= _pattern.Length)
            {
                return false;
            }

            if (_pattern[end] == '}')
            {
                max = -1;
            }
            else if (!TryParseInt(ref end, out max))
            {
                return false;
            }
            else if (max < 0)
            {
                min = -1;
            }
        }

        if (end >= _pattern.Length || _pattern[end] != '}')
        {
            return false;
        }

        end++;
        return true;
    }

    /// <summary>Go's parseInt: digits without a leading zero; a value of 10^8 or more reads as -1.</summary>
    private bool TryParseInt(ref int index, out int value)
    {
        value = 0;
        var start = index;
        if (start >= _pattern.Length || !char.IsAsciiDigit(_pattern[start]))
        {
            return false;
        }

        if (_pattern[start] == '0' && start + 1 < _pattern.Length && char.IsAsciiDigit(_pattern[start + 1]))
        {
            return false;
        }

        while (index < _pattern.Length && char.IsAsciiDigit(_pattern[index]))
        {
            if (value >= 100_000_000)
            {
                value = -1;
            }
            else if (value >= 0)
            {
                value = (value * 10) + (_pattern[index] - '0');
            }

            index++;
        }

        return true;
    }
}
