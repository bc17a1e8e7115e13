using System.Globalization;
using ConfigResolver.Policy.Functions;

namespace ConfigResolver.Policy.Tests.Functions;

public sealed class PatternCacheTests
{
    [Fact]
    public void Bounded_cache_never_holds_more_than_its_capacity()
    {
        var built = 0;
        var cache = new BoundedCache<string>(4, key => { built++; return key.ToUpperInvariant(); });

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal("K" + i, cache.GetOrAdd("k" + i));
            Assert.InRange(cache.Count, 1, 4);
        }

        Assert.Equal(100, built);
    }

    [Fact]
    public void Bounded_cache_reuses_a_cached_value_and_does_not_cache_failures()
    {
        var calls = 0;
        var cache = new BoundedCache<object>(8, key => ++calls == 1 ? throw new FormatException(key) : new object());

        Assert.Throws<FormatException>(() => cache.GetOrAdd("x"));
        var first = cache.GetOrAdd("x");

        Assert.Same(first, cache.GetOrAdd("x"));
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Plain_form_caches_stay_bounded_when_fed_many_distinct_patterns()
    {
        for (var i = 0; i < BuiltInFunctions.PatternCacheCapacity * 3; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            Assert.True(BuiltInFunctions.KeyMatch2("/k/" + n + "/x", "/k/" + n + "/:id"));
            Assert.True(BuiltInFunctions.GlobMatch("/g/" + n, "/g/" + n + "*"));
        }

        // Other tests may add a few entries concurrently; the bound is the capacity per cache.
        Assert.InRange(BuiltInFunctions.CachedKeyMatch2Count, 1, BuiltInFunctions.PatternCacheCapacity + 16);
        Assert.InRange(BuiltInFunctions.CachedPatternCount, 1, 9 * (BuiltInFunctions.PatternCacheCapacity + 16));
    }
}
