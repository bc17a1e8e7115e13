using ConfigResolver.Benchmarks.Access;

namespace ConfigResolver.Benchmarks.Tests;

/// <summary>The access benchmarks set up (their setup verifies every key and token) and each body returns the right answer; untimed.</summary>
public sealed class AccessBenchmarkSmokeTests
{
    [Fact]
    public void Authenticate_benchmark_paths_each_return_every_keys_own_principal()
    {
        var benchmark = new AuthenticateBenchmarks();
        benchmark.GlobalSetup();
        try
        {
            Assert.True(benchmark.EveryKeyIsItself(benchmark.Dictionary_of_key_text, sqlite: false));
            Assert.True(benchmark.EveryKeyIsItself(benchmark.Authenticate_cached, sqlite: false));
            Assert.True(benchmark.EveryKeyIsItself(benchmark.Sqlite_authenticate_miss, sqlite: true));
            Assert.NotNull(benchmark.Sqlite_read_by_prefix());
        }
        finally
        {
            benchmark.GlobalCleanup();
        }
    }

    [Fact]
    public void Token_and_check_benchmarks_verify_and_allow_through_a_key_what_they_allow_the_user()
    {
        var benchmark = new TokenAndCheckBenchmarks();
        benchmark.GlobalSetup();
        try
        {
            Assert.Equal(TokenAndCheckBenchmarks.Organizations, benchmark.CountAllowed(benchmark.Check_user_cached));
            Assert.Equal(TokenAndCheckBenchmarks.Organizations, benchmark.CountAllowed(benchmark.Check_api_key_cached));
            Assert.NotNull(benchmark.Verify_token().ApiKeyId);
            Assert.Equal(32, benchmark.Hmac_only().Length);
        }
        finally
        {
            benchmark.GlobalCleanup();
        }
    }
}
