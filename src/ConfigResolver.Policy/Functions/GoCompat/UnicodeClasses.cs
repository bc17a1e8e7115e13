using System.Collections.Concurrent;
using System.Globalization;

namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>
/// The Unicode general-category tables behind Go's \p{..}: the names in Go's unicode.Categories
/// plus "Any". Sets are built on first use from .NET's character data and cached.
/// </summary>
/// <remarks>
/// Go also accepts script names (\p{Greek}, \p{Han}); .NET has no script data, so those are
/// reported as unsupported rather than guessed from block names, which differ from scripts.
/// </remarks>
internal static class UnicodeClasses
{
    // Process-wide on purpose: a category's rune set is fixed Unicode data. Bounded by the names Go defines (about 40);
    // an unknown name is refused before it is cached.
    private static readonly ConcurrentDictionary<string, RuneSet> s_cache = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, UnicodeCategory[]> s_categories = new(StringComparer.Ordinal)
    {
        ["C"] = [UnicodeCategory.Control, UnicodeCategory.Format, UnicodeCategory.PrivateUse, UnicodeCategory.Surrogate],
        ["Cc"] = [UnicodeCategory.Control],
        ["Cf"] = [UnicodeCategory.Format],
        ["Co"] = [UnicodeCategory.PrivateUse],
        ["Cs"] = [UnicodeCategory.Surrogate],
        ["L"] = [UnicodeCategory.UppercaseLetter, UnicodeCategory.LowercaseLetter, UnicodeCategory.TitlecaseLetter, UnicodeCategory.ModifierLetter, UnicodeCategory.OtherLetter],
        ["Ll"] = [UnicodeCategory.LowercaseLetter],
        ["Lm"] = [UnicodeCategory.ModifierLetter],
        ["Lo"] = [UnicodeCategory.OtherLetter],
        ["Lt"] = [UnicodeCategory.TitlecaseLetter],
        ["Lu"] = [UnicodeCategory.UppercaseLetter],
        ["M"] = [UnicodeCategory.NonSpacingMark, UnicodeCategory.SpacingCombiningMark, UnicodeCategory.EnclosingMark],
        ["Mc"] = [UnicodeCategory.SpacingCombiningMark],
        ["Me"] = [UnicodeCategory.EnclosingMark],
        ["Mn"] = [UnicodeCategory.NonSpacingMark],
        ["N"] = [UnicodeCategory.DecimalDigitNumber, UnicodeCategory.LetterNumber, UnicodeCategory.OtherNumber],
        ["Nd"] = [UnicodeCategory.DecimalDigitNumber],
        ["Nl"] = [UnicodeCategory.LetterNumber],
        ["No"] = [UnicodeCategory.OtherNumber],
        ["P"] = [UnicodeCategory.ConnectorPunctuation, UnicodeCategory.DashPunctuation, UnicodeCategory.OpenPunctuation, UnicodeCategory.ClosePunctuation, UnicodeCategory.InitialQuotePunctuation, UnicodeCategory.FinalQuotePunctuation, UnicodeCategory.OtherPunctuation],
        ["Pc"] = [UnicodeCategory.ConnectorPunctuation],
        ["Pd"] = [UnicodeCategory.DashPunctuation],
        ["Pe"] = [UnicodeCategory.ClosePunctuation],
        ["Pf"] = [UnicodeCategory.FinalQuotePunctuation],
        ["Pi"] = [UnicodeCategory.InitialQuotePunctuation],
        ["Po"] = [UnicodeCategory.OtherPunctuation],
        ["Ps"] = [UnicodeCategory.OpenPunctuation],
        ["S"] = [UnicodeCategory.MathSymbol, UnicodeCategory.CurrencySymbol, UnicodeCategory.ModifierSymbol, UnicodeCategory.OtherSymbol],
        ["Sc"] = [UnicodeCategory.CurrencySymbol],
        ["Sk"] = [UnicodeCategory.ModifierSymbol],
        ["Sm"] = [UnicodeCategory.MathSymbol],
        ["So"] = [UnicodeCategory.OtherSymbol],
        ["Z"] = [UnicodeCategory.SpaceSeparator, UnicodeCategory.LineSeparator, UnicodeCategory.ParagraphSeparator],
        ["Zl"] = [UnicodeCategory.LineSeparator],
        ["Zp"] = [UnicodeCategory.ParagraphSeparator],
        ["Zs"] = [UnicodeCategory.SpaceSeparator],
    };

    /// <summary>Gets the normalized, read-only set for a Go class name; false when the name is not a category.</summary>
    public static bool TryGet(string name, out RuneSet set)
    {
        if (name != "Any" && !s_categories.ContainsKey(name))
        {
            set = null!;
            return false;
        }

        set = s_cache.GetOrAdd(name, Build);
        return true;
    }

    private static RuneSet Build(string name)
    {
        var set = new RuneSet();
        if (name == "Any")
        {
            set.Add(0, RuneSet.MaxRune);
            _ = set.Ranges;
            return set;
        }

        var wanted = s_categories[name];
        var start = -1;
        for (var cp = 0; cp <= RuneSet.MaxRune + 1; cp++)
        {
            var inSet = cp <= RuneSet.MaxRune && Array.IndexOf(wanted, CharUnicodeInfo.GetUnicodeCategory(cp)) >= 0;
            if (inSet && start < 0)
            {
                start = cp;
            }
            else if (!inSet && start >= 0)
            {
                set.Add(start, cp - 1);
                start = -1;
            }
        }

        // Normalize before publishing: the cached instance is then only ever read.
        _ = set.Ranges;
        return set;
    }
}
