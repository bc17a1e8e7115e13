using Microsoft.Extensions.Options;

namespace ConfigResolver.Hosting.Tests;

public sealed class OptionsValidationTests
{
    public static TheoryData<Dictionary<string, string?>, string> BadSettings => new()
    {
        { new() { ["ConfigResolver:Store:Provider"] = "Sqlite" }, "ConfigResolver:Store:ConnectionString: expected the Sqlite file's path; found nothing." },
        { new() { ["ConfigResolver:Store:Provider"] = "Postgres", ["ConfigResolver:Store:ConnectionString"] = "postgres://" }, "ConfigResolver:Store:ConnectionString: expected a PostgreSQL connection" },
        { new() { ["ConfigResolver:Store:Provider"] = "Postgres", ["ConfigResolver:Store:ConnectionString"] = "./file.db" }, "ConfigResolver:Store:ConnectionString: expected a PostgreSQL connection (postgres://user:password@host:port/db or Host=...;Database=...); found a Sqlite locator" },
        { new() { ["ConfigResolver:Store:Provider"] = "InMemory", ["ConfigResolver:Policies:Source"] = "Directory" }, "ConfigResolver:Policies:Directory: expected a policy directory when Policies:Source is 'Directory'; found nothing." },
        { new() { ["ConfigResolver:Store:Provider"] = "InMemory", ["ConfigResolver:Policies:Source"] = "Directory", ["ConfigResolver:Policies:Directory"] = "/no/such/dir" }, "ConfigResolver:Policies:Directory: expected an existing directory; found '/no/such/dir', which does not exist." },
        { new() { ["ConfigResolver:Store:Provider"] = "InMemory", ["ConfigResolver:Health:StoreTimeout"] = "00:00:00" }, "ConfigResolver:Health:StoreTimeout: expected a positive duration; found '00:00:00'." },
        { new() { ["ConfigResolver:Store:Provider"] = "InMemory", ["ConfigResolver:Resolver:ChangePollInterval"] = "-00:00:01" }, "ConfigResolver:Resolver:ChangePollInterval: expected a positive duration" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_setting_fails_the_host_start_naming_the_configuration_key(Dictionary<string, string?> settings, string expected)
    {
        using var host = HostFactory.Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_value_that_does_not_convert_fails_the_start_naming_its_path()
    {
        using var host = HostFactory.Build(new Dictionary<string, string?> { ["ConfigResolver:Store:Provider"] = "Oracle" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("ConfigResolver:Store:Provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_postgres_password_is_never_part_of_a_validation_message()
    {
        using var host = HostFactory.Build(new Dictionary<string, string?>
        {
            ["ConfigResolver:Store:Provider"] = "Postgres",
            ["ConfigResolver:Store:ConnectionString"] = "Host=db;Password=hunter2-secret;Bogus=1",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ConfigResolver:Store:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Builder_calls_override_what_configuration_bound()
    {
        using var host = HostFactory.Build(new Dictionary<string, string?> { ["ConfigResolver:Store:Provider"] = "Sqlite" }, b => b.UseInMemory());

        await host.StartAsync();
        await host.StopAsync();
    }
}
